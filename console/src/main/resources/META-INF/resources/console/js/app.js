// The console's shell: routes (#/signin, #/dashboard/<unit>), the signed-in person, the language switch.
import { lang, setLanguage, t } from './i18n.js';
import { user, signOut } from './session.js';
import { el, showProblem, clearProblem } from './dom.js';
import { renderSignIn } from './signin.js';
import { renderDashboard, leaveDashboard } from './dashboard.js';

const view = document.getElementById('view');

async function route() {
  clearProblem();
  leaveDashboard();
  const hash = location.hash || '#/';
  const me = user();
  chrome(me);
  if (!me || hash.startsWith('#/signin')) {
    if (me && hash.startsWith('#/signin')) signOut();
    chrome(null);
    return renderSignIn(view);
  }
  const dashboard = hash.match(/^#\/dashboard\/([^?]+)(?:\?date=(\d{4}-\d{2}-\d{2}))?$/);
  if (dashboard) return renderDashboard(view, decodeURIComponent(dashboard[1]), dashboard[2]);
  location.hash = '#/dashboard/' + encodeURIComponent(me.org);
}

function chrome(me) {
  document.title = t('app.title');
  document.documentElement.lang = lang();
  document.querySelectorAll('[data-i18n]').forEach(node => { node.textContent = t(node.dataset.i18n); });
  const nav = document.getElementById('nav');
  nav.replaceChildren();
  if (me) {
    nav.append(el('a', { href: '#/dashboard/' + encodeURIComponent(me.org), class: 'active' }, t('nav.dashboard')));
  }
  document.getElementById('who').textContent = me ? `${me.sub} · ${t('role.' + me.groups[0])} · ${me.org}` : '';
  document.getElementById('sign-out').hidden = !me;
  document.getElementById('language').textContent = t('session.language');
}

/** A page the API refused shows the refusal alone, never the page before it under the new address. */
function failed(problem) {
  leaveDashboard();
  view.replaceChildren();
  showProblem(problem);
}

document.getElementById('language').addEventListener('click', () => {
  setLanguage(lang() === 'en' ? 'zh-CN' : 'en');
  route().catch(failed);
});
document.getElementById('sign-out').addEventListener('click', () => {
  signOut();
  location.hash = '#/signin';
});
window.addEventListener('hashchange', () => route().catch(failed));
route().catch(failed);
