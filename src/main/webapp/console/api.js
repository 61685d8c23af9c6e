// The console's one way to Roster's REST API: the signed-in session, the operator's chosen tenant, and answers
// turned into values or into ApiError (the API's problem document: its detail and the fields it names).

const KEY = 'roster.console.session';

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem || {};
    this.fields = problem?.errors || [];
  }
}

export const session = {
  get() {
    try { return JSON.parse(sessionStorage.getItem(KEY)) || null; } catch { return null; }
  },
  set(value) { sessionStorage.setItem(KEY, JSON.stringify(value)); },
  clear() { sessionStorage.removeItem(KEY); },
  /** The tenant requests act in: the user's own, or the one the operator picked. */
  tenant() { const s = this.get(); return s ? (s.operator ? s.acting : s.tenant) : null; },
  roles() { return this.get()?.roles || []; },
  /** Whether the signed-in person may change things (an administrator, or the operator). */
  canWrite() { const s = this.get(); return !!s && (s.operator || s.roles.includes('ADMINISTRATOR')); },
};

/** The claims of a token (its middle part), which the console reads to know who signed in. */
function claims(token) {
  const part = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
  return JSON.parse(decodeURIComponent(escape(atob(part.padEnd(part.length + (4 - part.length % 4) % 4, '=')))));
}

/** Signs in with a password: a tenant's user names the tenant, the platform operator none. */
export async function signIn(tenant, username, password) {
  const form = new URLSearchParams({ grant_type: 'password', username, password });
  if (tenant) form.set('tenant', tenant);
  const answer = await fetch('/api/v1/provisioning/token', { method: 'POST', body: form });
  const body = await answer.json().catch(() => ({}));
  if (!answer.ok) throw new ApiError(answer.status, body);
  const c = claims(body.access_token);
  const operator = c.roster_kind === 'operator';
  const previous = session.get();
  session.set({ token: body.access_token, expiresAt: Date.now() + body.expires_in * 1000, username: c.upn || username,
                tenant: tenant || null, operator, roles: c.groups || [],
                acting: operator && previous?.operator ? previous.acting : null });
}

let reauthenticate = null; // set by the app: asks the person to sign in again, resolves when they did

export function onExpired(handler) { reauthenticate = handler; }

/**
 * Calls the API. `body` is sent as JSON unless it is a string (sent with `type`); the answer's JSON, or null for
 * an empty one; a refusal is thrown as ApiError. An expired or refused token asks the person to sign in again
 * without leaving the page, then repeats the call once.
 */
export async function api(method, path, body, { type, raw, retried, headers: extra } = {}) {
  const s = session.get();
  const headers = { ...(extra || {}) };
  if (s) headers.Authorization = `Bearer ${s.token}`;
  const tenant = session.tenant();
  if (s?.operator && tenant) headers['X-Tenant'] = tenant;
  let payload;
  if (body !== undefined && body !== null) {
    if (typeof body === 'string' || body instanceof Blob) { payload = body; headers['Content-Type'] = type || 'text/plain'; }
    else { payload = JSON.stringify(body); headers['Content-Type'] = 'application/json'; }
  }
  const answer = await fetch(path, { method, headers, body: payload });
  if (answer.status === 401 && s && !retried && reauthenticate) {
    await reauthenticate();
    return api(method, path, body, { type, raw, retried: true, headers: extra });
  }
  if (raw) return answer;
  const text = await answer.text();
  let json = null;
  try { json = text ? JSON.parse(text) : null; } catch { json = { detail: text }; }
  if (!answer.ok) throw new ApiError(answer.status, json);
  return json === null ? null : Object.assign(json, { etag: answer.headers.get('ETag') || undefined });
}

export const enc = encodeURIComponent;
