import { shapeDoubt } from '../../lambdas/core/ocr/figure-shape';
import type { OcrReading, OcrToken } from '../../lambdas/core/ocr';
import { reviewScan } from '../../lambdas/core/ocr/review';
import { resolveReport } from '../../lambdas/core/resolve';
import { pendingValues } from '../../lambdas/core/resolve/pending';
import type { Tables } from '../../lambdas/core/tables';
import type { Locator, Report, Value } from '../../lambdas/core/types';
import { makeReport } from '../rules/fixture';

const token = (str: string, more: Partial<OcrToken> = {}): OcrToken => ({ str, box: { x: 0, y: 0, w: 10, h: 10 }, conf: 0.995, numeric: true, ...more });

describe('the shape of an OCR reading', () => {
  it.each([
    ['t3.granted.natural', [token('12')], undefined],
    ['t2.fees.amount', [token('7730.28')], undefined],
    ['t2.licensing.change', [token('-18')], undefined],
    ['t3.granted.natural', [token('012')], '以0开头'],
    ['t3.granted.natural', [token('0'), token('12')], '一格中读出 2 段文字'],
    ['t3.granted.natural', [token('1.5')], '小数点'],
    ['t2.fees.amount', [token('1.2.3')], '小数点'],
    ['t3.granted.natural', [token('-3')], '负号'],
    ['t3.granted.natural', [token('45%')], '百分号'],
    ['t3.granted.natural', [], '没有读成数字'],
    // The ink stands three digits wide, one was read (a recogniser's dropped or merged digits); and the other way.
    ['t3.granted.natural', [token('7', { span: 2.9 })], '墨迹宽约 3 个数字'],
    ['t3.granted.natural', [token('1771', { span: 2.2 })], '读出 4 位'],
    ['t3.granted.natural', [token('111', { span: 2.3 })], undefined],
    ['t2.fees.amount', [token('7730.28', { span: 7.3 })], undefined],
    // A signed column's figure whose ink is half a digit wider than its digits: its minus sign may be lost (`-4` as `4`).
    ['t2.licensing.change', [token('4', { span: 1.48 })], '可能漏读负号'],
    ['t2.licensing.change', [token('4', { span: 0.96 })], undefined],
    ['t2.licensing.change', [token('-4', { span: 1.5 })], undefined],
    ['t3.granted.natural', [token('4', { span: 1.48 })], undefined],
    ['t3.granted.natural', [token('12', { inkPx: 8 })], '8 像素高'],
    ['t3.granted.natural', [token('12', { inkPx: 14 })], undefined],
    // A letter read alone in the cell, however sure its reading over digits.
    ['t3.granted.natural', [token('4', { misread: 'A' })], '识别为字母「A」'],
  ])('%s read %p: %s', (key, tokens, doubt) => {
    const found = shapeDoubt(key, tokens as OcrToken[]);
    if (doubt === undefined) expect(found).toBeUndefined();
    else expect(found?.zh).toContain(doubt);
  });
});

/**
 * reviewScan over a generated report's table as if OCR had read it: every cell one token, sure of it, unless a test
 * says otherwise.
 */
function scanOf(report: Report, read: Record<string, Partial<OcrToken>>): { tables: Tables; ocr: OcrReading } {
  const tokens = new Map<Locator, OcrToken[]>();
  const values: Value[] = Object.entries(report.values).map(([key, value]) => {
    const t = token(String(value), read[key]);
    const loc: Locator = { page: 2, box: { x: 100, y: 200, w: 30, h: 14 } };
    tokens.set(loc, [t]);
    return { key, value: Number(t.str), evidence: { source: 'table', locator: `page 2 ${key}`, raw: t.str, page: 2, loc } };
  });
  return {
    tables: { format: report.format, tables: report.tables, values, findings: [], undecided: [] },
    ocr: { pages: [], tokensOf: (loc) => tokens.get(loc) ?? [], tokens: [...tokens.values()].flat() },
  };
}

describe('reviewing a scan’s figures', () => {
  const report = makeReport({ format: '2021', seed: 7 });
  const key = 't3.granted.natural';
  const truth = report.values[key];

  it('takes confident, well-shaped figures the identities confirm, each with its confidence', () => {
    const { tables, ocr } = scanOf(report, {});
    const out = reviewScan(tables, ocr);
    expect(out.values).toHaveLength(tables.values.length);
    expect(out.undecided).toEqual([]);
    expect(out.values.every((v) => v.evidence.ocr?.conf === 0.995)).toBe(true);
  });

  it('decides an uncertain figure the identities force, among OCR’s readings, and says so', () => {
    // The last digit read wrong, unsure of it, the printed digit its runner-up.
    const printed = String(truth);
    const wrong = printed.slice(0, -1) + String((Number(printed.slice(-1)) + 3) % 10);
    const alt = [...wrong].map((_, i) => (i === wrong.length - 1 ? { char: printed.slice(-1), p: 0.3 } : { char: '', p: 0 }));
    const { tables, ocr } = scanOf(report, { [key]: { str: wrong, conf: 0.6, alt } });
    const out = reviewScan(tables, ocr);
    const v = out.values.find((x) => x.key === key)!;
    expect(v.value).toBe(truth);
    expect(v.evidence).toMatchObject({
      decidedBy: 'identity',
      raw: `${wrong} → ${truth}`,
      ocr: { conf: 0.6 },
      identity: { id: expect.stringMatching(/^t3\./) },
    });
    expect(Object.keys(v.evidence.identity!.from).length).toBeGreaterThan(1);
    expect(out.findings.filter((f) => f.rule === 'P-OCR-UNCERTAIN')).toEqual([]);
  });

  it('decides a figure OCR read as a letter from its reading over digits where the identities force it, showing the letter', () => {
    const small = Object.keys(report.values).find((k) => k.startsWith('t3.') && report.values[k] >= 1 && report.values[k] <= 9)!;
    const { tables, ocr } = scanOf(report, { [small]: { misread: 'A' } });
    const v = reviewScan(tables, ocr).values.find((x) => x.key === small)!;
    expect(v.value).toBe(report.values[small]);
    expect(v.evidence).toMatchObject({ decidedBy: 'identity', raw: `A → ${report.values[small]}` });
  });

  it('decides a sparse row’s total read in two pieces by the row’s sum, its blank cells counting as nothing', () => {
    // Table 3 printed sparse: its zeros are blank cells, no values; 本年新收's total wrapped in its narrow cell.
    const sparse = { ...report, values: Object.fromEntries(Object.entries(report.values).filter(([k, v]) => !(k.startsWith('t3.') && v === 0))) };
    const total = 't3.newReceived.total';
    const { tables, ocr } = scanOf(sparse, {});
    const pieces = [token(String(sparse.values[total]).slice(0, -1)), token(String(sparse.values[total]).slice(-1))];
    const loc = tables.values.find((v) => v.key === total)!.evidence.loc!;
    const out = reviewScan(tables, { ...ocr, tokensOf: (l) => (l === loc ? pieces : ocr.tokensOf(l)) });
    const v = out.values.find((x) => x.key === total)!;
    expect(v.value).toBe(report.values[total]);
    expect(v.evidence.identity).toMatchObject({ id: 't3.row-sum' });
    const blank = Object.keys(v.evidence.identity!.from).filter((k) => !(k in sparse.values));
    expect(blank.length).toBeGreaterThan(0);
    for (const k of blank) expect(v.evidence.identity!.from[k]).toBe(0);
  });

  it('decides a cell whose run OCR read twice (`12` and its `2` again) by the row’s sum: the run alone, never the two joined', () => {
    const total = 't3.newReceived.total';
    const printed = String(report.values[total]);
    const { tables, ocr } = scanOf(report, {});
    const pieces = [token(printed), token(printed.slice(-1))];
    const joined = printed + printed.slice(-1);
    const i = tables.values.findIndex((v) => v.key === total);
    const loc = tables.values[i].evidence.loc!;
    tables.values[i] = { ...tables.values[i], value: Number(joined), evidence: { ...tables.values[i].evidence, raw: joined } };
    const out = reviewScan(tables, { ...ocr, tokensOf: (l) => (l === loc ? pieces : ocr.tokensOf(l)) });
    const v = out.values.find((x) => x.key === total)!;
    expect(v.value).toBe(report.values[total]);
    expect(v.evidence).toMatchObject({ decidedBy: 'identity', raw: `${joined} → ${printed}` });
  });

  it('holds back a confident figure the identities reject: pending (待核实) with a P-OCR-UNCERTAIN finding naming the identity, until an officer decides', () => {
    const wrong = String(truth + 10);
    const { tables, ocr } = scanOf(report, { [key]: { str: wrong, conf: 0.999 } });
    const out = reviewScan(tables, ocr);
    expect(out.values.find((x) => x.key === key)).toBeUndefined();
    expect(out.undecided).toEqual([
      expect.objectContaining({ keys: [key], printed: wrong, candidates: [[truth + 10]], ocr: expect.objectContaining({ why: 'identity' }) }),
    ]);
    const finding = out.findings.find((f) => f.rule === 'P-OCR-UNCERTAIN')!;
    expect(finding.keys).toEqual([key]);
    expect(finding.message).toMatch(/不成立.*待核实/);
    // A figure with a single reading still waits for a decision: listed as pending, never taken by elimination.
    const parsed: Report = { ...report, values: Object.fromEntries(out.values.map((v) => [v.key, v.value])), undecided: out.undecided, findings: out.findings };
    expect(pendingValues(parsed, []).map((p) => p.open)).toEqual([[key]]);
    const reviewed = resolveReport(
      parsed,
      [],
      [{ row: key, printed: wrong, values: [truth], by: 'officer-1', at: '2026-12-07T10:00:00Z', note: '对照扫描件' }],
    );
    expect(reviewed.values[key]).toBe(truth);
    expect(reviewed.evidence[key].decidedBy).toBe('review');
    expect(reviewed.findings.filter((f) => f.rule === 'P-OCR-UNCERTAIN')).toEqual([]);
    expect(reviewed.pending).toBeUndefined();
  });
});
