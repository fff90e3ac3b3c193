// Sign-in in AWS: the Cognito hosted UI with the authorization-code flow and PKCE. The tokens
// stay in this tab's sessionStorage and are gone when it closes; no AWS keys ever reach the page.
// Locally (config.json without `auth`) there is no sign-in.
import { el } from './dom.js';
import { tr } from './lang.js';

const SESSION = 'ogi-session';
const PENDING = 'ogi-sign-in';

const b64url = (bytes) =>
  btoa(String.fromCharCode(...new Uint8Array(bytes)))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
const random = () => b64url(crypto.getRandomValues(new Uint8Array(32)));
const redirectUri = () => `${location.origin}/`;

/** The signed-in session, or null when there is none or its token has (nearly) expired. */
export function session() {
  try {
    const s = JSON.parse(sessionStorage.getItem(SESSION) ?? 'null');
    return s?.accessToken && s.expiresAt > Date.now() + 30_000 ? s : null;
  } catch {
    return null;
  }
}

export const endSession = () => sessionStorage.removeItem(SESSION);

/** The user pool groups of the signed-in officer, from the ID token (for what the page offers; the API decides). */
export function groupsOf(s) {
  try {
    const payload = JSON.parse(atob(s.idToken.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')));
    return Array.isArray(payload['cognito:groups']) ? payload['cognito:groups'] : [];
  } catch {
    return [];
  }
}

/** Off to the hosted UI; the view the officer asked for is restored on the way back. */
export async function startSignIn(auth) {
  const verifier = random();
  const state = random();
  sessionStorage.setItem(PENDING, JSON.stringify({ verifier, state, hash: location.hash }));
  const challenge = b64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  const query = new URLSearchParams({
    response_type: 'code',
    client_id: auth.clientId,
    redirect_uri: redirectUri(),
    scope: 'openid email profile',
    state,
    code_challenge_method: 'S256',
    code_challenge: challenge,
  });
  location.assign(`${auth.domain}/oauth2/authorize?${query}`);
}

/** Back from the hosted UI with `?code=…&state=…`: exchanges the code for tokens. False when there is nothing to finish. */
export async function finishSignIn(auth) {
  const query = new URLSearchParams(location.search);
  const code = query.get('code');
  if (!code) return false;
  const pending = JSON.parse(sessionStorage.getItem(PENDING) ?? 'null');
  sessionStorage.removeItem(PENDING);
  history.replaceState(null, '', `${location.pathname}${pending?.hash ?? location.hash}`);
  if (!pending || pending.state !== query.get('state'))
    throw new Error('登录状态不符，请重新登录。The sign-in response does not match this tab; sign in again.');
  const res = await fetch(`${auth.domain}/oauth2/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      client_id: auth.clientId,
      code,
      redirect_uri: redirectUri(),
      code_verifier: pending.verifier,
    }),
  });
  if (!res.ok) throw new Error(`登录失败 Sign-in failed (HTTP ${res.status})`);
  const tokens = await res.json();
  sessionStorage.setItem(
    SESSION,
    JSON.stringify({ accessToken: tokens.access_token, idToken: tokens.id_token, expiresAt: Date.now() + tokens.expires_in * 1000 }),
  );
  return true;
}

/**
 * The hosted UI's sign-out: it ends the officer's Cognito session and sends the browser back to
 * `origin` (the page, a logout URL the app client registers, lib/sign-in.ts).
 */
export const logoutUrl = (auth, origin = location.origin) =>
  `${auth.domain}/logout?${new URLSearchParams({ client_id: auth.clientId, logout_uri: `${origin}/` })}`;

/** Forgets this tab's tokens, then signs out at the hosted UI, which returns to the page. */
export function signOut(auth) {
  endSession();
  location.assign(logoutUrl(auth));
}

export function signInView(auth, message) {
  return el(
    'section',
    { class: 'sign-in' },
    el('h2', {}, tr('登录 Sign in')),
    el('p', { class: 'hint' }, tr('请使用机关账号登录（统一身份认证页面）。Sign in with your officer account on the sign-in page.')),
    message ? el('p', { class: 'error', role: 'alert' }, message) : null,
    el('button', { type: 'button', onclick: () => startSignIn(auth) }, tr('登录 Sign in')),
  );
}
