// Follow-ups due today for the signed-in person (their staff id is the token's subject), in due order.
import { api } from './api.js';
import { t, when, businessToday, dayAfter } from './i18n.js';
import { el } from './dom.js';
import { user } from './session.js';

export async function renderFollowUps(view) {
  const me = user();
  const today = businessToday();
  // tasks fall due at the start of a day (a callback "by the end of the third day" is due at the fourth's 00:00), so
  // those due by the end of today are due by tomorrow's 00:00; the API's dueBefore includes that instant
  const endOfToday = `${dayAfter(today)}T00:00:00+08:00`;
  const page = await api('/api/v1/follow-ups?limit=100&state=OPEN&salesperson=' + encodeURIComponent(me.sub)
    + '&dueBefore=' + encodeURIComponent(endOfToday));
  const body = el('tbody');
  page.items.forEach(f => body.append(el('tr', { 'data-follow-up': f.key },
    el('td', {}, Date.parse(f.dueBy) === Date.parse(endOfToday) ? t('followUps.endOfToday') : when(f.dueBy)),
    el('td', {}, el('a', { href: '#/customers/' + encodeURIComponent(f.customerId) }, f.customerId)),
    el('td', {}, t('contact.' + f.kind)), el('td', {}, f.period ?? ''))));
  view.replaceChildren(el('h1', {}, t('followUps.title', { who: me.sub, day: today })), page.items.length
    ? el('table', { id: 'follow-up-list' }, el('thead', {}, el('tr', {}, el('th', {}, t('followUps.due')),
      el('th', {}, t('complaints.customer')), el('th', {}, t('followUps.kind')), el('th', {}, t('followUps.period')))), body)
    : el('p', { class: 'meta' }, t('followUps.none')));
}
