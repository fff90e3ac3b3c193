import { handler } from '../../lambdas/api/handler';
import { authorize, groupsOf } from '../../lambdas/api/access';
import type { ApiEvent } from '../../lambdas/api/handler';

// Who may do what once signed in: API Gateway's JWT authorizer has checked the token; the
// handler checks the groups. No store is needed: a refused call never reaches a route.

const event = (method: string, path: string, groups?: string): ApiEvent =>
  ({
    rawPath: path,
    body: method === 'PATCH' ? JSON.stringify({ review: 'confirmed', note: '' }) : undefined,
    requestContext: {
      http: { method },
      authorizer: groups === undefined ? undefined : { jwt: { claims: { 'cognito:groups': groups, email: 'a@b.cn' }, scopes: null } },
    },
  }) as unknown as ApiEvent;

test('cognito:groups as API Gateway flattens it, and as an array', () => {
  expect(groupsOf({ 'cognito:groups': '[reviewer officer]' })).toEqual(['reviewer', 'officer']);
  expect(groupsOf({ 'cognito:groups': ['officer'] })).toEqual(['officer']);
  expect(groupsOf({})).toEqual([]);
});

test('officers read, reviewers also write, others nothing; no claims, nothing', () => {
  expect(() => authorize('GET', { 'cognito:groups': '[officer]' })).not.toThrow();
  expect(() => authorize('PATCH', { 'cognito:groups': '[officer]' })).toThrow(/Only reviewers/);
  expect(() => authorize('PATCH', { 'cognito:groups': '[reviewer]' })).not.toThrow();
  expect(() => authorize('GET', {})).toThrow(/neither the officer nor the reviewer/);
  expect(() => authorize('PATCH', undefined)).toThrow(/Sign in/);
  expect(() => authorize('GET', undefined)).toThrow(/Sign in/);
});

test('the handler answers 403 before any route runs', async () => {
  const officerWrites = await handler(event('PATCH', '/findings/r~abc', '[officer]'));
  expect(officerWrites.statusCode).toBe(403);
  expect(JSON.parse(officerWrites.body!)).toMatchObject({ error: 'forbidden' });
  const stranger = await handler(event('GET', '/rules', '[]'));
  expect(stranger.statusCode).toBe(403);
  const officerReads = await handler(event('GET', '/rules', '[officer]'));
  expect(officerReads.statusCode).toBe(200);
  // Fails closed: a request that reaches the handler without the authorizer's claims.
  const unsigned = await handler(event('GET', '/rules'));
  expect(unsigned.statusCode).toBe(401);
  expect(JSON.parse(unsigned.body!)).toMatchObject({ error: 'unauthorized' });
});
