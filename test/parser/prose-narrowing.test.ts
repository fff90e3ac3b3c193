/**
 * Prose narrows what it does not decide (issue 24): a figure the narrative states for one cell of
 * a row that reads several ways, or for a subtotal over several rows, drops the readings it
 * contradicts, even when it leaves more than one.
 */
import { T3_ROWS, t3Layout, type FormRow } from '../../lambdas/core/form';
import { parseReport } from '../../lambdas/core/record/parse-report';
import { narrowByProse, statedFigures } from '../../lambdas/core/tables/prose-figures';
import type { Report } from '../../lambdas/core/types';
import { allSamples, labelsOf } from '../../scripts/generate/catalog';
import { renderTextRuns } from '../../scripts/generate/render-text-runs';
import { withProse } from '../../scripts/generate/scraped';
import { makeReportSpec } from '../../scripts/generate/values';

const ambiguous = (r: Report, key: string) => r.findings.find((f) => f.rule === 'P-SPLIT-AMBIGUOUS' && f.keys.includes(key));

describe('a short row with one cell the prose states', () => {
  it('`| 规章 | a | b |` with only 制发 in the prose: 制发 is read, two readings of the rest remain instead of three', async () => {
    const s = allSamples().find((x) => x.id.endsWith('2021-pipes-dropped-blanks'))!;
    const { values, narrative } = labelsOf(s);
    const valid = narrative.find((f) => f.key === 't2.rules.valid')!;
    // The sentence stating 现行有效 is taken out; the one stating 制发 stays.
    const content = (s.content as string).replace(new RegExp(`(?<=[。，\\n])[^。，\\n]*?(?<!\\d)${valid.value}件[。，]`), '');
    expect(content).not.toContain(`现行有效规章${valid.value}件`);
    const r = await parseReport({ id: s.id, name: `${s.id}.txt`, bytes: Buffer.from(content) });
    const [issued, v] = [values['t2.rules.issued'], values['t2.rules.valid']];
    expect(r.values['t2.rules.issued']).toBe(issued);
    const row = r.undecided!.find((u) => u.keys[0] === 't2.rules.issued')!;
    expect(row.candidates).toEqual([
      [issued, v, null],
      [issued, null, v],
    ]);
    expect(ambiguous(r, 't2.rules.valid')!.keys).toEqual(['t2.rules.repealed', 't2.rules.valid']);
  });
});

describe('a digit run too long to list every split', () => {
  // 上一年项目数量 | 本年增/减 | 处理决定数量 glued into 14 digits: 78 splits, over the splitter's 64.
  const values = { 't2.licensing.prev': 12345678, 't2.licensing.change': 9, 't2.licensing.decisions': 12345 };
  const report = async (stated: string[]) => {
    const base = makeReportSpec({ format: '2019', seed: 2407, year: 2020 });
    const spec = withProse({ ...base, values: { ...base.values, ...values } }, stated);
    return parseReport({ id: 'long-run', name: 'long-run.txt', bytes: Buffer.from(renderTextRuns(spec)) });
  };

  it('is left open, every column, without the prose', async () => {
    const r = await report([]);
    const row = r.undecided!.find((u) => u.printed.includes('12345678912345'))!;
    expect(row.truncated).toBe(true);
    for (const k of Object.keys(values)) expect(r.values[k]).toBeUndefined();
  });

  it('lists every split once the prose fixes 处理决定数量 while the run is split: 12345 is read, eight readings of the rest remain', async () => {
    const r = await report(['t2.licensing.decisions']);
    expect(r.narrative).toContainEqual(expect.objectContaining({ key: 't2.licensing.decisions', value: 12345 }));
    expect(r.values['t2.licensing.decisions']).toBe(12345);
    const row = r.undecided!.find((u) => u.printed.includes('12345678912345'))!;
    expect(row.truncated).toBeUndefined();
    expect(row.candidates).toEqual(Array.from({ length: 8 }, (_, i) => [Number('123456789'.slice(0, i + 1)), Number('123456789'.slice(i + 1)), 12345]));
  });
});

describe('narrowByProse', () => {
  const row = (key: string) => T3_ROWS.find((r) => r.key === key)!;
  /** A table-3 row whose readings differ only in the total column. */
  const candidates = (def: FormRow, totals: (number | null)[]) => ({ def, readings: totals.map((t) => ({ values: [0, 0, 0, 0, 0, 0, t] })) });
  const denied = (totals: Record<string, (number | null)[]>) =>
    T3_ROWS.filter((r) => r.group?.key === 'denied').map((r) => candidates(r, totals[r.key] ?? [0]));
  const totalsOf = (rows: ReturnType<typeof denied>, key: string) => rows.find((p) => p.def.key === key)!.readings.map((x) => x.values[6]);

  it('narrows the rows of a subtotal the prose states (不予公开6件) to the readings that sum to it', () => {
    const rows = denied({ 'denied.thirdParty': [3, 5], 'denied.processInfo': [1, 2] });
    narrowByProse(rows, new Map([['t3.denied.sum.total', 6]]), t3Layout('2021'));
    expect(totalsOf(rows, 'denied.thirdParty')).toEqual([5]);
    expect(totalsOf(rows, 'denied.processInfo')).toEqual([1]);
  });

  it('narrows without deciding: 5 + 1 and 4 + 2 both make 6, 3 + 1 is gone', () => {
    const rows = denied({ 'denied.thirdParty': [3, 4, 5], 'denied.processInfo': [1, 2] });
    narrowByProse(rows, new Map([['t3.denied.sum.total', 6]]), t3Layout('2021'));
    expect(totalsOf(rows, 'denied.thirdParty')).toEqual([4, 5]);
    expect(totalsOf(rows, 'denied.processInfo')).toEqual([1, 2]);
  });

  it('keeps a reading with a blank in the subtotal (it cannot be checked) and ignores a statement nothing fits', () => {
    const blank = denied({ 'denied.thirdParty': [3, null], 'denied.processInfo': [1] });
    narrowByProse(blank, new Map([['t3.denied.sum.total', 4]]), t3Layout('2021'));
    expect(totalsOf(blank, 'denied.thirdParty')).toEqual([3, null]);
    const none = denied({ 'denied.thirdParty': [3, 5] });
    narrowByProse(none, new Map([['t3.denied.sum.total', 40]]), t3Layout('2021'));
    expect(totalsOf(none, 'denied.thirdParty')).toEqual([3, 5]);
  });

  it('reads the 2019 form’s one 其他处理 row as its own subtotal', () => {
    const rows = [candidates(row('otherHandling'), [2, 7])];
    narrowByProse(rows, new Map([['t3.otherHandling.sum.total', 7]]), t3Layout('2019'));
    expect(rows[0].readings.map((x) => x.values[6])).toEqual([7]);
  });
});

describe('statedFigures', () => {
  it('takes a key the prose states once or always alike, never an ambiguous phrase or two values', () => {
    const f = (key: string, value: number, ambiguous?: string[]) => ({ key, value, sentence: '', ...(ambiguous ? { ambiguous } : {}) });
    const stated = statedFigures([
      f('t2.rules.issued', 22),
      f('t2.rules.issued', 22),
      f('t3.partial.total', 3),
      f('t3.partial.total', 4),
      f('t3.unable.sum.total', 9, ['t3.unable.sum.total', 't3.unable.noInfo.total']),
    ]);
    expect([...stated]).toEqual([['t2.rules.issued', 22]]);
  });
});
