// A unit's weekly and monthly reports for the current period: who has not submitted yet (not due, missing) and
// what its people submitted (on time, late with the reason, overdue). The periods are Shanghai's this week (ISO) and this month.
import { api } from './api.js';
import { t, when, businessToday } from './i18n.js';
import { el } from './dom.js';
import { orgNames, unitLabel } from './names.js';
import { user } from './session.js';

export async function renderReports(view, params) {
  const unit = params.get('unit') || user().org;
  const today = businessToday();
  const periods = [['WEEKLY', isoWeek(today)], ['MONTHLY', today.slice(0, 7)]];
  const sections = await Promise.all(periods.map(async ([kind, period]) => {
    const query = `kind=${kind}&period=${period}&orgUnit=${encodeURIComponent(unit)}&limit=200`;
    const [outstanding, submitted, names] = await Promise.all([api('/api/v1/reports/outstanding?' + query),
      api(`/api/v1/reports?kind=${kind}&period=${period}&limit=200`), orgNames()]);
    const body = el('tbody');
    outstanding.items.forEach(o => body.append(el('tr', { 'data-staff': o.staffId, 'data-status': o.status },
      el('td', {}, o.staffName || o.staffId), el('td', {}, unitLabel(names, o.orgUnit)), el('td', {}, t('reportStatus.' + o.status)),
      el('td', {}, when(o.dueAt)), el('td', {}, when(o.lateUntil)))));
    const mine = submitted.items.filter(r => r.orgUnit === unit);
    const done = el('tbody');
    mine.forEach(r => done.append(el('tr', { 'data-report': r.id, 'data-staff': r.staffId, 'data-status': r.status },
      el('td', {}, r.staffId), el('td', {}, t('reportStatus.' + r.status), r.lateReason ? ` — ${r.lateReason}` : ''),
      el('td', {}, when(r.submittedAt)), el('td', {}, when(r.dueAt)))));
    return el('section', { 'data-kind': kind }, el('h2', {}, t('reports.' + kind, { period })),
      outstanding.items.length ? el('table', { class: 'outstanding' }, el('thead', {}, el('tr', {},
        el('th', {}, t('dashboard.staff')), el('th', {}, t('dashboard.unit')), el('th', {}, t('complaints.state')),
        el('th', {}, t('reports.due')), el('th', {}, t('reports.lateUntil')))), body)
        : el('p', { class: 'meta' }, t('reports.allIn')),
      el('h3', {}, t('reports.submitted')),
      mine.length ? el('table', { class: 'submitted' }, el('thead', {}, el('tr', {}, el('th', {}, t('dashboard.staff')),
        el('th', {}, t('complaints.state')), el('th', {}, t('reports.submittedAt')), el('th', {}, t('reports.due')))), done)
        : el('p', { class: 'meta' }, t('reports.noneSubmitted')));
  }));
  view.replaceChildren(el('h1', {}, t('reports.title', { unit })), ...sections);
}

/** The ISO week of a day (yyyy-MM-dd) as the API names it: 2026-W49. */
export function isoWeek(day) {
  const date = new Date(day + 'T00:00:00Z');
  const weekday = (date.getUTCDay() + 6) % 7;
  date.setUTCDate(date.getUTCDate() - weekday + 3);
  const year = date.getUTCFullYear();
  const firstThursday = new Date(Date.UTC(year, 0, 4));
  const week = 1 + Math.round(((date - firstThursday) / 86400000 - 3 + ((firstThursday.getUTCDay() + 6) % 7)) / 7);
  return `${year}-W${String(week).padStart(2, '0')}`;
}
