// @needs chromium (test/needs.js): the page in Debian's chromium through playwright-core.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { auditLocally } from '../../local/audit-machine';
import { parseCsv } from '../../lambdas/core/csv';
import type { LocalApi } from '../../lambdas/api/local-server';
import { startLocalStack } from '../../local/stack';
import { ARTIFACTS, openPage, type PageSession } from './browser';
import { WB_ALIASED, WB_MISSING_2024, WB_REGISTRY, seedWorkbench } from './workbench-fixtures';
import type { Report } from '../../lambdas/core/types';
import { PEER_COUNTS, PEER_RATES } from '../../lambdas/core/audit/peer-outliers';

// The officer's workbench on the local stack (DynamoDB Local, s3rver, the real ingest for
// uploads) with 62 registered agencies over two years and the 2024 audit run: the API routes it
// reads, then the page walked view by view in Debian's chromium.

const ROOT = path.resolve(__dirname, '../..');
/** An HTML and a Markdown text report (years and agencies outside the workbench's): their evidence is shown as source text. */
const TEXT_SAMPLES = {
  html: { file: 'gen-2021-html-split-variants.html', agency: '南溪县教育局' },
  text: { file: 'gen-2021-pipes-markdown.txt', agency: '东湖区人民政府' },
};
let session: PageSession;
let api: LocalApi;
let page: Page;
let reports: Report[];

beforeAll(async () => {
  const stack = await startLocalStack();
  reports = await seedWorkbench(stack);
  await auditLocally({ year: 2024, today: '2025-06-01' });
  await stack.upload('incoming/empty-upload.html', '');
  await stack.upload('incoming/picture.html', Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(400, 1)]));
  await stack.upload('incoming/gen-2021-pdf-cid.pdf', readFileSync(path.join(ROOT, 'samples/pdf/gen-2021-pdf-cid.pdf')));
  for (const s of Object.values(TEXT_SAMPLES)) await stack.upload(`incoming/${s.file}`, readFileSync(path.join(ROOT, 'samples', s.file)));
  session = await openPage(stack);
  ({ api, page } = session);
  // 122 reports stored and audited: past a minute when the machine is shared.
}, 240_000);

afterAll(() => session?.close());

const get = async (p: string) => {
  const res = await fetch(new URL(p, api.url));
  if (!res.ok) throw new Error(`${p}: ${res.status} ${await res.text()}`);
  return res.headers.get('content-type')?.startsWith('text/csv') ? res.text() : res.json();
};
const q = encodeURIComponent;
const open = (hash: string) => session.open(hash);
const shot = (name: string) => page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });

describe('API', () => {
  test("GET /rules names every rule of the registry in both languages, with the form's labels", async () => {
    const d = await get('/rules');
    expect(d.rules.map((r: { id: string }) => r.id)).toEqual([
      ...Array.from({ length: 14 }, (_, i) => `S${i + 1}`),
      ...Array.from({ length: 7 }, (_, i) => `X${i + 1}`),
      // The parser's own findings, named as a family of their own.
      'P',
    ]);
    for (const r of d.rules) {
      expect(r.name.zh).toMatch(/\p{Script=Han}/u);
      expect(r.name.en).toMatch(/^[A-Z]/);
      expect(r.description.zh.length).toBeGreaterThan(5);
    }
    expect(d.fields['t3.newReceived.total']).toBe('表三 · 本年新收 · 总计');
    expect(d.fields['t4.review.corrected']).toBe('表四 · 行政复议 · 结果纠正');
    expect(d.statuses.rejected).toEqual({ zh: '已拒收', en: 'rejected' });
  });

  test('GET /overview counts open findings per agency and family, aliases under the registered name', async () => {
    const o = await get('/overview?year=2024');
    expect(o.agencies).toHaveLength(WB_REGISTRY.length);
    const all2024 = reports.filter((r) => r.year === 2024);
    const s5 = all2024.filter((r) => r.findings.some((f) => f.rule.startsWith('S5-')));
    expect(o.totals.S5).toBe(s5.reduce((n, r) => n + r.findings.filter((f) => f.rule.startsWith('S5-')).length, 0));
    for (const r of s5) expect(o.agencies.find((a: { agency: string }) => a.agency === r.agency).cells.S5.worst).toBe('error');
    for (const name of WB_MISSING_2024) expect(o.agencies.find((a: { agency: string }) => a.agency === name).cells.X3).toEqual({ open: 1, worst: 'error' });
    expect(o.open).toBe(Object.values(o.totals as Record<string, number>).reduce((a, b) => a + b, 0));
    const first = o.agencies[0];
    expect(first).toMatchObject({ registered: true, kind: expect.any(String), level: expect.any(String), region: expect.any(String) });

    const o23 = await get('/overview?year=2023');
    expect(o23.agencies.map((a: { agency: string }) => a.agency)).not.toContain(WB_ALIASED.printed2023);
    expect(o23.agencies.find((a: { agency: string }) => a.agency === WB_ALIASED.registered).open).toBeGreaterThan(0);
  });

  test("findings by family and agency include the audit's; CSV export is formula-safe and complete", async () => {
    const missing = WB_MISSING_2024[0];
    const x3 = await get(`/findings?year=2024&agency=${q(missing)}&rule=X3`);
    expect(x3.items.map((f: { rule: string }) => f.rule)).toEqual(['X3-MISSING']);
    const s5 = await get('/findings?year=2024&rule=S5&limit=200');
    expect(s5.items.length).toBeGreaterThan(0);
    expect(new Set(s5.items.map((f: { rule: string }) => f.rule.split('-')[0]))).toEqual(new Set(['S5']));

    const csv = parseCsv(await get('/findings?year=2024&rule=S5&format=csv'));
    expect(csv[0]).toEqual([
      '机关名称 (agency)',
      '报告年度 (year)',
      '规则 (rule)',
      '规则名称 (rule_name)',
      '严重程度 (severity)',
      '结果 (outcome)',
      '问题 (message)',
      '问题（英文） (message_en)',
      '涉及单元格 (keys)',
      '依据数据 (evidence)',
      '审查 (review)',
      '审查备注 (review_note)',
      '报告 (report_id)',
      '问题编号 (finding_id)',
    ]);
    expect(csv.length - 1).toBe(s5.items.length);
    expect(csv[1][3]).toBe('表内勾稽关系');
    for (const row of csv.slice(1)) for (const cell of row) expect(cell).not.toMatch(/^[=+@]/);
  });

  test('rejected uploads are listed across years with their reasons in both languages', async () => {
    const { items } = await get('/reports?status=rejected');
    expect(items.map((r: { id: string }) => r.id.replace(/-[0-9a-f]{12}$/, '')).sort()).toEqual(['empty-upload', 'picture']);
    const empty = items.find((r: { id: string }) => r.id.startsWith('empty-upload'));
    expect(empty.reasonText).toEqual({ zh: '文件为空。', en: 'The file is empty.' });
  });
});

/** Waits until the page shows n matches (the views render asynchronously), then checks the count. */
async function expectCount(selector: string, n: number) {
  await page
    .waitForFunction(([sel, want]) => document.querySelectorAll(sel as string).length === want, [selector, n] as const, { timeout: 5000 })
    .catch(() => undefined);
  expect(await page.locator(selector).count()).toBe(n);
}

describe('the page', () => {
  test('the overview is the landing view: agencies × rule families, sortable, filterable, totals, cells open their findings', async () => {
    await page.goto(`${api.url}#/`);
    await page.waitForSelector('main#view > section.overview');
    await page.fill('input[name=year]', '2024');
    await page.click('form.filters button[type=submit]');
    await page.waitForFunction(() => location.hash.includes('year=2024'));
    await expectCount('table.matrix tbody tr', WB_REGISTRY.length);
    await shot('workbench-overview');
    // Headers name the families; S5 cells of the agencies that broke table 3 are red.
    expect(await page.locator('table.matrix thead th[data-sort="S5"]').textContent()).toContain('表内勾稽关系');
    const broken = reports.filter((r) => r.year === 2024 && r.findings.some((f) => f.rule.startsWith('S5-'))).map((r) => r.agency);
    for (const name of broken.slice(0, 3))
      expect(await page.locator(`tr[data-agency="${name}"] td[data-family="S5"]`).getAttribute('class')).toMatch(/sev-error/);
    // Sorting by S5 puts an agency with S5 findings first; the totals row sums the column.
    await page.click('th[data-sort="S5"]');
    expect(broken).toContain(await page.locator('table.matrix tbody tr').first().getAttribute('data-agency'));
    const column = await page.locator('table.matrix tbody td[data-family="S5"]').allTextContents();
    expect(Number(await page.locator('table.matrix tfoot td[data-family="S5"]').textContent())).toBe(column.reduce((n, t) => n + Number(t || 0), 0));
    // Filter: city-level agencies only.
    await page.selectOption('select[name=level]', '市');
    await page.click('form.filters button[type=submit]');
    await expectCount('table.matrix tbody tr', WB_REGISTRY.filter((a) => a.level === '市').length);
    // The missing report's cell opens its finding, which links to the agency page, not a report.
    await open(`overview?year=2024`);
    await page.click(`tr[data-agency="${WB_MISSING_2024[0]}"] td[data-family="X3"] a`);
    await page.waitForSelector('section.findings');
    await expectCount('tr.finding', 1);
    expect(await page.locator('tr.finding td.rule').textContent()).toBe('缺报X3-MISSING');
    expect(await page.locator('tr.finding td.message a').getAttribute('href')).toBe(`#/agency/${q(WB_MISSING_2024[0])}`);
  });

  test('agency page: years merged across printed names, open findings, position among peers', async () => {
    await open(`agency/${q(WB_ALIASED.registered)}`);
    await page.waitForSelector('table.history-table');
    expect(await page.locator('table.history-table thead th').allTextContents()).toEqual(['指标', '2023', '2024']);
    expect(await page.locator('p.aliases').textContent()).toContain(WB_ALIASED.printed2023);
    expect(await page.locator('table.peer-table tbody tr').count()).toBe(4);
    expect(await page.locator('table.peer-table tbody tr').first().locator('td').nth(1).textContent()).toMatch(/^\d+ \/ 6$/);
    await shot('workbench-agency');
    // A registered agency that never reported reads as such, in both languages, not as an error.
    await open(`agency/${q('无此机关')}`);
    expect(await page.locator('section.history p.empty').textContent()).toContain('尚未收到此机关的任何报告');
    // On to a report and a cell's evidence, labelled as the form prints it.
    await open(`agency/${q(WB_ALIASED.registered)}`);
    await page.waitForSelector('table.history-table');
    await page.click('table.history-table thead th a >> text=2024');
    await page.waitForSelector('section.report');
    await page.locator('td[data-key="t3.newReceived.total"]').click();
    expect(await page.locator('#evidence .ev-key').textContent()).toBe('表三 · 本年新收 · 总计t3.newReceived.total');
  });

  test('findings export downloads the filtered findings as CSV', async () => {
    await open('findings?year=2024&rule=S5');
    await page.waitForSelector('tr.finding');
    const [file] = await Promise.all([page.waitForEvent('download'), page.click('button.csv')]);
    expect(file.suggestedFilename()).toBe('ogi-findings-2024-S5.csv');
    const rows = parseCsv(readFileSync((await file.path())!, 'utf8'));
    const { items } = await get('/findings?year=2024&rule=S5&limit=200');
    expect(
      rows
        .slice(1)
        .map((r) => r[13])
        .sort(),
    ).toEqual(items.map((f: { id: string }) => f.id).sort());
  });

  test('rejected and failed uploads are listed across years', async () => {
    await open('rejected');
    await expectCount('tr.rejected-row', 2);
    expect(await page.locator('tr.rejected-row').allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('文件为空。')]));
    await shot('workbench-rejected');
  });

  test('reports page with "load more" past the first 50', async () => {
    await open('reports?year=2024');
    await expectCount('tr.report-row', 50);
    await page.click('button.more');
    await expectCount('tr.report-row', WB_REGISTRY.length - WB_MISSING_2024.length);
    expect(await page.locator('button.more').isHidden()).toBe(true);
  });

  test('works at mobile width: tables scroll inside their box', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      await open('overview?year=2024');
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await shot('workbench-mobile');
    } finally {
      await page.setViewportSize({ width: 1360, height: 900 });
    }
  });
});

describe('audit runs', () => {
  test('the run is listed with links to its HTML, CSV and JSON report that download the files', async () => {
    const { items } = await get('/audits?year=2024');
    expect(items).toHaveLength(1);
    const html = await (await fetch(items[0].files.html.url)).text();
    expect(html).toContain(WB_MISSING_2024[0]);
    await open('audits?year=2024');
    await expectCount('tr.audit-run', 1);
    for (const f of ['html', 'csv', 'json']) {
      const link = (await page.locator(`a.file-${f}`).getAttribute('href'))!;
      expect(new URL(link).pathname).toBe(new URL(items[0].files[f].url).pathname);
      expect(new URL(link).pathname).toMatch(new RegExp(`/audits/2024/.+/audit\\.${f}$`));
      expect((await fetch(link)).status).toBe(200);
    }
  });
});

describe('compare', () => {
  test('within a peer group: only its agencies, outliers among them; long charts folded to top and bottom 10', async () => {
    const group = WB_REGISTRY.filter((a) => a.kind === 'government' && a.level === '县');
    const api = await get(`/compare?year=2024&kind=government&level=${q('县')}`);
    expect(api.rows.map((r: { agency: string }) => r.agency).sort()).toEqual(group.map((a) => a.name).sort());
    await open(`compare?year=2024&kind=government&level=${q('县')}`);
    await expectCount('figure.chart[data-metric="rate.granted"] rect.bar', group.length);
    expect(await page.locator('h2 .count').textContent()).toContain('同组: 政府 · 县');

    await open('compare?year=2024');
    const n = WB_REGISTRY.length - WB_MISSING_2024.length;
    await expectCount('figure.chart[data-metric="rate.granted"] rect.bar', 20);
    expect(await page.locator('figure.chart[data-metric="rate.granted"] text.gap').textContent()).toContain(`${n - 20}`);
    await page.click('figure.chart[data-metric="rate.granted"] button.unfold');
    await expectCount('figure.chart[data-metric="rate.granted"] rect.bar', n);
    await shot('workbench-compare');
  });

  test("outliers within a peer group are exactly the audit's X5 findings for that group, on the page too", async () => {
    const group = WB_REGISTRY.filter((a) => a.kind === 'department' && a.level === '县').map((a) => a.name);
    const metrics = [...PEER_RATES.map((r) => `rate.${r.name}`), ...PEER_COUNTS];
    const data = await get(`/compare?year=2024&kind=department&level=${q('县')}&metrics=${metrics.join(',')}`);
    const marked = data.rows.flatMap((r: { agency: string; cells: Record<string, { outlier: boolean; direction: string }> }) =>
      metrics.filter((m) => r.cells[m].outlier).map((m) => `${r.agency} ${m} ${r.cells[m].direction}`),
    );
    const { items } = await get('/findings?year=2024&rule=X5&limit=200');
    const audit = items
      .filter((f: { rule: string; agency: string }) => (f.rule === 'X5-RATE' || f.rule === 'X5-ZERO') && group.includes(f.agency))
      .map(
        (f: { rule: string; agency: string; keys: string[]; message: string }) =>
          `${f.agency} ${f.rule === 'X5-ZERO' ? f.keys[0] : `rate.${PEER_RATES.find((r) => r.num[0] === f.keys[0])!.name}`} ${/偏高/.test(f.message) ? 'high' : 'low'}`,
      );
    expect(audit.length).toBeGreaterThan(5);
    expect(marked.sort()).toEqual(audit.sort());
    // The page marks the same agencies on the chart of the rate.
    await open(`compare?year=2024&kind=department&level=${q('县')}&metrics=rate.noInfo`);
    await page.click('figure.chart[data-metric="rate.noInfo"] button.unfold');
    const bars = await page
      .locator('figure.chart[data-metric="rate.noInfo"] rect.bar.outlier')
      .evaluateAll((rs) => rs.map((r) => r.getAttribute('data-agency')));
    expect(bars.sort()).toEqual(
      audit
        .filter((a: string) => a.includes(' rate.noInfo '))
        .map((a: string) => a.split(' ')[0])
        .sort(),
    );
  });
});

describe('evidence', () => {
  test('a PDF value: the printed row around it and the original page rendered by pdf.js with the cell outlined', async () => {
    const { items } = await get(`/reports?agency=${q('北塘镇人民政府')}`);
    const pdf = items.find((r: { id: string }) => r.id.startsWith('gen-2021-pdf-cid'));
    expect(pdf).toBeDefined();
    const { report } = await get(`/reports/${q(pdf.id)}`);
    const ev = report.evidence['t3.newReceived.total'];
    await open(`report/${q(pdf.id)}`);
    await page.locator('td[data-key="t3.newReceived.total"]').click();
    // The row as printed: every cell of table row, this one marked.
    const row = page.locator('#evidence .printed-row');
    expect(await row.locator('th').textContent()).toBe('表三 · 本年新收');
    expect(await row.locator('td.this').textContent()).toBe(ev.raw);
    expect(await row.locator('td').count()).toBe(7);
    // The page itself, drawn from the PDF, with a highlight over the cell.
    await page.waitForSelector('figure.source-page canvas.pdf-canvas', { timeout: 15000 });
    expect(await page.locator('figure.source-page figcaption').textContent()).toContain(`原文第 ${ev.page} 页`);
    const inked = await page.locator('canvas.pdf-canvas').evaluate((c: HTMLCanvasElement) => {
      const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
      let dark = 0;
      for (let i = 0; i < d.length; i += 4) if (d[i] < 128 && d[i + 1] < 128 && d[i + 2] < 128) dark++;
      return dark;
    });
    expect(inked).toBeGreaterThan(2000);
    const box = await page.locator('.pdf-highlight').boundingBox();
    const canvas = await page.locator('canvas.pdf-canvas').boundingBox();
    expect(box && canvas).toBeTruthy();
    // PDF y runs up from the bottom; the mark sits where the cell's first glyph is, scaled 1.4.
    expect(Math.abs(box!.x - canvas!.x - (ev.loc.x - 2) * 1.4 + 3)).toBeLessThan(8);
    await page.locator('.pdf-highlight').scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(ARTIFACTS, 'workbench-evidence-pdf.png') });
    expect((await fetch(new URL(`/reports/${q(items[0].id)}/file`, api.url))).headers.get('content-type')).toBe('application/pdf');
  });

  /** The stored id of an uploaded sample: its file name plus the content hash. */
  const sampleId = async (s: { file: string; agency: string }) => {
    const { items } = await get(`/reports?agency=${q(s.agency)}`);
    const hit = items.find((r: { id: string }) => r.id.startsWith(s.file.replace(/\.\w+$/, '')));
    expect(hit).toBeDefined();
    return hit.id as string;
  };
  const printed = (raw: string) => raw.split(' → ')[0];

  test.each(Object.entries(TEXT_SAMPLES))('%s values: the API reads the original again and marks the printed cell in its text', async (_kind, sample) => {
    const id = await sampleId(sample);
    const { report } = await get(`/reports/${q(id)}`);
    const keys = Object.keys(report.evidence);
    expect(keys.length).toBeGreaterThan(150);
    for (const key of keys.filter((_, i) => i % 8 === 0)) {
      const e = report.evidence[key];
      const cell = printed(e.raw);
      const w = await get(`/reports/${q(id)}/text?at=${e.loc.offset}&len=${cell.length}`);
      expect({ key, marked: w.text.slice(w.mark.start, w.mark.end) }).toEqual({ key, marked: cell });
      expect(w.start + w.mark.start).toBe(e.loc.offset);
      // A whole printed number read alone is the value itself.
      if (/^\d+$/.test(e.raw)) expect(Number(w.text.slice(w.mark.start, w.mark.end))).toBe(report.values[key]);
      expect(w.text.length).toBeLessThanOrEqual(cell.length + 2 * 240);
    }
    const past = await fetch(new URL(`/reports/${q(id)}/text?at=99999999&len=3`, api.url));
    expect([past.status, (await past.json()).message]).toEqual([400, expect.stringContaining('past the end')]);
  });

  test('no source text for a PDF: its evidence is the page', async () => {
    const { items } = await get(`/reports?agency=${q('北塘镇人民政府')}`);
    const pdf = items.find((r: { id: string }) => r.id.startsWith('gen-2021-pdf-cid'));
    expect((await fetch(new URL(`/reports/${q(pdf.id)}/text?at=0`, api.url))).status).toBe(404);
  });

  test('walk: report → evidence → the source text around an HTML and a text cell, the cell marked', async () => {
    for (const sample of Object.values(TEXT_SAMPLES)) {
      const id = await sampleId(sample);
      const { report } = await get(`/reports/${q(id)}`);
      const ev = report.evidence['t3.newReceived.total'];
      await open(`report/${q(id)}`);
      await page.locator('td[data-key="t3.newReceived.total"]').click();
      const pre = page.locator('#evidence .source-text pre');
      await pre.waitFor({ timeout: 10000 });
      expect(await pre.locator('mark').textContent()).toBe(printed(ev.raw));
      // The source as printed leads up to the mark: the row's label stands before the cell.
      const before = await pre.evaluate((p) => {
        const nodes = Array.from(p.childNodes);
        return nodes
          .slice(
            0,
            nodes.findIndex((n) => n.nodeName === 'MARK'),
          )
          .map((n) => n.textContent)
          .join('');
      });
      expect(before).toContain('本年新收政府信息公开申请数量');
      expect(await page.locator('#evidence .source-text .error').count()).toBe(0);
      // Absent parts of the panel are left out, not printed as "null".
      expect(await page.locator('#evidence').textContent()).not.toContain('null');
      await page.screenshot({ path: path.join(ARTIFACTS, `workbench-evidence-${sample.file.endsWith('.html') ? 'html' : 'text'}.png`) });
    }
    expect(session.pageErrors).toEqual([]);
  });
});

describe('sign-out', () => {
  const AUTH = { domain: 'https://ogi-test.auth.example.com', clientId: 'client123' };

  test('locally (no sign-in on 127.0.0.1) there is no sign-out button', async () => {
    await open('overview?year=2024');
    expect(await page.locator('#sign-out').isHidden()).toBe(true);
  });

  test('the hosted UI logout URL names the app client and returns to the page', async () => {
    // A string, so the module is imported by the browser, not transpiled into a require by jest.
    const built: string = await page.evaluate(`import('/auth.js').then((m) => m.logoutUrl(${JSON.stringify(AUTH)}, 'https://page.example.com'))`);
    const u = new URL(built);
    expect([u.origin, u.pathname]).toEqual([AUTH.domain, '/logout']);
    expect(Object.fromEntries(u.searchParams)).toEqual({ client_id: AUTH.clientId, logout_uri: 'https://page.example.com/' });
  });

  test('signed in through the hosted UI: the button forgets the tokens and signs out at the hosted UI', async () => {
    const tab = await session.browser.newPage();
    try {
      // The page as deployed: config.json names the user pool, and this tab holds a signed-in session.
      await tab.route('**/config.json', (r) => r.fulfill({ json: { auth: AUTH } }));
      const signedOut: string[] = [];
      await tab.route(`${AUTH.domain}/**`, (r) => {
        signedOut.push(r.request().url());
        return r.fulfill({ contentType: 'text/html', body: '<p>signed out</p>' });
      });
      await tab.addInitScript(() => {
        if (sessionStorage.getItem('seeded')) return;
        sessionStorage.setItem('seeded', '1');
        sessionStorage.setItem('ogi-session', JSON.stringify({ accessToken: 'token', idToken: 'id', expiresAt: Date.now() + 3_600_000 }));
      });
      await tab.goto(`${api.url}#/overview?year=2024`);
      await tab.waitForSelector('main#view > section.overview');
      await tab.click('#sign-out');
      await tab.waitForURL(`${AUTH.domain}/**`);
      expect(signedOut).toHaveLength(1);
      expect(Object.fromEntries(new URL(signedOut[0]).searchParams)).toEqual({ client_id: AUTH.clientId, logout_uri: `${api.url.replace(/\/$/, '')}/` });
      // Back on the page the tokens are gone: the sign-in view, and no sign-out button.
      await tab.goto(`${api.url}#/overview?year=2024`);
      await tab.waitForSelector('section.sign-in');
      expect(await tab.evaluate(() => sessionStorage.getItem('ogi-session'))).toBeNull();
      expect(await tab.locator('#sign-out').isHidden()).toBe(true);
    } finally {
      await tab.close();
    }
  });
});
