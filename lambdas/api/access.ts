import { HttpError } from './errors';

/** The user pool's groups (lib/sign-in.ts creates them): who may do what. */
export const GROUPS = {
  reviewer: 'Confirms and dismisses findings and decides values; reads everything.',
  officer: 'Reads reports, findings, comparisons and audit runs.',
} as const;

export class Forbidden extends HttpError {
  constructor(message: string) {
    super(403, 'forbidden', message);
  }
}

/** What API Gateway's JWT authorizer passes on: the token's claims (arrays flattened to `[a b]`). */
export type Claims = Record<string, string | number | boolean | string[] | undefined>;

/** `cognito:groups` as API Gateway forwards it: `[reviewer officer]`, or a real array. */
export function groupsOf(claims: Claims): string[] {
  const raw = claims['cognito:groups'];
  if (Array.isArray(raw)) return raw;
  return typeof raw === 'string'
    ? raw
        .replace(/^\[|\]$/g, '')
        .split(/[\s,]+/)
        .filter(Boolean)
    : [];
}

export class Unauthorized extends HttpError {
  constructor(message: string) {
    super(401, 'unauthorized', message);
  }
}

/**
 * Reading needs either group, writing needs `reviewer`. Fails closed: a request without claims
 * (a route left without the JWT authorizer, a direct invocation) is refused; the local server
 * passes the claims of its local officer, as the authorizer would.
 */
export function authorize(method: string, claims: Claims | undefined): void {
  if (!claims) throw new Unauthorized('Sign in: the request carries no signed-in officer.');
  const groups = groupsOf(claims);
  if (method !== 'GET' && !groups.includes('reviewer'))
    throw new Forbidden('Only reviewers may confirm, dismiss or decide; ask an administrator to add you to the reviewer group.');
  if (!groups.some((g) => g in GROUPS)) throw new Forbidden('Your account is in neither the officer nor the reviewer group; ask an administrator to add you.');
}
