// The sign-in page. Locally the gateway offers a dev sign-in (a role and an org unit); a deployment without it shows
// that no sign-in is configured here.
import { api } from './api.js';
import { signIn } from './session.js';
import { t } from './i18n.js';
import { el, showProblem } from './dom.js';

export async function renderSignIn(view) {
  const settings = await api('/console/settings', { auth: false });
  view.replaceChildren(el('h1', {}, t('signin.title')));
  if (!settings.devSignIn) {
    view.append(el('p', {}, t('signin.none')));
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
