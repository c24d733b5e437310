// The console's shell: routes (#/signin, #/dashboard/<unit>, #/campaigns, #/campaigns/<id>, #/customers,
// #/customers/<id>, #/complaints, #/follow-ups, #/plans, #/plans/<id>, #/reports), the signed-in person,
// the language switch.
import { lang, setLanguage, t } from './i18n.js';
import { user, signOut } from './session.js';
import { el, showProblem, clearProblem } from './dom.js';
import { renderSignIn } from './signin.js';
import { finishSignIn } from './oidc.js';
import { api } from './api.js';
import { renderDashboard, leaveDashboard } from './dashboard.js';
import { renderCampaignList, renderCampaign, leaveCampaign } from './campaigns.js';
import { renderCustomerSearch, renderCustomer } from './customers.js';
import { renderComplaints, leaveComplaints } from './complaints.js';
import { renderFollowUps } from './followups.js';
import { renderPlans, renderPlan } from './plans.js';
import { renderReports } from './reports.js';

const view = document.getElementById('view');

async function route() {
  clearProblem();
  leaveDashboard();
  leaveCampaign();
  leaveComplaints();
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
  const campaigns = hash.match(/^#\/campaigns(?:\?state=([A-Z_]+))?$/);
  if (campaigns) return renderCampaignList(view, campaigns[1]);
  const campaign = hash.match(/^#\/campaigns\/([^?]+)$/);
  if (campaign) return renderCampaign(view, decodeURIComponent(campaign[1]));
  const customers = hash.match(/^#\/customers(?:\?(.*))?$/);
  if (customers) return renderCustomerSearch(view, new URLSearchParams(customers[1] || ''));
  const customer = hash.match(/^#\/customers\/([^?]+)$/);
  if (customer) return renderCustomer(view, decodeURIComponent(customer[1]));
  if (hash === '#/complaints') return renderComplaints(view);
  if (hash === '#/follow-ups') return renderFollowUps(view);
  const plans = hash.match(/^#\/plans(?:\?(.*))?$/);
  if (plans) return renderPlans(view, new URLSearchParams(plans[1] || ''));
  const plan = hash.match(/^#\/plans\/([^?]+)$/);
  if (plan) return renderPlan(view, decodeURIComponent(plan[1]));
  const reports = hash.match(/^#\/reports(?:\?(.*))?$/);
  if (reports) return renderReports(view, new URLSearchParams(reports[1] || ''));
  location.hash = '#/dashboard/' + encodeURIComponent(me.org);
}

function chrome(me) {
  document.title = t('app.title');
  document.documentElement.lang = lang();
  document.querySelectorAll('[data-i18n]').forEach(node => { node.textContent = t(node.dataset.i18n); });
  const nav = document.getElementById('nav');
  nav.replaceChildren();
  if (me) {
    const here = ['campaigns', 'customers', 'complaints', 'follow-ups', 'plans', 'reports']
      .find(p => (location.hash || '').startsWith('#/' + p)) || 'dashboard';
    nav.append(el('a', { href: '#/dashboard/' + encodeURIComponent(me.org), class: here === 'dashboard' ? 'active' : null },
      t('nav.dashboard')), el('a', { href: '#/campaigns', class: here === 'campaigns' ? 'active' : null, id: 'nav-campaigns' },
      t('nav.campaigns')), el('a', { href: '#/customers', class: here === 'customers' ? 'active' : null,
      id: 'nav-customers' }, t('nav.customers')), el('a', { href: '#/complaints',
      class: here === 'complaints' ? 'active' : null, id: 'nav-complaints' }, t('nav.complaints')),
    el('a', { href: '#/follow-ups', class: here === 'follow-ups' ? 'active' : null, id: 'nav-follow-ups' },
      t('nav.followUps')), el('a', { href: '#/plans', class: ['plans', 'reports'].includes(here) ? 'active' : null,
      id: 'nav-plans' }, t('nav.plans')));
  }
  document.getElementById('who').textContent = me ? `${me.sub} · ${t('role.' + me.groups[0])} · ${me.org}` : '';
  document.getElementById('sign-out').hidden = !me;
  document.getElementById('language').textContent = t('session.language');
}

/** A page the API refused shows the refusal alone, never the page before it under the new address. */
function failed(problem) {
  leaveDashboard();
  leaveCampaign();
  leaveComplaints();
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

/** The first load: the provider's answer to a sign-in, if this is one, then the page. */
async function start() {
  if (new URLSearchParams(location.search).has('state')) {
    const settings = await api('/console/settings', { auth: false });
    await finishSignIn(settings.oidc);
  }
  return route();
}

start().catch(failed);
