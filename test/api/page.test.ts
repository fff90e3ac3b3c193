import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { LocalApi } from '../../lambdas/api/local-server';
import { startLocalStack } from '../../scripts/local/stack';
import { ARTIFACTS, openPage, type PageSession } from './browser';
import { FINDINGS_2024, REPORTS, seed, XSS_AGENCY } from './fixtures';

// The officers' page in Debian's chromium against the local API on DynamoDB Local and s3rver.
// Screenshots of every view go to test-artifacts/api/ for a person to look at.

let session: PageSession;
let api: LocalApi;
let browser: Browser;
let page: Page;
let pageErrors: string[];

beforeAll(async () => {
  const stack = await startLocalStack({ handler: async () => undefined });
  await seed(stack);
  session = await openPage(stack);
  ({ api, browser, page, pageErrors } = session);
});

afterAll(() => session?.close());

const open = (hash: string) => session.open(hash);

/** Waits until the page shows n matches (the views render asynchronously), then checks the count. */
async function expectCount(selector: string, n: number) {
  await page.waitForFunction(([sel, want]) => document.querySelectorAll(sel as string).length === want, [selector, n] as const, { timeout: 5000 }).catch(() => undefined);
  expect(await page.locator(selector).count()).toBe(n);
}
const shot = (name: string) => page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });

test('findings list loads and filters', async () => {
  await open('findings?year=2024');
  await expectCount('tr.finding', FINDINGS_2024);
  await shot('findings');
  await page.selectOption('select[name=severity]', 'error');
  await page.click('form.filters button[type=submit]');
  await page.waitForFunction(() => location.hash.includes('severity=error'));
  await page.waitForSelector('main#view > section');
  const errors = REPORTS.filter((r) => r.year === 2024).flatMap((r) => r.findings).filter((f) => f.severity === 'error').length;
  await expectCount('tr.finding', errors);
  expect(await page.locator('tr.finding .badge').allTextContents()).toEqual(Array(errors).fill('错误 error'));
});

test('report view highlights the cells findings point to, shows evidence, and takes a review', async () => {
  await open('report/a-2024');
  const cell = page.locator('td[data-key="t3.unable.noInfo.total"]');
  expect(await cell.getAttribute('class')).toMatch(/flag-warning/);
  expect(await page.locator('td[data-key="t3.totalProcessed.total"]').getAttribute('class')).toMatch(/flag-error/);
  await cell.click();
  const evidence = page.locator('#evidence');
  await evidence.waitFor({ state: 'visible' });
  expect(await evidence.textContent()).toMatch(/页码 page2.*位置 locatortable\[1\] row \d+ col 3.*原文 raw10/);
  await shot('report');

  const first = page.locator('ul.report-findings li').first();
  await first.locator('input.note-input').fill('已与原表核对');
  await first.locator('button.confirm').click();
  await first.locator('.review.confirmed').waitFor();
  const stored = await (await fetch(new URL('/reports/a-2024', api.url))).json();
  expect(stored.findings[0].review).toMatchObject({ status: 'confirmed', note: '已与原表核对' });

  // Dismissing the warning takes its highlight off the cell.
  await page.locator('ul.report-findings li').nth(1).locator('button.dismiss').click();
  await page.locator('ul.report-findings li').nth(1).locator('.review.dismissed').waitFor();
  expect(await cell.getAttribute('class')).not.toMatch(/flag-/);
});

test('report text with <script> is shown as text and never runs', async () => {
  await open('report/xss-2024');
  await page.click('details.sections summary');
  expect(await page.locator('.report-head h2 a').textContent()).toBe(XSS_AGENCY);
  expect(await page.locator('.report-text').first().textContent()).toContain('<script>window.__pwned=1</script>');
  await page.locator('td[data-key="t3.unable.noInfo.total"]').click();
  expect(await page.locator('#evidence .raw').textContent()).toContain('<img src=x onerror=');
  await open(`findings?year=2024&agency=${encodeURIComponent(XSS_AGENCY)}`);
  await expectCount('tr.finding', 1);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(await page.locator('main script, main img, #evidence img').count()).toBe(0);
  expect(pageErrors).toEqual([]);
});

test('comparison: a sorted bar chart per metric with the outlier marked, and CSV', async () => {
  await open('compare?year=2024');
  const chart = page.locator('figure.chart[data-metric="rate.noInfo"]');
  const bars = chart.locator('rect.bar');
  await expectCount('figure.chart[data-metric="rate.noInfo"] rect.bar', 7);
  const widths = await bars.evaluateAll((rects) => rects.map((r) => Number(r.getAttribute('width'))));
  expect(widths).toEqual([...widths].sort((a, b) => b - a));
  expect(await chart.locator('rect.bar.outlier').getAttribute('data-agency')).toBe('己区人民政府');
  expect(await page.locator('figure.chart').count()).toBe(5);
  const [file] = await Promise.all([page.waitForEvent('download'), page.click('button.csv')]);
  expect(file.suggestedFilename()).toBe('ogi-compare-2024.csv');
  const csv = readFileSync((await file.path())!, 'utf8');
  expect(csv).toContain('己区人民政府,f-2024,');
  await shot('compare');
});

test("an agency's history shows its years side by side", async () => {
  await open(`agency/${encodeURIComponent('甲区人民政府')}`);
  expect(await page.locator('table.history-table thead th').allTextContents()).toEqual(['指标 Metric', '2023', '2024']);
  await shot('history');
});


test('in AWS mode (config.json names the API) the page asks for credentials and signs every call', async () => {
  const context = await browser.newContext();
  const aws = await context.newPage();
  await aws.route('**/config.json', (r) => r.fulfill({ json: { api: api.url, region: 'eu-west-1' } }));
  const auth: string[] = [];
  aws.on('request', (req) => {
    if (new URL(req.url()).pathname.startsWith('/findings')) auth.push(req.headers()['authorization'] ?? '');
  });
  await aws.goto(`${api.url}#/findings?year=2024`);
  await aws.waitForSelector('form.credentials');
  await aws.fill('input[name=accessKeyId]', 'AKIDEXAMPLE');
  await aws.fill('input[name=secretAccessKey]', 'secret');
  await aws.fill('input[name=sessionToken]', 'token');
  await aws.click('form.credentials button[type=submit]');
  await aws.waitForSelector('tr.finding');
  expect(auth.length).toBeGreaterThan(0);
  for (const a of auth) expect(a).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/eu-west-1\/execute-api\/aws4_request, SignedHeaders=host;x-amz-content-sha256;x-amz-date;x-amz-security-token, Signature=[0-9a-f]{64}$/);
  await context.close();
});
