/**
 * The README's screenshots of the officers' page: the overview of a generated province (62
 * agencies, two years, audits before and after a registry change), compare over the years, a
 * value a reviewer decided with its trail, and the evidence of a PDF value on its page. Runs the
 * local stack in a temporary folder, Debian's chromium through playwright-core; writes docs/*.png.
 *
 *   npm run screenshots
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { startApiServer, type LocalApi } from '../lambdas/api/local-server';
import { buildWorkbenchWorld, PENDING_AGENCY } from '../test/api/workbench-world';
import { startLocalStack, type LocalStack } from '../local/stack';

const ROOT = path.resolve(__dirname, '..');
const OUT = path.join(ROOT, 'docs');
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const q = encodeURIComponent;

async function json(api: LocalApi, p: string, init?: RequestInit) {
  const res = await fetch(new URL(p, api.url), init);
  if (!res.ok) throw new Error(`${p}: ${res.status} ${await res.text()}`);
  return res.json();
}

/** A reviewer decides the 2020 licensing row (the Pingtan pair of the issue), and the re-decision has run. */
async function decideRow(api: LocalApi, stack: LocalStack): Promise<string> {
  const { items } = await json(api, `/pending?year=2020&agency=${q(PENDING_AGENCY)}`);
  const row = items.find((i: { row: string }) => i.row === 't2.licensing.prev');
  const reading = row.readings.findIndex((r: { texts: string[] }) => r.texts.join('|') === '396|442|278');
  await json(api, `/reports/${q(row.reportId)}/pending/${q(row.row)}`, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ reading, note: '对照网页原表：行政许可 396 | 442 | 278' }),
  });
  await stack.redecider.idle();
  return row.reportId;
}

async function shoot(page: Page, name: string) {
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(OUT, `${name}.png`) });
  process.stdout.write(`wrote docs/${name}.png\n`);
}

async function main() {
  process.env.POWERTOOLS_LOG_LEVEL ??= 'WARN';
  mkdirSync(OUT, { recursive: true });
  const stack = await startLocalStack();
  const api = await startApiServer();
  const browser = await chromium.launch({ executablePath: process.env.OGI_CHROMIUM || '/usr/bin/chromium', args: ARGS });
  try {
    await buildWorkbenchWorld(stack);
    const reportId = await decideRow(api, stack);
    const page = await browser.newPage({ viewport: { width: 1360, height: 860 } });

    await page.goto(`${api.url}#/overview?year=2024`);
    await page.waitForSelector('table.matrix tbody tr');
    await shoot(page, 'overview');

    await page.goto(`${api.url}#/compare?view=trend&year=2024&from=2022&to=2024&kind=government&level=${q('县')}&metrics=rate.granted,rate.noInfo`);
    await page.waitForSelector('svg.line-chart');
    await shoot(page, 'compare-trend');

    await page.goto(`${api.url}#/report/${q(reportId)}`);
    await page.locator('td[data-key="t2.licensing.change"]').click();
    await page.waitForSelector('#evidence .value-trail');
    await page.locator('#evidence').scrollIntoViewIfNeeded();
    await shoot(page, 'value-trail');

    const { items } = await json(api, `/reports?agency=${q('北塘镇人民政府')}`);
    await page.goto(`${api.url}#/report/${q(items[0].id)}`);
    await page.locator('td[data-key="t3.newReceived.total"]').click();
    await page.waitForSelector('.pdf-highlight');
    await page.locator('figure.source-page').scrollIntoViewIfNeeded();
    await shoot(page, 'evidence-pdf');
  } finally {
    await browser.close();
    await api.close();
    await stack.stop();
  }
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.stack : err}\n`);
  process.exit(1);
});
