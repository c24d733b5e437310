// The sign-in page: the company's identity provider (OIDC, when the gateway names one) and, on the local platform,
// the dev sign-in (a role and an org unit).
import { api } from './api.js';
import { signIn } from './session.js';
import { t } from './i18n.js';
import { el, showProblem } from './dom.js';
import { startSignIn } from './oidc.js';

export async function renderSignIn(view) {
  const settings = await api('/console/settings', { auth: false });
  view.replaceChildren(el('h1', {}, t('signin.title')));
  if (settings.oidc) {
    const company = el('button', { type: 'button', id: 'signin-oidc', class: 'primary' }, t('signin.oidc'));
    company.addEventListener('click', () => startSignIn(settings.oidc).catch(showProblem));
    view.append(el('p', {}, company));
  }
  if (!settings.devSignIn) {
    if (!settings.oidc) view.append(el('p', {}, t('signin.none')));
    return;
  }
  const role = el('select', { id: 'signin-role', name: 'role' },
    ...settings.roles.map(r => el('option', { value: r }, `${t('role.' + r)} (${r})`)));
  const orgUnit = el('input', { id: 'signin-org', name: 'orgUnit', required: 'required', autocomplete: 'off' });
  const staffId = el('input', { id: 'signin-staff', name: 'staffId', autocomplete: 'off' });
  const form = el('form', { class: 'signin', id: 'signin-form' },
    el('p', { class: 'meta' }, t('signin.dev')),
    el('label', { for: 'signin-role' }, t('signin.role')), role,
    el('label', { for: 'signin-org' }, t('signin.orgUnit')), orgUnit,
    el('label', { for: 'signin-staff' }, t('signin.staffId')), staffId,
    el('button', { type: 'submit', id: 'signin-submit' }, t('signin.submit')));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    try {
      const body = { role: role.value, orgUnit: orgUnit.value.trim() };
      if (staffId.value.trim()) body.staffId = staffId.value.trim();
      const answer = await api('/console/dev-sign-in', { method: 'POST', body, auth: false });
      signIn(answer.accessToken);
      location.hash = '#/dashboard/' + encodeURIComponent(answer.orgUnit);
    } catch (problem) {
      showProblem(problem);
    }
  });
  view.append(form);
}
