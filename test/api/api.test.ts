import { startApiServer, type LocalApi } from '../../lambdas/api/local-server';
import { getReport } from '../../lambdas/store';
import { startLocalStack, type LocalStack } from '../../local/stack';
import { FINDINGS_2024, REPORTS, reparse, seed, XSS_AGENCY } from './fixtures';

// The API through the local server (same handler, same events as API Gateway) against
// DynamoDB Local and s3rver, seeded through the store's own write path.

let stack: LocalStack;
let api: LocalApi;

beforeAll(async () => {
  stack = await startLocalStack({ handler: async () => undefined });
  await seed(stack);
  api = await startApiServer();
});

afterAll(async () => {
  await api?.close();
  await stack?.stop();
});

async function call(path: string, init?: RequestInit) {
  const res = await fetch(new URL(path, api.url), init);
  const text = await res.text();
  const type = res.headers.get('content-type') ?? '';
  return { status: res.status, headers: res.headers, text, body: type.startsWith('application/json') ? JSON.parse(text) : undefined };
}

const patch = (id: string, body: unknown) =>
  call(`/findings/${encodeURIComponent(id)}`, { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('reports', () => {
  test('lists a year, filters by agency and status', async () => {
    const all = await call('/reports?year=2024');
    expect(all.status).toBe(200);
    expect(all.body.items.map((r: { id: string }) => r.id).sort()).toEqual(
      REPORTS.filter((r) => r.year === 2024)
        .map((r) => r.id)
        .sort(),
    );
    const a = all.body.items.find((r: { id: string }) => r.id === 'a-2024');
    expect(a).toMatchObject({ agency: '甲区人民政府', year: 2024, status: 'parsed', findings: { error: 1, warning: 1, info: 1 } });

    const one = await call(`/reports?year=2024&agency=${encodeURIComponent('乙区人民政府')}`);
    expect(one.body.items.map((r: { id: string }) => r.id)).toEqual(['b-2024']);
    const none = await call('/reports?year=2024&status=rejected');
    expect(none.body.items).toEqual([]);
  });

  test("lists an agency's reports over the years", async () => {
    const res = await call(`/reports?agency=${encodeURIComponent('甲区人民政府')}`);
    expect(res.body.items.map((r: { year: number }) => r.year).sort()).toEqual([2023, 2024]);
  });

  test('detail: values with evidence, sections, findings', async () => {
    const res = await call('/reports/a-2024');
    expect(res.status).toBe(200);
    const { report, findings } = res.body;
    expect(report.values['t3.unable.noInfo.total']).toBe(10);
    expect(report.evidence['t3.unable.noInfo.total']).toMatchObject({ page: 2, raw: '10' });
    expect(report.sections.map((s: { n: number }) => s.n)).toEqual([1, 5]);
    expect(findings.map((f: { rule: string }) => f.rule)).toEqual(['S5-balance', 'S6-counts', 'S9-problems']);
    expect(findings[0].id).toBe(`a-2024~${REPORTS[0].findings[0].id}`);
    expect(findings[0].review).toBeNull();
  });

  test('source: a presigned link that downloads the original file', async () => {
    const res = await call('/reports/a-2024/source');
    expect(res.status).toBe(200);
    expect(res.body.url).toMatch(/X-Amz-Signature=/);
    expect(Date.parse(res.body.expiresAt)).toBeGreaterThan(Date.now());
    const file = await fetch(res.body.url);
    expect(file.status).toBe(200);
    expect(await file.text()).toContain('甲区人民政府 2024年政府信息公开工作年度报告');
  });

  test('404 for an unknown report, 400 without year or agency', async () => {
    expect((await call('/reports/no-such-report')).status).toBe(404);
    expect((await call('/reports/no-such-report/source')).status).toBe(404);
    const res = await call('/reports');
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(/year or agency/);
  });
});

describe('findings', () => {
  test('cursor pagination visits every finding of the year once', async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const res = await call(`/findings?year=2024&limit=3${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      expect(res.status).toBe(200);
      expect(res.body.items.length).toBeLessThanOrEqual(3);
      seen.push(...res.body.items.map((f: { id: string }) => f.id));
      cursor = res.body.cursor;
      pages++;
    } while (cursor);
    expect(pages).toBeGreaterThan(1);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBe(FINDINGS_2024);
  });

  test('filters by severity, rule and agency', async () => {
    const errors = await call('/findings?year=2024&severity=error&limit=200');
    const expected = REPORTS.filter((r) => r.year === 2024)
      .flatMap((r) => r.findings)
      .filter((f) => f.severity === 'error');
    expect(errors.body.items).toHaveLength(expected.length);
    expect(errors.body.items.every((f: { severity: string }) => f.severity === 'error')).toBe(true);

    const rule = await call('/findings?year=2024&rule=S9-problems');
    expect(rule.body.items.map((f: { reportId: string }) => f.reportId).sort()).toEqual(['a-2024', 'e-2024', 'f-2024']);

    const agency = await call(`/findings?year=2024&agency=${encodeURIComponent('甲区人民政府')}`);
    expect(agency.body.items.map((f: { rule: string }) => f.rule).sort()).toEqual(['S5-balance', 'S6-counts', 'S9-problems']);
    const agencyErrors = await call(`/findings?year=2024&severity=error&agency=${encodeURIComponent('甲区人民政府')}`);
    expect(agencyErrors.body.items.map((f: { rule: string }) => f.rule)).toEqual(['S5-balance']);
    const otherYear = await call(`/findings?year=2023&agency=${encodeURIComponent('甲区人民政府')}`);
    expect(otherYear.body.items.map((f: { reportId: string }) => f.reportId)).toEqual(['a-2023']);
  });

  test('a review is stored with who and when, filters by review, and survives a re-parse', async () => {
    const { body } = await call('/reports/b-2024');
    const target = body.findings[0];
    const res = await patch(target.id, { review: 'dismissed', note: '表格合计经核实无误' });
    expect(res.status).toBe(200);
    expect(res.body.finding.review).toMatchObject({ status: 'dismissed', note: '表格合计经核实无误', by: expect.stringMatching(/^local:/) });
    expect(Date.parse(res.body.finding.review.at)).not.toBeNaN();

    const dismissed = await call('/findings?year=2024&review=dismissed');
    expect(dismissed.body.items.map((f: { id: string }) => f.id)).toEqual([target.id]);
    const open = await call('/findings?year=2024&review=open&limit=200');
    expect(open.body.items.map((f: { id: string }) => f.id)).not.toContain(target.id);

    await reparse(
      stack,
      REPORTS.find((r) => r.id === 'b-2024')!,
    );
    expect((await getReport('b-2024'))?.attempts).toBe(2);
    const after = await call('/reports/b-2024');
    expect(after.body.report.status).toBe('parsed');
    expect(after.body.findings.find((f: { id: string }) => f.id === target.id).review).toMatchObject({ status: 'dismissed', note: '表格合计经核实无误' });

    const again = await patch(target.id, { review: 'confirmed' });
    expect(again.body.finding.review.status).toBe('confirmed');
    expect(again.body.finding.review.history.map((h: { status: string }) => h.status)).toEqual(['dismissed', 'confirmed']);
  });

  test('400 on bad input, 404 on an unknown finding', async () => {
    const noYear = await call('/findings');
    expect(noYear.status).toBe(400);
    expect(noYear.body.issues[0].path).toBe('query.year');
    const badSeverity = await call('/findings?year=2024&severity=fatal');
    expect(badSeverity.status).toBe(400);
    expect(badSeverity.body.message).toMatch(/query\.severity/);
    const badCursor = await call('/findings?year=2024&cursor=not-a-cursor');
    expect(badCursor.status).toBe(400);
    expect(badCursor.body.message).toMatch(/cursor/);

    const { body } = await call('/reports/c-2024');
    const badReview = await patch(body.findings[0].id, { review: 'maybe' });
    expect(badReview.status).toBe(400);
    expect(badReview.body.issues.map((i: { path: string }) => i.path)).toEqual(['body.review']);
    const notJson = await call(`/findings/${encodeURIComponent(body.findings[0].id)}`, { method: 'PATCH', body: '{' });
    expect(notJson.status).toBe(400);
    expect((await patch('c-2024~0000000000000000', { review: 'confirmed' })).status).toBe(404);
    expect((await patch('no-tilde', { review: 'confirmed' })).status).toBe(400);
  });
});

describe('compare and history', () => {
  test("agency × metric table with rates; outliers only among a peer group of the audit's size", async () => {
    const res = await call('/compare?year=2024');
    expect(res.status).toBe(200);
    const rows = res.body.rows as { reportId: string; cells: Record<string, { value: number | null; outlier: boolean }> }[];
    expect(rows).toHaveLength(7);
    const a = rows.find((r) => r.reportId === 'a-2024')!;
    expect(a.cells['rate.granted'].value).toBeCloseTo(0.65);
    expect(a.cells['rate.noInfo'].value).toBeCloseTo(0.1);
    expect(a.cells['rate.reviewCorrected'].value).toBeCloseTo(1 / 6);
    expect(a.cells['rate.litigationCorrected'].value).toBeCloseTo(0.25);
    // Seven agencies are fewer than the audit's smallest peer group (X5's minPeers): nobody is marked, and the answer says why.
    expect(res.body.method.minPeers).toBeGreaterThan(7);
    expect(rows.filter((r) => Object.values(r.cells).some((c) => c.outlier))).toEqual([]);
  });

  test('CSV download with chosen metrics and agencies', async () => {
    const agencies = encodeURIComponent(['甲区人民政府', '己区人民政府'].join(','));
    const res = await call(`/compare?year=2024&metrics=rate.noInfo,t3.newReceived.total&agencies=${agencies}&format=csv`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="ogi-compare-2024.csv"/);
    const lines = res.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines).toEqual([
      '机关名称 (agency),报告 (report_id),本机关不掌握信息比例 % (rate.noInfo),表三 · 本年新收 · 总计 (t3.newReceived.total),离群指标 (outliers)',
      '己区人民政府,f-2024,80,100,',
      '甲区人民政府,a-2024,10,100,',
    ]);
  });

  test('400 on unknown metrics or a bad year', async () => {
    const metric = await call('/compare?year=2024&metrics=rate.bogus');
    expect(metric.status).toBe(400);
    expect(metric.body.message).toMatch(/rate\.granted/);
    const year = await call('/compare?year=abc');
    expect(year.status).toBe(400);
    expect(year.body.message).toMatch(/year/);
  });

  test("an agency's years side by side", async () => {
    const res = await call(`/agencies/${encodeURIComponent('甲区人民政府')}/history`);
    expect(res.status).toBe(200);
    expect(res.body.years.map((y: { year: number }) => y.year)).toEqual([2023, 2024]);
    expect(res.body.years[0].values['rate.granted']).toBeCloseTo(45 / 80);
    expect(res.body.years[1].values['t3.newReceived.total']).toBe(100);
    expect(res.body.years[1].versions).toHaveLength(1);
    // No report under the name (one the registry lists that never reported, or a typo): an empty history, not an error.
    expect(await call(`/agencies/${encodeURIComponent('无此机关')}/history`)).toMatchObject({
      status: 200,
      body: { agency: '无此机关', names: [], years: [] },
    });
  });
});

describe('the rest', () => {
  test('openapi.json describes every route and its parameters', async () => {
    const res = await call('/openapi.json');
    expect(res.status).toBe(200);
    expect(Object.keys(res.body.paths).sort()).toEqual(
      [
        '/agencies',
        '/agencies/{agency}/history',
        '/audits',
        '/compare',
        '/findings',
        '/findings/{id}',
        '/openapi.json',
        '/overview',
        '/pending',
        '/reports',
        '/reports/{id}',
        '/reports/{id}/file',
        '/reports/{id}/pending/{row}',
        '/reports/{id}/source',
        '/reports/{id}/text',
        '/rules',
      ].sort(),
    );
    const year = res.body.paths['/findings'].get.parameters.find((p: { name: string }) => p.name === 'year');
    expect(year).toMatchObject({ in: 'query', required: true, schema: { type: 'integer', minimum: 2008 } });
    expect(res.body.paths['/findings/{id}'].patch.requestBody.content['application/json'].schema.properties.review.enum).toEqual([
      'confirmed',
      'dismissed',
      'open',
    ]);
  });

  test('unknown routes 404, wrong methods 405, oversized bodies 413, and the page at /', async () => {
    const unknown = await call('/nope');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error).toBe('not_found');
    const method = await call('/reports', { method: 'DELETE' });
    expect(method.status).toBe(405);
    expect(method.headers.get('allow')).toBe('GET');
    const huge = await call('/findings/a-2024~x', { method: 'PATCH', body: JSON.stringify({ review: 'confirmed', note: 'x'.repeat(70_000) }) });
    expect(huge.status).toBe(413);
    const page = await call('/');
    expect(page.status).toBe(200);
    expect(page.text).toContain('<script type="module" src="app.js">');
    expect(page.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
  });

  test('hostile report text comes back as data, unchanged', async () => {
    const res = await call('/reports/xss-2024');
    expect(res.body.report.agency).toBe(XSS_AGENCY);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
  });
});
