// Calls the query API: locally on the page's own origin, with no sign-in but a role switch; in AWS
// at the address the stack writes into config.json next to the page, with the signed-in officer's
// access token.
import { endSession, finishSignIn, groupsOf, session, signInView, signOut } from './auth.js';

const config = await fetch('config.json')
  .then((res) => (res.ok ? res.json() : {}))
  .catch(() => ({}));
const base = String(config.api ?? '').replace(/\/$/, '');

/** True when the API is in AWS and nobody is signed in (or the token has expired). */
export const needsSignIn = () => Boolean(config.auth) && !session();
export const signInPage = (message) => signInView(config.auth, message);
/** True when an officer is signed in (in AWS); locally there is no sign-in, so nothing to sign out of. */
export const signedIn = () => Boolean(config.auth) && Boolean(session());
export const signOutOfficer = () => signOut(config.auth);
/** Completes a sign-in the hosted UI has just sent back, if any. */
export const completeSignIn = async () => (config.auth ? finishSignIn(config.auth) : false);

/**
 * Locally (127.0.0.1) the page acts in a role of the user pool's groups, chosen on the switch and
 * sent with each call; the API's own authorisation decides what the role may do, as in AWS.
 */
const ROLE = 'ogi-local-role';
export const localRoles = () => config.local?.roles ?? [];
export const localRole = () => (localRoles().includes(sessionStorage.getItem(ROLE)) ? sessionStorage.getItem(ROLE) : 'reviewer');
export const setLocalRole = (role) => sessionStorage.setItem(ROLE, role);

/** Whether the caller may confirm, dismiss and decide: what the page offers (the API checks it anyway). */
export const canReview = () => (config.local ? localRole() === 'reviewer' : groupsOf(session()).includes('reviewer'));

export class ApiError extends Error {
  constructor(status, body) {
    super(body?.message ?? `HTTP ${status}`);
    this.status = status;
    this.body = body;
  }
}

export function url(path, query = {}) {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  const qs = params.toString();
  return `${base || location.origin}${path}${qs ? `?${qs}` : ''}`;
}

export const get = async (path, query) => (await send('GET', url(path, query))).json();
export const patch = async (path, body) => (await send('PATCH', url(path), body)).json();
export const bytes = async (path) => new Uint8Array(await (await send('GET', url(path))).arrayBuffer());

/** Fetches a file (the CSV) with the same authorization and hands it to the browser as a download. */
export async function download(path, query, filename) {
  const blob = await (await send('GET', url(path, query))).blob();
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = filename;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}

async function send(method, target, body) {
  const text = body === undefined ? undefined : JSON.stringify(body);
  const headers = text ? { 'content-type': 'application/json' } : {};
  const signedIn = config.auth ? session() : null;
  if (signedIn) headers.authorization = `Bearer ${signedIn.accessToken}`;
  if (config.local) headers['x-ogi-local-role'] = localRole();
  const res = await fetch(target, { method, headers, body: text });
  if (res.ok) return res;
  const data = await res.json().catch(() => null);
  if (res.status === 401 && signedIn) endSession();
  throw new ApiError(res.status, data);
}

export const enc = encodeURIComponent;
