// The complaints board: the complaints in the caller's scope that are not closed, with the two SLA clocks (first
// response, resolution) counting down to their due time, refreshed every 30 s without a reload.
import { api } from './api.js';
import { t } from './i18n.js';
import { el } from './dom.js';

const OPEN = ['NEW', 'ASSIGNED', 'IN_PROGRESS', 'ESCALATED', 'REOPENED'];
let ticker = null;

export function leaveComplaints() {
  if (ticker) clearInterval(ticker);
  ticker = null;
}

export async function renderComplaints(view) {
  leaveComplaints();
  const pages = await Promise.all(OPEN.map(state => api('/api/v1/complaints?limit=100&state=' + state)));
  const complaints = pages.flatMap(p => p.items)
    .sort((a, b) => (due(a) < due(b) ? -1 : 1));
  const body = el('tbody');
  complaints.forEach(c => body.append(el('tr', { 'data-complaint': c.id },
    el('td', {}, el('a', { href: '#/customers/' + encodeURIComponent(c.customerId) }, c.customerId)),
    el('td', {}, c.category ?? ''), el('td', {}, t('severity.' + c.severity)), el('td', {}, t('complaintState.' + c.state)),
    el('td', { class: 'clock', 'data-due': c.firstRespondedAt ? '' : (c.sla?.firstResponseDue ?? '') }),
    el('td', { class: 'clock', 'data-due': c.resolvedAt ? '' : (c.sla?.resolutionDue ?? '') }))));
  view.replaceChildren(el('h1', {}, t('complaints.title')), complaints.length
    ? el('table', { id: 'complaint-board' }, el('thead', {}, el('tr', {}, el('th', {}, t('complaints.customer')),
      el('th', {}, t('complaints.category')), el('th', {}, t('complaints.severity')), el('th', {}, t('complaints.state')),
      el('th', {}, t('complaints.firstResponse')), el('th', {}, t('complaints.resolution')))), body)
    : el('p', { class: 'meta' }, t('complaints.none')));
  tick();
  ticker = setInterval(tick, 30000);
}

function due(c) {
  return c.sla?.resolutionDue ?? '9999';
}

/** Each clock as the time left (or overdue by), in hours and minutes. */
function tick() {
  const now = Date.now();
  document.querySelectorAll('#complaint-board td.clock').forEach(cell => {
    if (!cell.dataset.due) {
      cell.textContent = t('complaints.done');
      return;
    }
    const minutes = Math.round((Date.parse(cell.dataset.due) - now) / 60000);
    const span = `${Math.floor(Math.abs(minutes) / 60)}h ${Math.abs(minutes) % 60}m`;
    cell.textContent = minutes >= 0 ? t('complaints.left', { span }) : t('complaints.overdue', { span });
    cell.classList.toggle('missed', minutes < 0);
  });
}
