// Calls to the platform's API through the gateway, as every front end makes them: a bearer token, JSON, and
// RFC 9457 problem details turned into an error the page shows (title and detail), never a blank page.
import { token, signOut } from './session.js';
import { t } from './i18n.js';

export class Problem extends Error {
  constructor(status, title, detail, errors = []) {
    super(title);
    this.status = status;
    this.title = title;
    this.detail = detail;
    this.errors = errors;
  }
}

export async function api(path, { method = 'GET', body, auth = true } = {}) {
  const headers = { Accept: 'application/json' };
  if (auth && token()) headers.Authorization = 'Bearer ' + token();
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let response;
  try {
    response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch (e) {
    throw new Problem(0, t('problem.network'), String(e));
  }
  if (response.ok) {
    return response.status === 204 ? null : response.json();
  }
  const problem = await response.json().catch(() => ({}));
  if (response.status === 401 && auth) {
    signOut();
    location.hash = '#/signin';
  }
  throw new Problem(response.status, problem.title || response.statusText || String(response.status),
    problem.detail || '', problem.errors || []);
}
