// Org units by code → name, for tables whose API rows carry only codes (a campaign's branches, leaderboard and
// awards, the customer search, the reports page): the tree the signed-in person may see, read once per token with
// /api/v1/org-units (500 a page), instead of a request per row. A unit the reader cannot see, or a failed read,
// shows its code.
import { api } from './api.js';
import { token } from './session.js';

let cached = null;

export function orgNames() {
  const current = token();
  if (!cached || cached.token !== current) {
    cached = { token: current, names: load().catch(() => new Map()) };
  }
  return cached.names;
}

/** The unit's name with its code, or the code alone when the name is unknown. */
export function unitLabel(names, code) {
  if (!code) return '';
  const name = names.get(code);
  return name ? `${name} (${code})` : code;
}

async function load() {
  const names = new Map();
  let cursor = null;
  do {
    const page = await api('/api/v1/org-units?limit=500' + (cursor ? '&cursor=' + encodeURIComponent(cursor) : ''));
    page.items.forEach(u => names.set(u.code, u.name));
    cursor = page.nextCursor;
  } while (cursor);
  return names;
}
