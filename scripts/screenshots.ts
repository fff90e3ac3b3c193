/**
 * The README's screenshots of the officers' page: the overview of a generated province (62
 * agencies, two years, the audit run) and the evidence of a PDF value on its page. Runs the local
 * stack in a temporary folder, Debian's chromium through playwright-core; writes docs/*.png.
 *
 *   npm run screenshots
 */
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { startApiServer } from '../lambdas/api/local-server';
import { auditLocally } from './local/audit-machine';
import { seedWorkbench } from '../test/api/workbench-fixtures';
import { startLocalStack } from './local/stack';

const ROOT = path.resolve(__dirname, '..');
const OUT = path.join(ROOT, 'docs');
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

async function main() {
  process.env.POWERTOOLS_LOG_LEVEL ??= 'WARN';
  mkdirSync(OUT, { recursive: true });
  const stack = await startLocalStack();
  const api = await startApiServer();
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ARGS });
  try {
    await seedWorkbench(stack);
    await auditLocally({ year: 2024, today: '2025-06-01' });
    await stack.upload('incoming/gen-2021-pdf-cid.pdf', readFileSync(path.join(ROOT, 'samples/pdf/gen-2021-pdf-cid.pdf')));
    const page = await browser.newPage({ viewport: { width: 1360, height: 860 } });

    await page.goto(`${api.url}#/overview?year=2024`);
    await page.waitForSelector('table.matrix tbody tr');
    await page.screenshot({ path: path.join(OUT, 'overview.png') });

    const { items } = await (await fetch(new URL(`/reports?agency=${encodeURIComponent('北塘镇人民政府')}`, api.url))).json();
    await page.goto(`${api.url}#/report/${encodeURIComponent(items[0].id)}`);
    await page.locator('td[data-key="t3.newReceived.total"]').click();
    await page.waitForSelector('.pdf-highlight');
    await page.locator('figure.source-page').scrollIntoViewIfNeeded();
    await page.waitForTimeout(500);
    await page.screenshot({ path: path.join(OUT, 'evidence-pdf.png') });
    process.stdout.write(`wrote ${path.relative(ROOT, path.join(OUT, 'overview.png'))} and ${path.relative(ROOT, path.join(OUT, 'evidence-pdf.png'))}\n`);
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
