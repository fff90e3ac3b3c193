// @needs chromium (test/needs.js): the page in Debian's chromium through playwright-core.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { LocalApi } from '../../lambdas/api/local-server';
import { startLocalStack } from '../../local/stack';
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
  await page
    .waitForFunction(([sel, want]) => document.querySelectorAll(sel as string).length === want, [selector, n] as const, { timeout: 5000 })
    .catch(() => undefined);
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
  const errors = REPORTS.filter((r) => r.year === 2024)
    .flatMap((r) => r.findings)
    .filter((f) => f.severity === 'error').length;
  await expectCount('tr.finding', errors);
  expect(await page.locator('tr.finding .badge').allTextContents()).toEqual(Array(errors).fill('错误'));
});

test('report view highlights the cells findings point to, shows evidence, and takes a review', async () => {
  await open('report/a-2024');
  const cell = page.locator('td[data-key="t3.unable.noInfo.total"]');
  expect(await cell.getAttribute('class')).toMatch(/flag-warning/);
  expect(await page.locator('td[data-key="t3.totalProcessed.total"]').getAttribute('class')).toMatch(/flag-error/);
  await cell.click();
  const evidence = page.locator('#evidence');
  await evidence.waitFor({ state: 'visible' });
  expect(await evidence.textContent()).toMatch(/页码2.*位置table\[1\] row \d+ col 3.*原文10/);
  await shot('report');

  const first = page.locator('ul.report-findings > li').first();
  await first.locator('input.note-input').fill('已与原表核对');
  await first.locator('button.confirm').click();
  await first.locator('.review.confirmed').waitFor();
  const stored = await (await fetch(new URL('/reports/a-2024', api.url))).json();
  expect(stored.findings[0].review).toMatchObject({ status: 'confirmed', note: '已与原表核对' });

  // Dismissing the warning takes its highlight off the cell.
  await page.locator('ul.report-findings > li').nth(1).locator('button.dismiss').click();
  await page.locator('ul.report-findings > li').nth(1).locator('.review.dismissed').waitFor();
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

test('comparison: a sorted bar chart per metric, no outliers among too few peers, and CSV', async () => {
  await open('compare?year=2024');
  const chart = page.locator('figure.chart[data-metric="rate.noInfo"]');
  const bars = chart.locator('rect.bar');
  await expectCount('figure.chart[data-metric="rate.noInfo"] rect.bar', 7);
  const widths = await bars.evaluateAll((rects) => rects.map((r) => Number(r.getAttribute('width'))));
  expect(widths).toEqual([...widths].sort((a, b) => b - a));
  // Fewer agencies than the audit's smallest peer group: no bar is marked, and the page says so.
  expect(await chart.locator('rect.bar.outlier').count()).toBe(0);
  expect(await page.locator('section.compare p.hint').first().textContent()).toContain('机关少于 8 个');
  expect(await page.locator('figure.chart').count()).toBe(5);
  const [file] = await Promise.all([page.waitForEvent('download'), page.click('button.csv')]);
  expect(file.suggestedFilename()).toBe('ogi-compare-2024.csv');
  const csv = readFileSync((await file.path())!, 'utf8');
  expect(csv).toContain('己区人民政府,f-2024,');
  await shot('compare');
});

test("an agency's history shows its years side by side", async () => {
  await open(`agency/${encodeURIComponent('甲区人民政府')}`);
  expect(await page.locator('table.history-table thead th').allTextContents()).toEqual(['指标', '2023', '2024']);
  await shot('history');
});

test('in AWS mode (config.json names the API and the sign-in) the officer signs in on the hosted UI and every call carries the token', async () => {
  const context = await browser.newContext();
  const aws = await context.newPage();
  const domain = 'https://ogi-test.auth.eu-west-1.amazoncognito.com';
  const origin = new URL(api.url).origin;
  await aws.route('**/config.json', (r) => r.fulfill({ json: { api: api.url, auth: { domain, clientId: 'client123' } } }));
  // The hosted UI: signs the officer in and sends them back with a code.
  let authorize: URL | undefined;
  await aws.route(`${domain}/oauth2/authorize**`, (r) => {
    authorize = new URL(r.request().url());
    return r.fulfill({ status: 302, headers: { location: `${origin}/?code=the-code&state=${authorize.searchParams.get('state')}` } });
  });
  let exchange = new URLSearchParams();
  await aws.route(`${domain}/oauth2/token`, (r) => {
    exchange = new URLSearchParams(r.request().postData() ?? '');
    return r.fulfill({
      json: { access_token: 'header.access.sig', id_token: 'header.id.sig', expires_in: 3600, token_type: 'Bearer' },
      headers: { 'access-control-allow-origin': origin },
    });
  });
  const auth: string[] = [];
  aws.on('request', (req) => {
    if (new URL(req.url()).pathname.startsWith('/findings')) auth.push(req.headers()['authorization'] ?? '');
  });
  await aws.goto(`${api.url}#/findings?year=2024`);
  await aws.waitForSelector('section.sign-in');
  expect(auth).toEqual([]);
  await aws.click('section.sign-in button');
  await aws.waitForSelector('tr.finding');
  expect(Object.fromEntries(authorize!.searchParams)).toMatchObject({
    response_type: 'code',
    client_id: 'client123',
    redirect_uri: `${origin}/`,
    code_challenge_method: 'S256',
  });
  // PKCE: the verifier sent with the code hashes to the challenge sent to the hosted UI.
  expect(Object.fromEntries(exchange)).toMatchObject({
    grant_type: 'authorization_code',
    code: 'the-code',
    client_id: 'client123',
    redirect_uri: `${origin}/`,
  });
  expect(createHash('sha256').update(exchange.get('code_verifier')!).digest('base64url')).toBe(authorize!.searchParams.get('code_challenge'));
  // Back on the view that was asked for, without the code in the address.
  expect(new URL(aws.url()).search).toBe('');
  expect(new URL(aws.url()).hash).toBe('#/findings?year=2024');
  expect(auth.length).toBeGreaterThan(0);
  for (const a of auth) expect(a).toBe('Bearer header.access.sig');
  await context.close();
});
