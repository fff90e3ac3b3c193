// @needs chromium (test/needs.js): the page in Debian's chromium through playwright-core.
import path from 'node:path';
import type { ConsoleMessage, Page } from 'playwright-core';
import { runReports } from '../../cli/reports';
import type { LocalApi } from '../../lambdas/api/local-server';
import { parseCsv } from '../../lambdas/core/csv';
import { startLocalStack } from '../../local/stack';
import { ARTIFACTS, openPage, type PageSession } from './browser';
import { WB_REGISTRY } from './workbench-fixtures';
import { buildWorkbenchWorld, DROPPED_AGENCY, PENDING_AGENCY } from './workbench-world';

// A new user's walk through the officers' page on the local stack, after a registry change
// between two audits: every view at desktop and phone width and in both languages with no console
// error, a failing API route that leaves navigation and filters usable, one count everywhere,
// reviews with their trail and undo, and the local role switch checked by the API.

let session: PageSession;
let api: LocalApi;
let page: Page;
/** Console errors and uncaught exceptions of the page, each with the URL it came from. */
const problems: { text: string; url: string }[] = [];
/** Requests the test makes fail on purpose: their failed loads are the fault injected, not a defect. */
const injected: RegExp[] = [];

beforeAll(async () => {
  const stack = await startLocalStack();
  await buildWorkbenchWorld(stack);
  session = await openPage(stack);
  ({ api, page } = session);
  const record = (m: ConsoleMessage) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push({ text: m.text(), url: m.location().url });
  };
  page.on('console', record);
  page.on('pageerror', (err) => problems.push({ text: err.message, url: 'pageerror' }));
}, 240_000);

// Walking every view twice over takes longer than a unit test's minute on a loaded machine.
jest.setTimeout(180_000);

afterAll(() => session?.close());

const q = encodeURIComponent;
const get = async (p: string) => {
  const res = await fetch(new URL(p, api.url));
  if (!res.ok) throw new Error(`${p}: ${res.status} ${await res.text()}`);
  return res.headers.get('content-type')?.startsWith('text/csv') ? res.text() : res.json();
};
const shot = (name: string) => page.screenshot({ path: path.join(ARTIFACTS, `walk-${name}.png`), fullPage: true });
const unexpected = () => problems.filter((p) => !injected.some((re) => re.test(p.url)));

/** Opens a view and waits until it has rendered, failed view included. */
async function open(hash: string) {
  await page.goto(`${api.url}#/${hash}`);
  await page.waitForSelector('main#view > section');
  await page.waitForLoadState('networkidle');
}

/** Every view, with the years around the audits (2022 and 2025 hold only audit findings or none). */
async function views(): Promise<string[]> {
  const { items } = await get(`/reports?agency=${q('北塘镇人民政府')}`);
  return [
    'overview?year=2022',
    'overview?year=2023',
    'overview?year=2024',
    'overview?year=2025',
    'findings?year=2024',
    `findings?year=2024&agency=${q(DROPPED_AGENCY)}`,
    'reports?year=2024',
    'rejected',
    'compare?year=2024',
    `compare?view=trend&year=2024&from=2022&to=2024&kind=government&level=${q('县')}`,
    `agency/${q(WB_REGISTRY[1].name)}`,
    `agency/${q(DROPPED_AGENCY)}`,
    `report/${q(items[0].id)}`,
    'audits?year=2024',
    'pending',
  ];
}

describe('every view', () => {
  test.each([
    ['desktop', 1360],
    ['phone', 390],
  ])('renders at %s width (%i px) with no console error, every view in reach of the navigation', async (name, width) => {
    await page.setViewportSize({ width, height: 900 });
    try {
      for (const hash of await views()) {
        await open(hash);
        expect([hash, await page.locator('section.failed-view').count()]).toEqual([hash, 0]);
        // Tables scroll inside their box; the page itself is no wider than the screen.
        expect([hash, await page.evaluate(() => document.documentElement.scrollWidth)]).toEqual([hash, width]);
      }
      // Every navigation link is on the screen (at 390 px they wrap onto a second line, none cut off).
      for (const link of await page.locator('header nav a').all()) {
        const box = (await link.boundingBox())!;
        expect(box.x + box.width).toBeLessThanOrEqual(width);
      }
      await open('overview?year=2024');
      await shot(`overview-${name}`);
    } finally {
      await page.setViewportSize({ width: 1360, height: 900 });
    }
    expect(unexpected()).toEqual([]);
  });

  test('the overview reaches X6, X7, P and the total at 1,360 px without scrolling, errors first, the agency column pinned', async () => {
    await open('overview?year=2024');
    for (const family of ['X6', 'X7', 'P', 'open']) {
      const box = (await page.locator(`table.matrix thead th[data-sort="${family}"]`).boundingBox())!;
      expect([family, box.x + box.width <= 1360]).toEqual([family, true]);
    }
    const { agencies } = await get('/overview?year=2024');
    const errors = agencies.map((a: { bySeverity: { error: number } }) => a.bySeverity.error);
    expect(errors).toEqual([...errors].sort((a, b) => b - a));
    expect(await page.locator('table.matrix tbody tr').first().getAttribute('data-agency')).toBe(agencies[0].agency);
    // Scrolled sideways, the agency names stay where they were.
    const name = page.locator('table.matrix tbody th').first();
    const before = (await name.boundingBox())!.x;
    await page.locator('.matrix-box').evaluate((box) => (box.scrollLeft = 400));
    expect((await name.boundingBox())!.x).toBe(before);
  });

  test('in English the page speaks one language: navigation, headings, rule names and messages', async () => {
    await open('findings?year=2024&rule=S5');
    await page.click('button.lang-switch');
    try {
      await page.waitForFunction(() => document.querySelector('section.findings h2')?.textContent?.startsWith('Findings '));
      expect(await page.locator('header nav a').allTextContents()).toEqual([
        'Overview',
        'Findings',
        'Reports',
        'Rejected',
        'Compare',
        'Agency',
        'Audit runs',
        'To confirm',
      ]);
      expect(await page.locator('tr.finding td.rule .name').first().textContent()).toBe('Table identities');
      expect(await page.locator('tr.finding td.message a').first().textContent()).toMatch(/^Table 3 column \S+ \(\w+\): /);
      await shot('findings-en');
    } finally {
      // The choice is kept in the browser: back to Chinese for the tests after this one.
      await page.click('button.lang-switch');
      await page.waitForFunction(() => document.querySelector('header nav a')?.textContent === '总览');
    }
    expect(unexpected()).toEqual([]);
  });
});

describe('a failing API route', () => {
  test('leaves the navigation and the year field usable, and the next year renders', async () => {
    const failing = /\/overview\?year=2024/;
    injected.push(failing);
    await page.route(failing, (r) => r.fulfill({ status: 500, json: { error: 'internal', message: 'Internal error; it has been logged.' } }));
    try {
      await open('overview?year=2024');
      expect(await page.locator('section.failed-view .error').textContent()).toContain('Internal error');
      expect(await page.locator('section.failed-view input[name=year]').inputValue()).toBe('2024');
      await shot('failed-route');
      await page.fill('section.failed-view input[name=year]', '2023');
      await page.click('section.failed-view button[type=submit]');
      await page.waitForSelector('section.overview table.matrix');
      expect(await page.locator('section.overview h2').textContent()).toContain('2023');
      // The navigation still leads everywhere.
      await page.click('header nav a[data-view="findings"]');
      await page.waitForSelector('section.findings');
    } finally {
      await page.unroute(failing);
    }
    expect(unexpected()).toEqual([]);
  });
});

/** Reads `read` until `done` says so (the re-decision runs after the API answers), half a minute at most. */
async function until<T>(read: () => Promise<T>, done: (v: T) => boolean): Promise<T> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const v = await read();
    if (done(v) || Date.now() > deadline) return v;
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Every finding of the year through the list's cursor, with the checks that could not be made. */
async function allFindings(year: number, extra = ''): Promise<{ rule: string; severity: string; outcome: string; agency: string; reportId: string }[]> {
  const out = [];
  let cursor: string | undefined;
  do {
    const page = await get(`/findings?year=${year}&limit=200${extra}${cursor ? `&cursor=${q(cursor)}` : ''}`);
    out.push(...page.items);
    cursor = page.cursor;
  } while (cursor);
  return out;
}

/** What `ogi reports --year N --json` prints, run in this process against the same stack. */
async function ogiReports(year: number): Promise<{ current: boolean; findingCounts: Record<string, number> }[]> {
  const lines: string[] = [];
  const log = jest.spyOn(console, 'log').mockImplementation((s: string) => void lines.push(s));
  try {
    expect(await runReports(['--year', String(year), '--json'])).toBe(0);
  } finally {
    log.mockRestore();
  }
  return JSON.parse(lines.join('\n'));
}

describe('one count everywhere', () => {
  test('the overview, the findings list, its CSV export and ogi reports count the same store alike', async () => {
    const year = 2024;
    const overview = await get(`/overview?year=${year}`);
    const findings = await allFindings(year);
    const withGaps = await allFindings(year, '&notAssessable=true');
    const openList = await get(`/findings?year=${year}&review=open&limit=1`);
    const csv = parseCsv((await get(`/findings?year=${year}&review=open&format=csv`)).replace(/^\uFEFF/, ''));
    // Open: nothing reviewed yet, so every check that could be made, and only those.
    expect(overview.open).toBe(findings.length);
    expect(openList.total).toBe(overview.open);
    expect(csv.length - 1).toBe(overview.open);
    expect(findings.every((f) => f.outcome !== 'not-assessable')).toBe(true);
    for (const severity of ['error', 'warning', 'info']) {
      const listed = findings.filter((f) => f.severity === severity).length;
      const shown = overview.agencies.reduce((n: number, a: { bySeverity: Record<string, number> }) => n + a.bySeverity[severity], 0);
      expect([severity, shown]).toEqual([severity, listed]);
      expect([severity, (await get(`/findings?year=${year}&severity=${severity}&review=open&limit=1`)).total]).toEqual([severity, listed]);
    }
    // ogi reports counts a report's own findings (parse and rule findings), the audit's apart.
    const reports = (await ogiReports(year)).filter((r) => r.current);
    const own = <T extends { rule: string }>(list: T[]) => list.filter((f) => !f.rule.startsWith('X'));
    const sum = (k: string) => reports.reduce((n, r) => n + (r.findingCounts[k] ?? 0), 0);
    for (const severity of ['error', 'warning', 'info'])
      expect([severity, sum(severity)]).toEqual([severity, own(findings).filter((f) => f.severity === severity).length]);
    expect(sum('notAssessable')).toBe(own(withGaps).length - own(findings).length);
    expect(sum('notAssessable')).toBeGreaterThan(0);
    // The reports list's total is the reports ogi reports calls current.
    const first = await get(`/reports?year=${year}&limit=50`);
    expect(first.total).toBe(reports.length);
    await open(`reports?year=${year}`);
    expect(await page.locator('section.reports h2 .count').textContent()).toBe(`已显示 50 / 共 ${reports.length} 份`);
  });

  test('a review closes a finding in every count at once, and its undo opens it again', async () => {
    const year = 2024;
    const before = (await get(`/overview?year=${year}`)).open;
    await open(`findings?year=${year}&rule=S5&review=open`);
    const row = page.locator('tr.finding').first();
    const agency = (await row.locator('td.agency a').first().textContent())!;
    await row.locator('input.note-input').fill('已与原件核对');
    await row.locator('button.dismiss').click();
    await row.locator('.review.dismissed').waitFor();
    expect((await get(`/overview?year=${year}`)).open).toBe(before - 1);
    expect((await get(`/findings?year=${year}&review=open&limit=1`)).total).toBe(before - 1);
    // The trail: who, when, why; then taken back, and open again everywhere.
    expect(await row.locator('.review .who').textContent()).toMatch(/^local:.+ · \d/);
    await row.locator('button.undo').click();
    await row.locator('.review.open').waitFor();
    expect(await row.locator('.trail li').count()).toBe(2);
    expect(await row.locator('.trail li').allTextContents()).toEqual([expect.stringContaining('已撤销'), expect.stringContaining('已与原件核对')]);
    expect((await get(`/overview?year=${year}`)).open).toBe(before);
    const cell = (await get(`/overview?year=${year}`)).agencies.find((a: { agency: string }) => a.agency === agency);
    expect(cell.cells.S5.open).toBeGreaterThan(0);
    expect(unexpected()).toEqual([]);
  });
});

describe('roles, locally', () => {
  test('an officer reads and cannot review: the switch sends the role, the API refuses as in AWS', async () => {
    await open('findings?year=2024&rule=S5');
    await page.selectOption('select[name=role]', 'officer');
    await page.waitForSelector('.review-controls.read-only');
    expect(await page.locator('button.confirm').count()).toBe(0);
    // The same authorisation code decides: a PATCH in the officer's role is refused (the refusal is what is asked for).
    const id = await page.locator('tr.finding').first().getAttribute('data-id');
    injected.push(new RegExp(`/findings/${encodeURIComponent(id!).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
    const res = await page.evaluate(
      async ([fid]) => {
        const r = await fetch(`/findings/${encodeURIComponent(fid!)}`, {
          method: 'PATCH',
          headers: { 'content-type': 'application/json', 'x-ogi-local-role': 'officer' },
          body: JSON.stringify({ review: 'confirmed', note: '' }),
        });
        return { status: r.status, body: await r.json() };
      },
      [id],
    );
    expect(res).toEqual({ status: 403, body: expect.objectContaining({ error: 'forbidden', message: expect.stringContaining('Only reviewers') }) });
    await open('pending');
    expect(await page.locator('button.decide-button').count()).toBe(0);
    await page.selectOption('select[name=role]', 'reviewer');
    await page.waitForSelector('button.decide-button');
    expect(await (await fetch(new URL('/overview?year=2024', api.url), { headers: { 'x-ogi-local-role': 'admin' } })).json()).toMatchObject({
      error: 'bad_request',
    });
  });
});

describe('values to confirm, with their trail', () => {
  test('every year by default with the rows waiting in each; decided, shown with who, when and why, then reverted', async () => {
    await open('pending');
    const { years, items } = await get('/pending');
    expect(years).toEqual([
      { year: 2020, rows: 3 },
      { year: 2019, rows: 2 },
    ]);
    expect(await page.locator('article.pending-row').count()).toBe(items.length);
    expect(await page.locator('nav.years a.chip').allTextContents()).toEqual(['全部年度 5', '2020 3', '2019 2']);
    const card = page.locator(`article.pending-row[data-row="t2.licensing.prev"]`).filter({ hasText: '2020' });
    await card.locator('input[aria-label="396 | 442 | 278"]').check();
    await card.locator('input.note-input').fill('对照网页原表');
    await card.locator('button.decide-button').click();
    await card.locator('p.decided').waitFor({ timeout: 30000 });
    const reportId = (await card.getAttribute('data-report'))!;

    await open(`report/${q(reportId)}`);
    expect(await page.locator('.reviewed-rows li').first().textContent()).toContain('对照网页原表');
    await page.locator('td[data-key="t2.licensing.change"]').click();
    const trail = page.locator('#evidence .value-trail');
    await trail.waitFor();
    expect(await trail.locator('li').first().textContent()).toMatch(/核实取值 · local:.+ · .+ · 396 \| — \| — → 396 \| 442 \| 278 「对照网页原表」/);
    expect(await page.locator('#evidence dd.value-review').textContent()).toContain('对照网页原表');
    await page.locator('#evidence').screenshot({ path: path.join(ARTIFACTS, 'walk-value-trail.png') });
    await shot('value-trail');

    await trail.locator('input.note-input').fill('拆分有误，重新核实');
    await trail.locator('button.revert-button').click();
    await trail.locator('.revert-state').filter({ hasText: '已撤销' }).waitFor();
    // The re-decision runs after the API answers: the row waits again, the trail keeps both steps.
    const rows = async () => (await get(`/pending?year=2020&agency=${q(PENDING_AGENCY)}`)).items.map((i: { row: string }) => i.row);
    expect(await until(rows, (r) => r.includes('t2.licensing.prev'))).toContain('t2.licensing.prev');
    const detail = await get(`/reports/${q(reportId)}`);
    const reviewed = detail.valueReviews.find((r: { row: string }) => r.row === 't2.licensing.prev');
    expect(reviewed).toMatchObject({ reverted: true, note: '拆分有误，重新核实' });
    expect(reviewed.history.map((h: { reverted: boolean; note: string }) => [h.reverted, h.note])).toEqual([
      [false, '对照网页原表'],
      [true, '拆分有误，重新核实'],
    ]);
    expect(detail.report.evidence['t2.licensing.change']?.decidedBy).toBeUndefined();
    expect(unexpected()).toEqual([]);
  });
});

describe('compare', () => {
  test('agencies picked from the list or ticked on the overview, the view in the link, and over the years', async () => {
    const picked = WB_REGISTRY.filter((a) => a.kind === 'government').slice(0, 3);
    await open('overview?year=2024');
    for (const a of picked) await page.locator(`tr[data-agency="${a.name}"] td.pick input`).check();
    await page.click('button.compare-picked');
    await page.waitForSelector('section.compare figure.chart');
    const hash = await page.evaluate(() => decodeURIComponent(location.hash));
    expect(hash).toContain(`agencies=${picked.map((a) => a.name).join(',')}`);
    expect(await page.locator('figure.chart[data-metric="rate.granted"] rect.bar').count()).toBe(3);
    // From the list: one more agency ticked, the choice in the link, so the view can be sent on.
    await page.click('details.agencies-pick summary');
    await page.fill('input.agency-search', WB_REGISTRY[4].name);
    await page.locator(`label.agency-option[data-name="${WB_REGISTRY[4].name}"] input`).check();
    await page.selectOption('select[name=view]', 'trend');
    await page.fill('input[name=from]', '2023');
    await page.click('form.compare-form button[type=submit]');
    await page.waitForSelector('section.compare.trend svg.line-chart');
    const link = await page.evaluate(() => location.href);
    expect(decodeURIComponent(link)).toContain('view=trend');
    expect(decodeURIComponent(link)).toContain(WB_REGISTRY[4].name);
    expect(await page.locator('table.trend-table[data-metric="rate.granted"] tbody tr').count()).toBe(1 + 4);
    expect(await page.locator('table.trend-table[data-metric="rate.granted"] thead th').allTextContents()).toEqual(['机关', '2023', '2024']);
    await shot('compare-trend');
    // The link alone brings the same view back.
    await page.goto('about:blank');
    await page.goto(link);
    await page.waitForSelector('section.compare.trend svg.line-chart');
    expect(await page.locator('svg.line-chart').first().locator('polyline').count()).toBeGreaterThanOrEqual(5);
    expect(unexpected()).toEqual([]);
  });
});
