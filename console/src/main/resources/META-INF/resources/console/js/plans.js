// Plans of a unit, and a plan's page: its goals with live progress against what today should show, its tasks'
// execution, and its approval history.
import { api } from './api.js';
import { t, figure, when } from './i18n.js';
import { el } from './dom.js';
import { user } from './session.js';

export async function renderPlans(view, params) {
  const unit = params.get('unit') || user().org;
  const page = await api('/api/v1/plans?limit=100&ownerOrgUnit=' + encodeURIComponent(unit));
  const body = el('tbody');
  page.items.forEach(p => body.append(el('tr', { 'data-plan': p.id },
    el('td', {}, el('a', { href: '#/plans/' + encodeURIComponent(p.id) }, p.title)), el('td', {}, t('planKind.' + p.kind)),
    el('td', {}, `${p.period?.start ?? ''} – ${p.period?.end ?? ''}`))));
  view.replaceChildren(el('h1', {}, t('plans.title', { unit })),
    el('p', { class: 'meta' }, el('a', { href: '#/reports?unit=' + encodeURIComponent(unit), id: 'reports-link' },
      t('plans.reports'))),
    page.items.length ? el('table', { id: 'plan-table' }, el('thead', {}, el('tr', {}, el('th', {}, t('plans.plan')),
      el('th', {}, t('plans.kind')), el('th', {}, t('campaigns.period')))), body)
      : el('p', { class: 'meta' }, t('plans.none')));
}

export async function renderPlan(view, id) {
  const path = '/api/v1/plans/' + encodeURIComponent(id);
  const [plan, progress, history] = await Promise.all([api(path), api(path + '/progress').catch(() => null),
    api(path + '/history?limit=50').catch(() => ({ items: [] }))]);
  view.replaceChildren(
    el('div', { class: 'crumbs' }, el('a', { href: '#/plans?unit=' + encodeURIComponent(plan.ownerOrgUnit) },
      t('plans.title', { unit: plan.ownerOrgUnit })), ' › ', plan.title),
    el('h1', { id: 'plan-title', 'data-plan': plan.id }, plan.title),
    el('div', { class: 'meta' }, `${t('planState.' + plan.state)} · ${plan.period?.start ?? ''} – ${plan.period?.end ?? ''}`,
      plan.budget ? ' · ' + t('plans.budget', { total: figure(plan.budget.total, 'MONEY') }) : ''),
    el('h2', {}, t('plans.goals')), goals(progress),
    el('h2', {}, t('plans.tasks')), tasks(progress),
    el('h2', {}, t('plans.history')), steps(history.items || []));
}

function goals(progress) {
  if (!progress || !progress.items.length) return el('p', { class: 'meta' }, t('plans.noGoals'));
  const body = el('tbody');
  progress.items.forEach(g => body.append(el('tr', { 'data-goal': g.goalId, class: g.atRisk ? 'missed' : null },
    el('td', {}, g.title ?? g.goalId), el('td', { class: 'num' }, g.target ?? ''),
    el('td', { class: 'num', 'data-actual': g.actual ?? '' }, g.actual ?? ''),
    el('td', { class: 'num' }, g.achievementPercent ? g.achievementPercent + '%' : ''),
    el('td', { class: 'num' }, g.expectedPercent ? g.expectedPercent + '%' : ''),
    el('td', {}, g.atRisk ? t('plans.atRisk') : ''), el('td', {}, g.kpi ? `${g.kpi} ${g.period ?? ''}` : t('plans.manual')))));
  return el('table', { id: 'goal-progress' }, el('thead', {}, el('tr', {}, el('th', {}, t('plans.goal')),
    el('th', { class: 'num' }, t('plans.target')), el('th', { class: 'num' }, t('plans.actual')),
    el('th', { class: 'num' }, t('plans.achieved')), el('th', { class: 'num' }, t('plans.expected')), el('th', {}, ''),
    el('th', {}, t('plans.source')))), body);
}

function tasks(progress) {
  if (!progress || !progress.tasks || !progress.tasks.total) return el('p', { class: 'meta' }, t('plans.noTasks'));
  return el('p', { id: 'task-progress' }, t('plans.taskSummary', { total: progress.tasks.total,
    done: progress.tasks.completionPercent, overdue: (progress.tasks.overdue || []).length }));
}

function steps(items) {
  if (!items.length) return el('p', { class: 'meta' }, t('campaigns.noReview'));
  const list = el('ol', { id: 'plan-history' });
  items.forEach(s => list.append(el('li', {}, `${when(s.at)} · ${s.actorId}: ${s.action} (${t('planState.' + s.to)})`,
    s.note ? ` — ${s.note}` : '')));
  return list;
}
