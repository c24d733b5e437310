// The dashboard of one org unit: KPI tiles (today, this week, this month, each against its target), a trend chart per
// tile, the ranking of the units below (or of the staff, for a unit without any), drill-down along the tree, open
// alerts, and figures that move as sales arrive. Two requests and one stream: GET /kpis/dashboard,
// GET /kpi-alerts, GET /live/kpis.
import { api } from './api.js';
import { t, figure, percent } from './i18n.js';
import { el, showProblem } from './dom.js';
import { LiveStream } from './live.js';

const GRAINS = [['days', 'day'], ['weeks', 'week'], ['months', 'month']];
let stream = null;

export function leaveDashboard() {
  if (stream) stream.close();
  stream = null;
}

export async function renderDashboard(view, unit, date) {
  leaveDashboard();
  const query = new URLSearchParams();
  if (unit) query.set('orgUnit', unit);
  if (date) query.set('date', date);
  const [board, alerts] = await Promise.all([
    api('/api/v1/kpis/dashboard?' + query),
    api('/api/v1/kpi-alerts?limit=200').catch(() => ({ items: [] })),
  ]);
  const state = { board, selected: board.tiles[0]?.kpi, grains: {}, charts: new Map() };
  view.replaceChildren(header(board), liveBadge(), el('div', { class: 'tiles', id: 'tiles' }),
    el('div', { class: 'columns' }, el('section', { id: 'ranking' }), el('section', { id: 'alerts' })));
  board.tiles.forEach(tile => view.querySelector('#tiles').append(tileView(state, tile)));
  renderRanking(state);
  renderAlerts(board, alerts.items);
  // the dashboard's figures are on the page: what "first meaningful paint" measures (WebConsoleIT prints it)
  performance.mark('console-dashboard');
  if (!date) {
    stream = new LiveStream('/api/v1/live/kpis', {
      onEvent: (type, data) => applyMeasured(state, data),
      onReset: () => renderDashboard(view, board.orgUnit, date).catch(showProblem),
      onState: on => { const badge = document.getElementById('live'); if (badge) badge.classList.toggle('on', on); },
    }).open();
  }
}

function header(board) {
  const crumbs = el('div', { class: 'crumbs', id: 'crumbs' });
  board.path.forEach(u => crumbs.append(el('a', { href: '#/dashboard/' + encodeURIComponent(u.code) }, u.name || u.code),
    ' › '));
  crumbs.append(board.orgUnitName || board.orgUnit);
  const children = el('div', { class: 'meta', id: 'children' });
  board.children.forEach(u => children.append(
    el('a', { href: '#/dashboard/' + encodeURIComponent(u.code), 'data-unit': u.code }, u.name || u.code), ' '));
  return el('div', {}, crumbs,
    el('h1', { id: 'dashboard-title', 'data-unit': board.orgUnit }, t('dashboard.title', { unit: board.orgUnitName || board.orgUnit })),
    el('div', { class: 'meta' }, t('dashboard.asOf', { date: board.date, zone: board.timeZone })), children);
}

function liveBadge() {
  return el('div', { class: 'meta' }, el('span', { class: 'live', id: 'live' }), t('dashboard.live'));
}

function tileView(state, tile) {
  const node = el('article', { class: 'tile' + (tile.kpi === state.selected ? ' selected' : ''), 'data-kpi': tile.kpi });
  node.addEventListener('click', () => {
    state.selected = tile.kpi;
    document.querySelectorAll('.tile').forEach(n => n.classList.toggle('selected', n.dataset.kpi === tile.kpi));
    renderRanking(state);
  });
  const figures = el('div', { class: 'figures' });
  for (const [, grain] of GRAINS) figures.append(figureView(tile, grain));
  const tabs = el('div', { class: 'grains' });
  const chart = el('div', { class: 'chart' });
  for (const [series] of GRAINS) {
    const button = el('button', { type: 'button', 'data-grain': series }, t('grain.' + series));
    button.addEventListener('click', event => {
      event.stopPropagation();
      state.grains[tile.kpi] = series;
      tabs.querySelectorAll('button').forEach(b => b.classList.toggle('active', b === button));
      drawChart(state, tile, chart);
    });
    tabs.append(button);
  }
  state.grains[tile.kpi] = 'days';
  tabs.firstChild.classList.add('active');
  node.append(el('h3', {}, t('kpi.' + tile.kpi) === 'kpi.' + tile.kpi ? tile.name : t('kpi.' + tile.kpi)), figures, tabs, chart);
  // drawn once the tile is in the page, so that the chart knows its size
  requestAnimationFrame(() => drawChart(state, tile, chart));
  return node;
}

function figureView(tile, grain) {
  const m = tile[grain];
  const achievement = m.achievement === null || m.achievement === undefined ? null
    : el('div', { class: 'ach ' + (m.met ? 'met' : 'missed') }, t('dashboard.achievement', { rate: percent(m.achievement) }));
  const target = m.target ? el('div', { class: 'ach' }, t('dashboard.target', { target: figure(m.target, tile.unit) })) : null;
  return el('div', { class: 'figure', 'data-grain': grain, 'data-period': m.period },
    el('div', { class: 'label' }, t('dashboard.' + grain)),
    el('div', { class: 'value', 'data-value': m.value ?? '' }, figure(m.value, tile.unit)), target, achievement);
}

function drawChart(state, tile, node) {
  if (!window.echarts) return;
  let chart = state.charts.get(tile.kpi);
  if (!chart) {
    chart = window.echarts.init(node, null, { renderer: 'canvas' });
    state.charts.set(tile.kpi, chart);
  }
  const points = tile[state.grains[tile.kpi]];
  const number = v => (v === null || v === undefined ? null : Number(v));
  chart.setOption({
    animation: false,
    grid: { left: 8, right: 8, top: 8, bottom: 18, containLabel: true },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: points.map(p => p.period), axisLabel: { fontSize: 9 } },
    yAxis: { type: 'value', axisLabel: { fontSize: 9 } },
    series: [
      { name: t('chart.value'), type: 'line', data: points.map(p => number(p.value)), showSymbol: false, color: '#c8102e' },
      { name: t('chart.target'), type: 'line', data: points.map(p => number(p.target)), showSymbol: false,
        lineStyle: { type: 'dashed' }, color: '#616e7c' },
    ],
  }, true);
}

function renderRanking(state) {
  const section = document.getElementById('ranking');
  const tile = state.board.tiles.find(x => x.kpi === state.selected);
  if (!section || !tile) return;
  const name = t('kpi.' + tile.kpi);
  const staff = !tile.ranking.length && tile.staffRanking;
  const rows = staff ? tile.staffRanking : tile.ranking;
  const title = el('h2', {}, t(staff ? 'dashboard.staffRanking' : 'dashboard.ranking', { kpi: name }));
  if (!rows || !rows.length) {
    section.replaceChildren(title, el('p', { class: 'meta' }, t('dashboard.nothingToRank')));
    return;
  }
  const body = el('tbody');
  for (const row of rows) {
    const who = staff ? row.staffId
      : el('a', { href: '#/dashboard/' + encodeURIComponent(row.orgUnit) }, row.orgUnitName || row.orgUnit);
    body.append(el('tr', { 'data-unit': staff ? row.staffId : row.orgUnit },
      el('td', { class: 'num' }, row.rank ?? ''), el('td', {}, who),
      el('td', { class: 'num', 'data-value': row.value ?? '' }, figure(row.value, tile.unit))));
  }
  section.replaceChildren(title, el('table', { id: 'ranking-table' }, el('thead', {}, el('tr', {},
    el('th', { class: 'num' }, t('dashboard.rank')), el('th', {}, t(staff ? 'dashboard.staff' : 'dashboard.unit')),
    el('th', { class: 'num' }, t('dashboard.value')))), body));
}

function renderAlerts(board, transitions) {
  const section = document.getElementById('alerts');
  // an alert is open while its streak's last transition is OPENED
  const last = new Map();
  for (const a of transitions) last.set([a.kpi, a.orgUnit, a.periodType, a.streakStart].join('|'), a);
  const open = [...last.values()].filter(a => a.kind === 'OPENED');
  const list = el('ul', { id: 'alert-list' });
  open.forEach(a => list.append(el('li', {}, t('dashboard.alert',
    { kpi: t('kpi.' + a.kpi), unit: a.orgUnit, start: a.streakStart, misses: a.missesRunning }))));
  section.replaceChildren(el('h2', {}, t('dashboard.alerts')),
    open.length ? list : el('p', { class: 'meta' }, t('dashboard.noAlerts')));
}

/** A kpi.measured of a cell this page shows: its figures replaced in place, the tile flashed. */
function applyMeasured(state, cell) {
  const board = state.board;
  const tile = board.tiles.find(x => x.kpi === cell.kpi);
  if (!tile) return;
  for (const [series, grain] of GRAINS) {
    if (cell.orgUnit === board.orgUnit && tile[grain].period === cell.period) {
      Object.assign(tile[grain], { value: cell.value, numerator: cell.numerator, denominator: cell.denominator,
        target: cell.target ?? tile[grain].target, achievement: cell.achievement ?? tile[grain].achievement });
      const point = tile[series].find(p => p.period === cell.period);
      if (point) Object.assign(point, { value: cell.value, target: cell.target ?? point.target });
      const node = document.querySelector(`.tile[data-kpi="${tile.kpi}"]`);
      if (node) {
        node.querySelector(`.figure[data-grain="${grain}"]`).replaceWith(figureView(tile, grain));
        node.classList.remove('flash');
        void node.offsetWidth;
        node.classList.add('flash');
        drawChart(state, tile, node.querySelector('.chart'));
      }
    }
    if (grain === 'month' && tile.month.period === cell.period) {
      const row = tile.ranking.find(r => r.orgUnit === cell.orgUnit);
      if (row) {
        row.value = cell.value;
        if (state.selected === tile.kpi) renderRanking(state);
      }
    }
  }
}
