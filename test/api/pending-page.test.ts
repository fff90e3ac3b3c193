// @needs chromium (test/needs.js): the page in Debian's chromium through playwright-core.
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { createHandler } from '../../lambdas/ingest/handler';
import { recordId } from '../../lambdas/ingest/record-id';
import { renderTextRuns } from '../../scripts/generate/render-text-runs';
import { startLocalStack } from '../../local/stack';
import { LICENSING_2019, LICENSING_2020, pair2019 } from '../resolve/fixtures';
import { ARTIFACTS, openPage, type PageSession } from './browser';

// The 待核实 view in Debian's chromium: reports stored by the real ingest handler on DynamoDB
// Local and s3rver, the officer decides a row in the page, the API stores it.

let session: PageSession;
let page: Page;
const AGENCY = '南溪县教育局';
const [r19, r20] = pair2019(LICENSING_2019, LICENSING_2020, [AGENCY, AGENCY]).map((s) => renderTextRuns(s));
const id20 = recordId('incoming/nanxi-2020.txt', createHash('sha256').update(r20).digest('hex'));

beforeAll(async () => {
  const stack = await startLocalStack({ handler: createHandler(), retryDelaysMs: [10, 10] });
  await stack.upload('incoming/nanxi-2019.txt', r19);
  await stack.upload('incoming/nanxi-2020.txt', r20);
  session = await openPage(stack);
  page = session.page;
});
afterAll(() => session?.close());

const card = () => page.locator(`article.pending-row[data-report="${id20}"][data-row="t2.licensing.prev"]`);

test('lists the open rows with their printed text and readings, and the officer decides one with a note', async () => {
  await session.open('pending?year=2020');
  await card().waitFor();
  expect(await card().locator('code.printed').textContent()).toBe('396442278');
  const labels = await card()
    .locator('tr.reading input[type=radio]')
    .evaluateAll((xs) => xs.map((x) => x.getAttribute('aria-label')));
  expect(labels).toContain('396 | 442 | 278');
  expect(await card().locator('tr.reading td.satisfies').first().textContent()).toMatch(/t2\.licensing\.prev\(N\)/);
  await page.screenshot({ path: path.join(ARTIFACTS, 'pending.png'), fullPage: true });

  // No choice yet: the page asks for one and sends nothing.
  await card().locator('button.decide-button').click();
  await card().locator('.decision-state .error').waitFor();

  await card().locator('input[aria-label="396 | 442 | 278"]').check();
  await card().locator('input.note-input').fill('对照网页原表');
  await card().locator('button.decide-button').click();
  await card().locator('p.decided').waitFor();
  expect(await card().locator('p.decided').textContent()).toContain('t2.licensing.change = 442');

  const stored = await (await fetch(new URL(`/reports/${id20}`, session.api.url))).json();
  expect(stored.report.values['t2.licensing.decisions']).toBe(278);
  expect(stored.report.evidence['t2.licensing.decisions']).toMatchObject({ decidedBy: 'review', review: { note: '对照网页原表' } });
  expect(session.pageErrors).toEqual([]);
});

test('types values the readings do not offer', async () => {
  await session.open(`pending?year=2020&agency=${encodeURIComponent(AGENCY)}`);
  // The list as the API gives it now: the decided row is gone from it.
  await page.waitForFunction(
    (id) => document.querySelectorAll(`article.pending-row[data-report="${id}"]`).length > 0 && !document.querySelector('p.decided'),
    id20,
  );
  const other = page.locator(`article.pending-row[data-report="${id20}"]`).first();
  const row = await other.getAttribute('data-row');
  const keys = await other.locator('input.typed').evaluateAll((xs) => xs.map((x) => x.getAttribute('data-key') ?? ''));
  await other.locator('input[value=typed]').check();
  for (const [i, input] of (await other.locator('input.typed').all()).entries()) await input.fill(String(i + 1));
  await other.locator('input.note-input').fill('按纸质件录入');
  await other.locator('button.decide-button').click();
  await other.locator('p.decided').waitFor();
  const stored = await (await fetch(new URL(`/reports/${id20}`, session.api.url))).json();
  // Cells the report decided itself stay as read; the others take the typed values.
  const seen = keys.map((k, i) => (stored.report.evidence[k].decidedBy ? [stored.report.evidence[k].decidedBy, stored.report.values[k]] : ['report', i + 1]));
  expect(seen).toEqual(keys.map((k, i) => (stored.report.evidence[k].decidedBy ? ['review', i + 1] : ['report', i + 1])));
  expect(stored.report.evidence[keys[keys.length - 1]]).toMatchObject({ decidedBy: 'review', review: { note: '按纸质件录入' } });
  expect(stored.report.values[keys[keys.length - 1]]).toBe(keys.length);
  expect(stored.report.evidence[keys[keys.length - 1]]).toMatchObject({ decidedBy: 'review', review: { note: '按纸质件录入' } });
  expect(row).not.toBe('t2.licensing.prev');
  expect(session.pageErrors).toEqual([]);
});
