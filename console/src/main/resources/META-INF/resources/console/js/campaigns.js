// Campaigns: the list by state, and a campaign's race: per-branch progress against the starting and budget targets
// and the moment each was reached, the salesperson leaderboard, the award results with their split to people, the
// approval trail, and the review actions the API allows the signed-in person. Progress moves with the live stream.
import { api } from './api.js';
import { t, figure, percent, when } from './i18n.js';
import { el, showProblem } from './dom.js';
import { LiveStream } from './live.js';
import { user } from './session.js';
import { orgNames, unitLabel } from './names.js';

const STATES = ['ACTIVE', 'PILOT', 'APPROVED', 'IN_REVIEW', 'SUBMITTED', 'DRAFT', 'CLOSED', 'ARCHIVED', 'WITHDRAWN'];
let stream = null;

export function leaveCampaign() {
  if (stream) stream.close();
  stream = null;
}

export async function renderCampaignList(view, state) {
  const chosen = STATES.includes(state) ? state : 'ACTIVE';
  const [page, names] = await Promise.all([api('/api/v1/campaigns?limit=100&state=' + chosen), orgNames()]);
  const tabs = el('div', { class: 'grains', id: 'campaign-states' });
  STATES.forEach(s => tabs.append(el('a', { href: '#/campaigns?state=' + s, class: s === chosen ? 'active' : null,
    'data-state': s }, t('state.' + s))));
  const body = el('tbody');
  page.items.forEach(c => body.append(el('tr', { 'data-campaign': c.id },
    el('td', {}, el('a', { href: '#/campaigns/' + encodeURIComponent(c.id) }, c.code)), el('td', {}, c.theme),
    el('td', {}, unitLabel(names, c.orgUnit)), el('td', {}, `${c.period.start} – ${c.period.end}`), el('td', {}, t('state.' + c.state)))));
  view.replaceChildren(el('h1', {}, t('campaigns.title')), tabs, page.items.length
    ? el('table', { id: 'campaign-table' }, el('thead', {}, el('tr', {}, el('th', {}, t('campaigns.code')),
      el('th', {}, t('campaigns.theme')), el('th', {}, t('campaigns.owner')), el('th', {}, t('campaigns.period')),
      el('th', {}, t('campaigns.state')))), body)
    : el('p', { class: 'meta' }, t('campaigns.none')));
}

export async function renderCampaign(view, id) {
  leaveCampaign();
  const path = '/api/v1/campaigns/' + encodeURIComponent(id);
  const [campaign, progress, board, awards, names] = await Promise.all([api(path), api(path + '/progress'),
    api(path + '/leaderboard?level=salespeople&limit=20'), api(path + '/awards').catch(() => null), orgNames()]);
  view.replaceChildren(
    el('div', { class: 'crumbs' }, el('a', { href: '#/campaigns' }, t('campaigns.title')), ' › ', campaign.code),
    el('h1', { id: 'campaign-title', 'data-campaign': campaign.id }, `${campaign.code} · ${campaign.theme}`),
    el('div', { class: 'meta' }, `${t('state.' + campaign.state)} · ${campaign.period.start} – ${campaign.period.end}`,
      ' · ', t('campaigns.total', { total: figure(progress.total, 'MONEY') })),
    actions(view, campaign),
    el('h2', {}, t('campaigns.branches')), branches(progress, names),
    el('div', { class: 'columns' },
      el('section', {}, el('h2', {}, t('campaigns.leaderboard')), leaderboard(board.items, names)),
      el('section', {}, el('h2', {}, t('campaigns.review')), trail(campaign.review))),
    el('h2', {}, t('campaigns.awards')), awardsView(awards, names));
  stream = new LiveStream('/api/v1/live/campaigns', {
    onEvent: (type, data) => applyProgress(data, campaign.id),
    onReset: () => renderCampaign(view, id).catch(showProblem),
  }).open();
}

function branches(progress, names) {
  const body = el('tbody');
  for (const b of progress.branches) {
    body.append(el('tr', { 'data-branch': b.branch },
      el('td', {}, unitLabel(names, b.branch)),
      el('td', { class: 'num', 'data-achieved': b.achieved }, figure(b.achieved, 'MONEY')),
      el('td', {}, bar(b.achieved, b.starting, b.startingReachedAt)),
      el('td', {}, bar(b.achieved, b.budget, b.budgetReachedAt))));
  }
  return el('table', { id: 'branch-progress' }, el('thead', {}, el('tr', {}, el('th', {}, t('dashboard.unit')),
    el('th', { class: 'num' }, t('campaigns.achieved')), el('th', {}, t('campaigns.starting')),
    el('th', {}, t('campaigns.budget')))), body);
}

/** A progress bar drawn with <meter> (no inline style), its figures and the moment the target was reached. */
function bar(achieved, target, reachedAt) {
  const value = Number(achieved);
  const max = Math.max(Number(target) || 0, 0.01);
  return el('div', { class: 'bar' }, el('meter', { min: '0', max: String(max), value: String(Math.min(value, max)) }),
    el('span', { class: 'meta' }, ` ${figure(target, 'MONEY')}`,
      reachedAt ? el('span', { class: 'met' }, ' ✓ ' + t('campaigns.reachedAt', { at: when(reachedAt) })) : null));
}

function leaderboard(lines, names) {
  if (!lines.length) return el('p', { class: 'meta' }, t('dashboard.nothingToRank'));
  const body = el('tbody');
  lines.forEach(l => body.append(el('tr', {}, el('td', { class: 'num' }, l.rank), el('td', {}, l.salesperson),
    el('td', {}, unitLabel(names, l.branch)), el('td', { class: 'num' }, figure(l.achieved, 'MONEY')))));
  return el('table', { id: 'leaderboard' }, el('thead', {}, el('tr', {}, el('th', { class: 'num' }, t('dashboard.rank')),
    el('th', {}, t('dashboard.staff')), el('th', {}, t('dashboard.unit')), el('th', { class: 'num' }, t('campaigns.achieved')))),
  body);
}

function trail(review) {
  const list = el('ol', { id: 'review-trail' });
  if (review && review.submittedBy) list.append(el('li', {}, t('campaigns.submittedBy', { who: review.submittedBy })));
  (review?.decisions || []).forEach(d => list.append(el('li', { 'data-verdict': d.verdict },
    `${when(d.decidedAt)} · ${t('role.' + d.role)} ${d.actor}: ${t('verdict.' + d.verdict)}`, d.comment ? ` — ${d.comment}` : '')));
  if (review && review.awaitedRole) list.append(el('li', { class: 'meta' }, t('campaigns.awaiting', { role: t('role.' + review.awaitedRole) })));
  return list.childElementCount ? list : el('p', { class: 'meta' }, t('campaigns.noReview'));
}

function awardsView(awards, names) {
  if (!awards || !awards.awards?.length) return el('p', { class: 'meta' }, t('campaigns.noAwards'));
  const section = el('div', { id: 'awards' }, el('p', { class: 'meta' }, t('campaigns.pool', {
    pool: figure(awards.pool, 'MONEY'), awarded: figure(awards.awarded, 'MONEY') })));
  for (const outcome of awards.awards) {
    const body = el('tbody');
    for (const line of outcome.lines) {
      body.append(el('tr', { class: 'award-line', 'data-amount': line.amount },
        el('td', { class: 'num' }, line.place), el('td', {}, line.salesperson || unitLabel(names, line.branch)), el('td', {}, line.rule),
        el('td', { class: 'num' }, figure(line.amount, 'MONEY'))));
      (line.shares || []).forEach(s => body.append(el('tr', { class: 'award-share', 'data-staff': s.staffId,
        'data-amount': s.amount }, el('td', {}), el('td', {}, `↳ ${s.staffId} (${t('role.' + String(s.role).toLowerCase())})`),
        el('td', {}, percent(s.weight)), el('td', { class: 'num' }, figure(s.amount, 'MONEY')))));
    }
    section.append(el('h3', {}, `${outcome.name} · ${figure(outcome.awarded, 'MONEY')}`),
      el('table', { class: 'award-table' }, body));
  }
  return section;
}

/** Submit, approve and reject as the API allows: the buttons are offered, the API decides (its problem is shown). */
function actions(view, campaign) {
  const me = user();
  const box = el('div', { class: 'actions', id: 'campaign-actions' });
  const post = (verb, body) => api(`/api/v1/campaigns/${encodeURIComponent(campaign.id)}/${verb}`,
    { method: 'POST', body }).then(() => renderCampaign(view, campaign.id)).catch(showProblem);
  if (campaign.state === 'DRAFT') {
    box.append(button('campaigns.submit', 'submit', () => post('submit', {})));
  }
  if (['SUBMITTED', 'IN_REVIEW'].includes(campaign.state) && campaign.review?.awaitedRole
      && me.groups.includes(campaign.review.awaitedRole)) {
    const comment = el('input', { id: 'review-comment', placeholder: t('campaigns.comment') });
    box.append(comment, button('campaigns.approve', 'approve', () => post('approve', { comment: comment.value })),
      button('campaigns.reject', 'reject', () => post('reject', { comment: comment.value })));
  }
  return box;
}

function button(label, id, onClick) {
  const b = el('button', { type: 'button', id: 'action-' + id }, t(label));
  b.addEventListener('click', onClick);
  return b;
}

function applyProgress(event, campaignId) {
  if (event.campaignId !== campaignId) return;
  const cell = document.querySelector(`#branch-progress tr[data-branch="${event.branch}"] td[data-achieved]`);
  if (cell && event.achieved !== undefined) {
    cell.dataset.achieved = event.achieved;
    cell.textContent = figure(event.achieved, 'MONEY');
  }
}
