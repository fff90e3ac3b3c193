import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { T3_COLUMNS, T4_COLUMNS, T4_GROUPS as T4_GROUP_ROWS } from '../../lambdas/core/form';
import { partitionPdf } from '../../lambdas/core/partition/pdf';
import { parseReport } from '../../lambdas/core/record/parse-report';
import { limits } from '../../lambdas/core/record/options';
import type { Cell, DocText, Grid } from '../../lambdas/core/types';
import { PDF_SAMPLES, pdfDir } from '../../scripts/generate/render-pdf';

const DIR = join(__dirname, '../../samples/pdf');
const ids = readdirSync(DIR)
  .filter((f) => f.endsWith('.pdf'))
  .map((f) => f.slice(0, -4))
  .sort();

interface Labels {
  agency: string;
  year: number;
  format: '2019' | '2021';
  values: Record<string, number>;
}

const T3_COLS = T3_COLUMNS.map((c) => c.key);
const T4_GROUPS = T4_GROUP_ROWS.map((g) => g.key);
const T4_COLS = T4_COLUMNS.map((c) => c.key);

const label = (row: Cell[], n: number) => row.slice(0, row.length - n).map((c) => c.text);
const values = (row: Cell[], n: number) => row.slice(row.length - n).map((c) => c.text);
const expected = (l: Labels, keys: string[]) => keys.map((k) => (k in l.values ? String(l.values[k]) : ''));
const rowsOf = (grids: Grid[]) => grids.flatMap((g) => g.rows);
const findRow = (grids: Grid[], text: string) => rowsOf(grids).find((r) => r.some((c) => c.text.endsWith(text)));

describe.each(ids)('samples/pdf/%s', (id) => {
  const bytes = new Uint8Array(readFileSync(join(DIR, `${id}.pdf`)));
  const labels = JSON.parse(readFileSync(join(DIR, `${id}.labels.json`), 'utf8')) as Labels;
  let doc: DocText;
  beforeAll(async () => {
    doc = await partitionPdf(bytes, limits({}));
  });

  it('reads the text layer line by line, with the metadata title and page count', () => {
    expect(doc.kind).toBe('pdf');
    expect(doc.pages).toBeGreaterThanOrEqual(2);
    expect(doc.title).toContain(labels.agency);
    expect(doc.raw).toHaveLength(doc.text.length);
    if (id.includes('traditional')) expect(doc.raw).toContain('政府信息公開');
    else expect(doc.raw).toBe(doc.text);
    expect(doc.text).toContain('二、主动公开政府信息情况');
  });

  it('fixes radical look-alikes and drops the -N- page numbers', () => {
    expect(doc.text).not.toMatch(/[\u2E80-\u2FDF]/);
    expect(doc.text).toContain(labels.agency);
    expect(doc.text.split('\n').filter((l) => /^\s*-\s*\d+\s*-\s*$/.test(l))).toEqual([]);
  });

  it('rebuilds table 3 with all seven value columns, group labels prefixed, joined across the page break', () => {
    const noInfo = findRow(doc.grids, '本机关不掌握相关政府信息');
    expect(noInfo).toBeDefined();
    expect(values(noInfo!, 7)).toEqual(
      expected(
        labels,
        T3_COLS.map((c) => `t3.unable.noInfo.${c}`),
      ),
    );
    expect(label(noInfo!, 7).join('|')).toContain('（四）无法提供');
    const secret = findRow(doc.grids, '属于国家秘密')!;
    expect(values(secret, 7)).toEqual(
      expected(
        labels,
        T3_COLS.map((c) => `t3.denied.stateSecret.${c}`),
      ),
    );
    expect(label(secret, 7)).toEqual(['三、本年度办理结果', '（三）不予公开', '1.属于国家秘密']);
    // A label printed once in the middle of its rows never becomes a row of its own.
    const items = rowsOf(doc.grids).map((r) => label(r, 7).at(-1));
    expect(items).not.toContain('（三）不予公开');
    expect(items.filter((t) => t === '三、本年度办理结果')).toEqual([]);
    const t3 = doc.grids.find((g) => g.rows.some((r) => r.some((c) => c.text.endsWith('本机关不掌握相关政府信息'))))!;
    const pages = new Set(t3.rows.flat().map((c) => c.loc.page));
    expect(pages.size).toBeGreaterThanOrEqual(2);
    const carried = t3.rows.find((r) => r.some((c) => c.text === '四、结转下年度继续办理'))!;
    expect(values(carried, 7)).toEqual(
      expected(
        labels,
        T3_COLS.map((c) => `t3.carriedForward.${c}`),
      ),
    );
    // A header spanning two rows (自然人, 总计) is repeated on both, as HTML spans are: the lower row names every column.
    const header = [...t3.rows].reverse().find((r) => r.some((c) => c.text === '自然人'))!;
    expect(values(header, 7)).toEqual(['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计']);
  });

  it('rebuilds table 4 as fifteen value columns', () => {
    const t4 = doc.grids.find((g) => g.rows.some((r) => r.filter((c) => c.text === '结果维持').length === 3))!;
    expect(t4).toBeDefined();
    const last = t4.rows[t4.rows.length - 1];
    expect(last).toHaveLength(15);
    expect(values(last, 15)).toEqual(
      expected(
        labels,
        T4_GROUPS.flatMap((g) => T4_COLS.map((c) => `t4.${g}.${c}`)),
      ),
    );
  });

  it('gives each cell its page, position and printed text', () => {
    const cell = values(findRow(doc.grids, '本机关不掌握相关政府信息')!, 1)[0];
    const row = findRow(doc.grids, '本机关不掌握相关政府信息')!;
    const last = row[row.length - 1];
    expect(last.raw).toBe(cell);
    expect(last.loc).toEqual(
      expect.objectContaining({
        page: expect.any(Number),
        x: expect.any(Number),
        y: expect.any(Number),
        table: expect.any(Number),
        row: expect.any(Number),
        col: row.length - 1,
      }),
    );
  });

  it('parses end to end into the labelled values', async () => {
    const report = await parseReport({ id, name: `${id}.pdf`, bytes });
    expect(report.status).toBe('parsed');
    expect(report.input.pages).toBe(doc.pages);
    expect([report.agency, report.year, report.format]).toEqual([labels.agency, labels.year, labels.format]);
    expect(report.values).toEqual(labels.values);
    const ev = report.evidence['t3.unable.noInfo.natural'];
    expect(ev.page ?? ev.loc?.page).toEqual(expect.any(Number));
  });
});

describe('the rendered samples', () => {
  it('are the ones scripts/generate/render-pdf.ts makes', () => {
    expect(ids).toEqual(
      PDF_SAMPLES.filter((s) => !s.dir)
        .map((s) => s.id)
        .sort(),
    );
    const producers = readdirSync(join(DIR, 'producers')).filter((f) => f.endsWith('.pdf'));
    expect(producers.map((f) => f.slice(0, -4)).sort()).toEqual(
      PDF_SAMPLES.filter((s) => s.dir)
        .map((s) => s.id)
        .sort(),
    );
  });

  it.each(PDF_SAMPLES.map((s) => [s.id, s.from, s] as const))('%s still carries the labels of samples/%s.html (re-render when they change)', (id, from, s) => {
    const read = (f: string) => JSON.parse(readFileSync(f, 'utf8')) as Labels;
    const pdf = read(join(pdfDir(s), `${id}.labels.json`));
    const html = read(join(DIR, `../${from}.labels.json`));
    expect([pdf.agency, pdf.year, pdf.format, pdf.values]).toEqual([html.agency, html.year, html.format, html.values]);
  });
});
