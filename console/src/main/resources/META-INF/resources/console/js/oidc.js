// The production sign-in: the OIDC authorization-code flow with PKCE (RFC 7636, S256), run in the browser as a public
// client. The verifier and state live in this tab's sessionStorage only until the provider sends the browser back.
import { signIn } from './session.js';
import { Problem } from './api.js';

const PENDING = 'console.oidc';

/** To the provider's sign-in page; it comes back to this page with ?code=&state=. */
export async function startSignIn(oidc) {
  const verifier = randomString(64);
  const state = randomString(24);
  sessionStorage.setItem(PENDING, JSON.stringify({ verifier, state }));
  const challenge = base64url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))));
  const query = new URLSearchParams({ response_type: 'code', client_id: oidc.clientId, redirect_uri: redirectUri(),
    scope: oidc.scope, state, code_challenge: challenge, code_challenge_method: 'S256' });
  location.assign(oidc.authorizationEndpoint + (oidc.authorizationEndpoint.includes('?') ? '&' : '?') + query);
}

/** True when this load is the provider's answer, which it then turns into a signed-in tab (or a Problem). */
export async function finishSignIn(oidc) {
  const params = new URLSearchParams(location.search);
  if (!params.has('code') && !params.has('error')) return false;
  const pending = JSON.parse(sessionStorage.getItem(PENDING) || 'null');
  sessionStorage.removeItem(PENDING);
  history.replaceState(null, '', location.pathname + '#/');
  if (params.has('error')) throw new Problem(401, params.get('error'), params.get('error_description') || '');
  if (!pending || pending.state !== params.get('state') || !oidc) {
    throw new Problem(401, 'Sign-in failed', 'the answer does not belong to a sign-in this tab started');
  }
  const response = await fetch(oidc.tokenEndpoint, { method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'authorization_code', code: params.get('code'), redirect_uri: redirectUri(),
      client_id: oidc.clientId, code_verifier: pending.verifier }) });
  const answer = await response.json().catch(() => ({}));
  if (!response.ok || !answer.access_token) {
    throw new Problem(response.status, answer.error || 'Sign-in failed', answer.error_description || '');
  }
  signIn(answer.access_token);
  return true;
}

function redirectUri() {
  return location.origin + location.pathname;
}

function randomString(length) {
  const bytes = crypto.getRandomValues(new Uint8Array(length));
  return base64url(bytes).slice(0, length);
}

function base64url(bytes) {
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
