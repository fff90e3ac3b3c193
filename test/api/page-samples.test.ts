// @needs chromium (test/needs.js): the page in Debian's chromium through playwright-core.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { LocalApi } from '../../lambdas/api/local-server';
import { startLocalStack } from '../../local/stack';
import { ARTIFACTS, openPage, type PageSession } from './browser';

// The project's samples/ through the real pipeline (s3rver event → ingest handler → DynamoDB
// Local), plus a text report carrying markup, then the page in Debian's chromium.

const ROOT = path.resolve(__dirname, '../..');
const HOSTILE = '<img src=x onerror="window.__pwned=2"><script>window.__pwned=3</script>';

let session: PageSession;
let api: LocalApi;
let page: Page;
let pageErrors: string[];

/** A sample report with markup injected into its first section, as a hostile or careless publisher might. */
function hostileReport(): Buffer {
  const text = readFileSync(path.join(ROOT, 'samples/gen-2021-pipes.txt'), 'utf8');
  return Buffer.from(text.replace('一、总体情况\n', `一、总体情况\n${HOSTILE}\n`));
}

const get = async (p: string) => (await fetch(new URL(p, api.url))).json();

beforeAll(async () => {
  const stack = await startLocalStack();
  const dir = path.join(ROOT, 'samples');
  const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && !e.name.endsWith('.labels.json'));
  for (const f of files) await stack.upload(`incoming/${path.relative(dir, path.join(f.parentPath, f.name))}`, readFileSync(path.join(f.parentPath, f.name)));
  await stack.upload('incoming/hostile-script.txt', hostileReport());
  session = await openPage(stack);
  ({ api, page, pageErrors } = session);
});

afterAll(() => session?.close());

const open = (hash: string) => session.open(hash);

/** The sample year with the most findings, and those findings (as the API lists them). */
async function busiestYear(): Promise<{ year: number; findings: { id: string; reportId: string; keys: string[] }[] }> {
  let best = { year: 0, findings: [] as { id: string; reportId: string; keys: string[] }[] };
  for (let year = 2019; year <= 2025; year++) {
    const { items } = await get(`/findings?year=${year}&limit=200`);
    if (items.length > best.findings.length) best = { year, findings: items };
  }
  return best;
}

test('the samples are listed with their findings', async () => {
  const { year, findings } = await busiestYear();
  expect(findings.length).toBeGreaterThan(0);
  await open(`findings?year=${year}`);
  expect(await page.locator('tr.finding').count()).toBe(Math.min(50, findings.length));
  await page.screenshot({ path: path.join(ARTIFACTS, 'samples-findings.png'), fullPage: true });
});

test('a sample report highlights the cell its finding points to and takes a confirmation', async () => {
  const years = [2019, 2020, 2021, 2022, 2023, 2024, 2025];
  const all = (await Promise.all(years.map((y) => get(`/findings?year=${y}&limit=200`)))).flatMap((p) => p.items);
  // A finding about a table cell, preferring one whose cell has a value with evidence.
  const cellKey = (f: { keys: string[] }) => f.keys.find((k) => /^t[234](\.[A-Za-z]+){2,3}$/.test(k));
  let target: { id: string; reportId: string; key: string } | undefined;
  for (const f of all.filter(cellKey)) {
    const { report } = await get(`/reports/${encodeURIComponent(f.reportId)}`);
    const withEvidence = f.keys.find((k: string) => report.evidence[k]);
    if (!target || withEvidence) target = { id: f.id, reportId: f.reportId, key: withEvidence ?? cellKey(f)! };
    if (withEvidence) break;
  }
  expect(target).toBeDefined();
  await open(`report/${encodeURIComponent(target!.reportId)}`);
  const cell = page.locator(`td[data-key="${target!.key}"]`);
  expect(await cell.getAttribute('class')).toMatch(/flagged/);
  await cell.click();
  await page.locator('#evidence .ev-key').waitFor({ state: 'visible' });
  // The printed label (表三 · … · 总计) with the key as secondary text.
  expect(await page.locator('#evidence .ev-key code').textContent()).toBe(target!.key);
  expect(await page.locator('#evidence .ev-key').textContent()).toMatch(/^表[二三四] · .+ · .+t[234]\./);
  await page.screenshot({ path: path.join(ARTIFACTS, 'samples-report.png'), fullPage: true });

  const item = page.locator(`li.finding[data-id="${target!.id}"]`);
  await item.locator('button.confirm').click();
  await item.locator('.review.confirmed').waitFor();
  const { findings } = await get(`/reports/${encodeURIComponent(target!.reportId)}`);
  expect(findings.find((f: { id: string }) => f.id === target!.id).review.status).toBe('confirmed');
});

test('a report whose text carries <script> and an onerror image shows them as text; nothing runs', async () => {
  const { items } = await get('/reports?year=2022');
  const hostile = items.find((r: { id: string }) => r.id.startsWith('hostile-script'));
  expect(hostile).toBeDefined();
  await open(`report/${encodeURIComponent(hostile.id)}`);
  await page.click('details.sections summary');
  expect(await page.locator('.report-text').first().textContent()).toContain(HOSTILE);
  expect(await page.locator('main script, main img').count()).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(pageErrors).toEqual([]);
});

test('the comparison chart renders for the samples', async () => {
  const { rows } = await get('/compare?year=2022');
  await open('compare?year=2022');
  expect(await page.locator('figure.chart').count()).toBe(5);
  expect(await page.locator('figure.chart[data-metric="rate.granted"] rect.bar').count()).toBe(rows.length);
  await page.screenshot({ path: path.join(ARTIFACTS, 'samples-compare.png'), fullPage: true });
});
