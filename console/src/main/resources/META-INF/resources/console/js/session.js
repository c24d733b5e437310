// Who is signed in: the bearer token the API takes, kept for this browser tab only.
const STORE = 'console.token';

export function token() {
  const value = sessionStorage.getItem(STORE);
  if (!value) return null;
  const claims = decode(value);
  if (!claims || claims.exp * 1000 <= Date.now()) {
    sessionStorage.removeItem(STORE);
    return null;
  }
  return value;
}

export function signIn(value) { sessionStorage.setItem(STORE, value); }

export function signOut() { sessionStorage.removeItem(STORE); }

/** The signed-in person's claims (sub, groups, org), or null. */
export function user() {
  const value = token();
  return value ? decode(value) : null;
}

function decode(jwt) {
  try {
    const part = jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    const bytes = Uint8Array.from(atob(part), c => c.charCodeAt(0));
    return JSON.parse(new TextDecoder().decode(bytes));
  } catch (e) {
    return null;
  }
}
