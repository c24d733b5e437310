// Customers: search by name (Chinese too) or phone, grade and tier; a customer's page with purchases over time and
// one timeline of grade changes, membership-tier and VIP moves, credit-tier moves (for those who see credit), edits,
// follow-ups, complaints and contacts, newest first. Everything through the API with the signed-in person's token,
// so a branch sees its own customers only.
import { api } from './api.js';
import { t, figure, when } from './i18n.js';
import { el } from './dom.js';
import { orgNames, unitLabel } from './names.js';

const GRADES = ['', 'A', 'B', 'C'];
const TIERS = ['', 'NONE', 'SILVER', 'GOLD', 'DIAMOND'];

export async function renderCustomerSearch(view, params) {
  const q = params.get('q') || '';
  const grade = params.get('grade') || '';
  const tier = params.get('tier') || '';
  const query = el('input', { id: 'customer-q', name: 'q', value: q, placeholder: t('customers.search') });
  const grades = el('select', { id: 'customer-grade', name: 'grade' },
    ...GRADES.map(g => el('option', { value: g, selected: g === grade ? 'selected' : null }, g || t('customers.anyGrade'))));
  const tiers = el('select', { id: 'customer-tier', name: 'tier' },
    ...TIERS.map(x => el('option', { value: x, selected: x === tier ? 'selected' : null }, x ? t('tier.' + x) : t('customers.anyTier'))));
  const form = el('form', { class: 'search', id: 'customer-search' }, query, grades, tiers,
    el('button', { type: 'submit', id: 'customer-search-submit' }, t('customers.find')));
  form.addEventListener('submit', event => {
    event.preventDefault();
    const next = new URLSearchParams();
    if (query.value.trim()) next.set('q', query.value.trim());
    if (grades.value) next.set('grade', grades.value);
    if (tiers.value) next.set('tier', tiers.value);
    location.hash = '#/customers?' + next;
  });
  view.replaceChildren(el('h1', {}, t('customers.title')), form);
  const search = new URLSearchParams({ limit: '50' });
  if (q) search.set('q', q);
  if (grade) search.set('grade', grade);
  if (tier) search.set('tier', tier);
  const [page, names] = await Promise.all([api('/api/v1/customers?' + search), orgNames()]);
  const body = el('tbody');
  page.items.forEach(c => body.append(el('tr', { 'data-customer': c.id },
    el('td', {}, el('a', { href: '#/customers/' + encodeURIComponent(c.id) }, c.name)), el('td', {}, c.grade ?? ''),
    el('td', {}, c.tier ? t('tier.' + c.tier) : ''), el('td', {}, c.vip ? 'VIP' : ''), el('td', {}, unitLabel(names, c.orgUnit)), el('td', {}, c.phone ?? ''))));
  view.append(page.items.length ? el('table', { id: 'customer-table' }, el('thead', {}, el('tr', {},
    el('th', {}, t('customers.name')), el('th', {}, t('customers.grade')), el('th', {}, t('customers.tier')),
    el('th', {}, 'VIP'), el('th', {}, t('dashboard.unit')), el('th', {}, t('customers.phone')))), body)
    : el('p', { class: 'meta' }, t('customers.none')));
}

export async function renderCustomer(view, id) {
  const path = '/api/v1/customers/' + encodeURIComponent(id);
  const encoded = encodeURIComponent(id);
  const none = () => ({ items: [] });
  const loaded = api(path);
  const [customer, stats, grades, tiers, credits, followUps, complaints, logs, audit] = await Promise.all([loaded,
    api(path + '/purchase-stats'), api(path + '/grade-changes?limit=50').catch(none),
    api(path + '/tier-changes?limit=50').catch(none),
    // credit data only where the API shows it (the customer's `credit` member: supervisors and above)
    loaded.then(c => (c.credit ? api(path + '/credit-tier-changes?limit=50') : none())).catch(none),
    api('/api/v1/follow-ups?limit=50&customerId=' + encoded).catch(none),
    api('/api/v1/complaints?limit=50&customerId=' + encoded).catch(none),
    api(path + '/contact-logs?limit=50').catch(none),
    api(path + '/audit-entries?limit=50').catch(none)]);
  const chart = el('div', { class: 'chart wide', id: 'purchases-chart' });
  view.replaceChildren(
    el('div', { class: 'crumbs' }, el('a', { href: '#/customers' }, t('customers.title')), ' › ', customer.name),
    el('h1', { id: 'customer-title', 'data-customer': customer.id }, customer.name),
    el('div', { class: 'meta' }, [customer.grade && t('customers.gradeIs', { grade: customer.grade }),
      customer.tier && t('tier.' + customer.tier),
      customer.vip ? 'VIP' : null, customer.lifecycleStage, customer.orgUnit].filter(Boolean).join(' · ')),
    el('div', { class: 'figures', id: 'purchase-stats' },
      fact('customers.spend12', figure(stats.spend12Months, 'MONEY'), stats.spend12Months),
      fact('customers.lifetime', figure(stats.lifetimeSpend, 'MONEY'), stats.lifetimeSpend),
      fact('customers.orders', String(stats.orderCount), String(stats.orderCount)),
      fact('customers.score', String(stats.valueScore?.score ?? ''), String(stats.valueScore?.score ?? ''))),
    el('h2', {}, t('customers.purchases')), chart,
    el('h2', {}, t('customers.timeline')), timeline([...gradeEntries(grades.items), ...tierEntries(tiers.items),
      ...creditEntries(credits.items), ...followUpEntries(followUps.items), ...complaintEntries(complaints.items),
      ...contactEntries(logs.items), ...editEntries(audit.items)]));
  requestAnimationFrame(() => drawPurchases(chart, stats.spendByMonth || {}));
}

function fact(label, shown, value) {
  return el('div', { class: 'figure', 'data-fact': label },
    el('div', { class: 'label' }, t(label)), el('div', { class: 'value', 'data-value': value }, shown));
}

function drawPurchases(node, byMonth) {
  if (!window.echarts) return;
  const months = Object.keys(byMonth).sort();
  window.echarts.init(node).setOption({
    animation: false, grid: { left: 8, right: 8, top: 8, bottom: 18, containLabel: true }, tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: months }, yAxis: { type: 'value' },
    series: [{ name: t('customers.spend'), type: 'bar', barMaxWidth: 40, data: months.map(m => Number(byMonth[m])),
      color: '#c8102e' }],
  });
}

/** Entries of the timeline: when, what kind, the text, and the facts a test or a stylesheet may read. */
const gradeEntries = grades => grades.map(g => ({ at: g.changedAt, kind: 'grade',
  text: t('customers.gradeChange', { from: g.from ?? '—', to: g.to, reason: g.reason ?? '' }) }));

const followUpEntries = followUps => followUps.map(f => ({ at: f.completedAt || f.dueBy, kind: 'follow-up',
  text: t('customers.followUp', { kind: f.kind, state: f.state }) }));

const complaintEntries = complaints => complaints.map(c => ({ at: c.receivedAt, kind: 'complaint',
  text: t('customers.complaint', { category: c.category, state: c.state }) }));

const contactEntries = logs => logs.map(l => ({ at: l.occurredAt, kind: 'contact',
  text: `${l.channel}: ${l.content ?? ''}` }));

const editEntries = audit => audit.filter(a => a.changes && typeof a.changes === 'object').map(a => ({ at: a.at,
  kind: 'edit', text: `${a.actor}: ` + Object.entries(a.changes).map(([field, c]) => `${field} ${c?.from ?? '—'} → ${c?.to ?? '—'}`)
    .join('; ') }));

/** Membership tier and VIP moves: by purchases, by the window rolling on, by an approved nomination (and by whom). */
function tierEntries(changes) {
  const standing = (tier, vip) => t('tier.' + tier) + (vip ? ' · VIP' : '');
  return changes.map(c => ({ at: c.changedAt, kind: 'tier', facts: { from: c.from, to: c.to, vip: String(c.vip) },
    text: t('customers.standingChange', { from: standing(c.from, c.wasVip), to: standing(c.to, c.vip),
      why: t('tierSource.' + c.source)
        + (c.windowSpend ? t('customers.windowSpend', { spend: figure(c.windowSpend, 'MONEY') }) : ''),
      who: c.changedBy ? ' · ' + c.changedBy : '' }) }));
}

/** Credit-tier moves: an approved change request (and its approver) or an automatic downgrade. */
function creditEntries(changes) {
  return changes.map(c => ({ at: c.changedAt, kind: 'credit', facts: { from: c.from, to: c.to },
    text: t('customers.standingChange', { from: t('credit.' + c.from), to: t('credit.' + c.to),
      why: t('creditReason.' + c.reason) + (c.fulfilmentPercent ? ` (${c.fulfilmentPercent}%)` : ''),
      who: c.changedBy ? ' · ' + c.changedBy : '' }) }));
}

/** Every entry on one line of time, newest first (the API's times all carry the +08:00 offset, so they sort as text). */
function timeline(all) {
  // stable on equal times: each history keeps the API's order (newest first by id)
  const entries = all.filter(e => e.at).sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
  if (!entries.length) return el('p', { class: 'meta' }, t('customers.nothingYet'));
  const list = el('ol', { class: 'timeline', id: 'customer-timeline' });
  entries.forEach(e => list.append(el('li', { 'data-kind': e.kind, 'data-at': e.at,
    ...Object.fromEntries(Object.entries(e.facts || {}).map(([k, v]) => ['data-' + k, v])) },
  el('span', { class: 'meta' }, when(e.at)), ' ', el('strong', {}, t('timeline.' + e.kind)), ' ', e.text)));
  return list;
}
