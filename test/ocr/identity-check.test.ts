import fc from 'fast-check';
import { tableKeys } from '../../lambdas/core/form';
import { crossCheck, type ReadFigure } from '../../lambdas/core/ocr/identity-check';
import { ACCEPT } from '../../lambdas/core/ocr/review';
import { makeReportSpec } from '../../scripts/generate/values';

/**
 * The report's own identities as a check on OCR (core/ocr/identity-check.ts), on generated tables that satisfy every
 * identity: a figure misread by one character is rejected (or decided back to the printed value), never kept.
 */
const spec = makeReportSpec({ format: '2021', seed: 26 });
const keys = tableKeys('2021').filter((k) => k in spec.values);

/** Every figure of the table read as printed, sure of it, unless `read` says otherwise. */
function figures(read: Record<string, Partial<ReadFigure>> = {}): ReadFigure[] {
  return keys.map((key) => {
    const value = read[key]?.value ?? spec.values[key];
    const text = read[key]?.text ?? String(value);
    return { key, value, text, conf: 0.99, readings: [{ text, value }], ...read[key] };
  });
}

const misread = (key: string, text: string, more: Partial<ReadFigure> = {}) => ({
  [key]: { value: Number(text), text, readings: [{ text, value: Number(text) }], ...more },
});

/** A digit string changed by one character: a digit replaced, dropped or doubled. */
function oneEdit(s: string, at: number, digit: number, kind: number): string {
  const i = at % s.length;
  if (kind === 0) return s.slice(0, i) + String(digit) + s.slice(i + 1);
  if (kind === 1 && s.length > 1) return s.slice(0, i) + s.slice(i + 1);
  return s.slice(0, i) + s[i] + s.slice(i);
}

describe('identity check of OCR readings', () => {
  it('takes a table every identity holds on as read', () => {
    const { rejected, decided } = crossCheck(figures(), '2021');
    expect(rejected).toEqual([]);
    expect(decided).toEqual([]);
  });

  it('rejects a confident misreading the row and column identities locate, and decides it back when OCR also read the printed value', () => {
    const key = 't3.granted.natural';
    const truth = spec.values[key];
    const wrong = String(truth + 1);
    const figs = figures(
      misread(key, wrong, {
        conf: 0.999,
        readings: [
          { text: wrong, value: truth + 1 },
          { text: String(truth), value: truth },
        ],
      }),
    );
    const { rejected, decided } = crossCheck(figs, '2021');
    // Only the misread cell: its row and column break, every other figure of them is confirmed by its own row or column.
    expect([...new Set(rejected.map((r) => r.key))]).toEqual([key]);
    expect(figs.find((f) => f.key === key)!.doubt).toMatchObject({ why: 'identity' });
    expect(decided).toEqual([expect.objectContaining({ key, needs: truth })]);
  });

  it('leaves a misread figure in doubt when the value the identities need is none of its readings', () => {
    const key = 't4.review.corrected';
    const wrong = String(spec.values[key] + 3);
    const { rejected, decided } = crossCheck(figures(misread(key, wrong)), '2021');
    expect(rejected.map((r) => r.key)).toContain(key);
    expect(decided).toEqual([]);
  });

  it('decides an uncertain figure the identities force from figures read for sure, when OCR read that value too', () => {
    const key = 't3.unable.noInfo.commercial';
    const truth = spec.values[key];
    const doubt = { why: 'confidence' as const, zh: '识别把握不足（62%）', en: 'read with 62% confidence' };
    const readings = [
      { text: String(truth + 5), value: truth + 5 },
      { text: String(truth), value: truth },
    ];
    const { decided } = crossCheck(figures({ [key]: { value: truth + 5, text: String(truth + 5), conf: 0.62, readings, doubt } }), '2021');
    expect(decided).toEqual([expect.objectContaining({ key, needs: truth })]);
    expect(['t3.row-sum', 't3.processed']).toContain(decided[0].inst.identity.id);
    // Without the printed value among its readings, nothing is decided: the ink and the arithmetic must agree.
    const alone = crossCheck(figures({ [key]: { value: truth + 5, text: String(truth + 5), conf: 0.62, readings: readings.slice(0, 1), doubt } }), '2021');
    expect(alone.decided).toEqual([]);
  });

  it('decides a figure in doubt by a sparse row’s sum, its blank cells counting as nothing, when OCR read that value', () => {
    // Table 3 printed sparse (zeros left blank); both totals of the new and processed rows wrapped in their narrow
    // cells (`31` over `9`), so the total column's identity has two figures open and only the rows' sums decide.
    const blanks = new Set(keys.filter((k) => k.startsWith('t3.') && spec.values[k] === 0));
    const wrapped = { why: 'shape' as const, zh: '一格中读出 2 段文字', en: '2 runs of text read in one cell' };
    const open = ['t3.newReceived.total', 't3.totalProcessed.total'];
    const read = figures(Object.fromEntries(open.map((k) => [k, { doubt: wrapped }]))).filter((f) => !blanks.has(f.key));
    expect(crossCheck(read, '2021', blanks).decided.map((d) => d.key)).toEqual(expect.arrayContaining(open));
    // Blank cells read as unknown leave the rows' sums open (this table's new row prints four of its seven cells blank).
    expect(crossCheck(read, '2021').decided.map((d) => d.key)).not.toContain('t3.newReceived.total');
  });

  it("keeps a break no single misreading explains among figures read for sure: the report's own, for S5 to report", () => {
    // Table 4 as one agency printed it: 行政复议 10 | 1 | 0 | 0 | 总计 0.
    const row = { 't4.review.upheld': '10', 't4.review.corrected': '1', 't4.review.other': '0', 't4.review.pending': '0', 't4.review.total': '0' };
    const read = Object.fromEntries(Object.entries(row).map(([k, t]) => [k, { value: Number(t), text: t, readings: [{ text: t, value: Number(t) }] }]));
    expect(crossCheck(figures(read), '2021').rejected).toEqual([]);
    // The same break with one figure read less surely: that figure waits.
    const unsure = { ...read, 't4.review.other': { ...read['t4.review.other'], conf: 0.93 } };
    expect(crossCheck(figures(unsure), '2021').rejected.map((r) => r.key)).toEqual(['t4.review.other']);
  });

  it('property: a figure of table 3 or 4 misread by one character, however confident, is never kept as read', () => {
    const inTables = keys.filter((k) => /^t[34]\./.test(k));
    fc.assert(
      fc.property(
        fc.constantFrom(...inTables),
        fc.nat(),
        fc.integer({ min: 0, max: 9 }),
        fc.integer({ min: 0, max: 2 }),
        fc.double({ min: ACCEPT, max: 1, noNaN: true }),
        fc.boolean(),
        (key, at, digit, kind, conf, runnerUp) => {
          const truth = spec.values[key];
          const text = oneEdit(String(truth), at, digit, kind);
          fc.pre(Number(text) !== truth && !/^0\d/.test(text));
          const readings = [{ text, value: Number(text) }, ...(runnerUp ? [{ text: String(truth), value: truth }] : [])];
          const figs = figures(misread(key, text, { conf, readings }));
          const { decided } = crossCheck(figs, '2021');
          const kept = !figs.find((f) => f.key === key)!.doubt;
          expect(kept).toBe(false);
          // Whatever is decided is the printed value.
          for (const d of decided) expect(d.needs).toBe(spec.values[d.key]);
        },
      ),
      { numRuns: 400, seed: 20261207 },
    );
  });

  it('property: a figure of table 3 misread as any other number is never kept (its row and column locate it)', () => {
    const t3 = keys.filter((k) => k.startsWith('t3.'));
    fc.assert(
      fc.property(fc.constantFrom(...t3), fc.integer({ min: 0, max: 5000 }), (key, n) => {
        fc.pre(n !== spec.values[key]);
        const figs = figures(misread(key, String(n)));
        crossCheck(figs, '2021');
        expect(figs.find((f) => f.key === key)!.doubt).toBeDefined();
      }),
      { numRuns: 300, seed: 20261209 },
    );
  });

  it('property: two figures of table 3 misread in different rows and columns are both rejected', () => {
    const t3 = keys.filter((k) => k.startsWith('t3.'));
    const rowOf = (k: string) => k.split('.').slice(1, -1).join('.');
    const colOf = (k: string) => k.split('.').pop();
    fc.assert(
      fc.property(fc.constantFrom(...t3), fc.constantFrom(...t3), fc.integer({ min: 1, max: 9 }), (a, b, d) => {
        fc.pre(rowOf(a) !== rowOf(b) && colOf(a) !== colOf(b));
        const figs = figures({ ...misread(a, String(spec.values[a] + d)), ...misread(b, String(spec.values[b] + d)) });
        crossCheck(figs, '2021');
        expect(figs.filter((f) => f.doubt).map((f) => f.key)).toEqual(expect.arrayContaining([a, b]));
      }),
      { numRuns: 200, seed: 20261208 },
    );
  });
});
