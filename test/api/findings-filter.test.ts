import { startApiServer, type LocalApi } from '../../lambdas/api/local-server';
import { fingerprint } from '../../lambdas/core/rules/evidence';
import type { Finding, Report } from '../../lambdas/core/types';
import { startLocalStack, type LocalStack } from '../../local/stack';
import { makeReport, seed } from './fixtures';

// Rule families and checks that could not be made, through the local API on DynamoDB Local.

let stack: LocalStack;
let api: LocalApi;

const gap = (reportId: string, rule: string, keys: string[]): Finding => ({
  id: fingerprint(reportId, { rule, keys }),
  rule,
  severity: 'info',
  outcome: 'not-assessable',
  message: '缺少一侧的数值，无法核对。',
  keys,
  evidence: keys.join('; '),
});

function reports(): Report[] {
  const g = makeReport({
    id: 'g-2025',
    agency: '庚区人民政府',
    year: 2025,
    processed: 100,
    granted: 60,
    noInfo: 10,
    findings: [
      ['S5-balance', 'error', ['t3.newReceived.total']],
      ['S5-t4', 'error', ['t4.review.total']],
      ['S50-made-up', 'warning', ['t2']],
      ['S8-mismatch', 'error', ['t3.partial.total']],
    ],
  });
  g.findings.push(gap(g.id, 'S5-row-sum', ['t3.granted.total']));
  return [g];
}

beforeAll(async () => {
  stack = await startLocalStack({ handler: async () => undefined });
  await seed(stack, reports());
  api = await startApiServer();
});

afterAll(async () => {
  await api?.close();
  await stack?.stop();
});

async function rules(path: string): Promise<string[]> {
  const res = await fetch(new URL(path, api.url));
  expect(res.status).toBe(200);
  const body = (await res.json()) as { items?: { rule: string }[]; findings?: { rule: string }[] };
  return (body.items ?? body.findings ?? []).map((f) => f.rule).sort();
}

describe('GET /findings by rule family', () => {
  test('`S5` matches every S5 check and nothing of S50', async () => {
    expect(await rules('/findings?year=2025&rule=S5')).toEqual(['S5-balance', 'S5-t4']);
  });

  test('a full id matches that check only', async () => {
    expect(await rules('/findings?year=2025&rule=S5-balance')).toEqual(['S5-balance']);
    expect(await rules('/findings?year=2025&rule=S8')).toEqual(['S8-mismatch']);
  });

  test('the agency path filters by family too', async () => {
    expect(await rules(`/findings?year=2025&rule=S5&agency=${encodeURIComponent('庚区人民政府')}`)).toEqual(['S5-balance', 'S5-t4']);
  });
});

describe('checks that could not be made', () => {
  test('are stored but listed only on request', async () => {
    expect(await rules('/findings?year=2025')).not.toContain('S5-row-sum');
    expect(await rules('/findings?year=2025&notAssessable=true')).toContain('S5-row-sum');
    expect(await rules('/findings?year=2025&rule=S5&notAssessable=true')).toEqual(['S5-balance', 'S5-row-sum', 'S5-t4']);
    expect(await rules(`/findings?year=2025&agency=${encodeURIComponent('庚区人民政府')}`)).not.toContain('S5-row-sum');
  });

  test('the report detail shows them on request', async () => {
    expect(await rules('/reports/g-2025')).not.toContain('S5-row-sum');
    expect(await rules('/reports/g-2025?notAssessable=true')).toContain('S5-row-sum');
  });

  test('a bad value is a 400', async () => {
    expect((await fetch(new URL('/findings?year=2025&notAssessable=maybe', api.url))).status).toBe(400);
  });
});

describe('the OpenAPI document', () => {
  test('no longer names a rule that no rule emits', async () => {
    const text = await (await fetch(new URL('/openapi.json', api.url))).text();
    expect(text).not.toContain('T3-BALANCE');
    expect(text).toContain('S5-balance');
  });
});
