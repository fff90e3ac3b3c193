import fc from 'fast-check';
import { compareCsv, compareTable, metricFor, outliers, RATE_METRICS } from '../../lambdas/core/compare';
import { outlierSides } from '../../lambdas/core/compare/outliers';
import { formulaSafe } from '../../lambdas/core/csv';

describe('rates', () => {
  const rate = (id: string) => metricFor(id)!;

  test('granted share counts partly granted, among processed', () => {
    expect(rate('rate.granted').compute({ 't3.granted.total': 30, 't3.partial.total': 10, 't3.totalProcessed.total': 80 })).toBe(0.5);
  });

  test('no rate without a denominator, and none from a partial numerator', () => {
    expect(rate('rate.granted').compute({ 't3.granted.total': 3, 't3.partial.total': 1, 't3.totalProcessed.total': 0 })).toBeNull();
    expect(rate('rate.granted').compute({ 't3.granted.total': 3, 't3.totalProcessed.total': 10 })).toBeNull();
    expect(rate('rate.noInfo').compute({})).toBeNull();
  });

  test('correction rates are among concluded cases', () => {
    const v = { 't4.review.corrected': 2, 't4.review.total': 10, 't4.review.pending': 2 };
    expect(rate('rate.reviewCorrected').compute(v)).toBe(0.25);
    expect(rate('rate.reviewCorrected').compute({ ...v, 't4.review.pending': 10 })).toBeNull();
    expect(
      rate('rate.litigationCorrected').compute({
        't4.litigationDirect.corrected': 1, 't4.litigationDirect.total': 3,
        't4.litigationAfterReview.corrected': 1, 't4.litigationAfterReview.total': 1,
      }),
    ).toBe(0.5);
  });

  test('metric ids: rates, value keys, nothing else', () => {
    expect(RATE_METRICS.every((m) => metricFor(m.id) === m)).toBe(true);
    expect(metricFor('t4.litigation.sum.total')?.compute({ 't4.litigation.sum.total': 7 })).toBe(7);
    for (const bad of ['rate.x', 't3', 't3.newReceived', 'constructor', 't5.a.b']) expect(metricFor(bad)).toBeUndefined();
  });
});

describe('outliers', () => {
  test('one far value among peers is marked, the rest not', () => {
    expect(outliers([0.1, 0.12, 0.09, 0.11, 0.1, 0.8])).toEqual([false, false, false, false, false, true]);
  });

  test('too few peers: nobody is marked', () => {
    expect(outliers([0.1, 0.1, 0.1, 0.9])).toEqual([false, false, false, false]);
  });

  test('MAD of 0 (most agencies equal) still marks the odd one', () => {
    expect(outliers([0, 0, 0, 0, 0, 0, 0.5])).toEqual([false, false, false, false, false, false, true]);
    expect(outliers([0.2, 0.2, 0.2, 0.2, 0.2])).toEqual([false, false, false, false, false]);
  });

  test('an outlier is marked on its side of the median', () => {
    expect(outlierSides([0.5, 0.52, 0.49, 0.51, 0.5, 0.95, 0.02])).toEqual([null, null, null, null, null, 'high', 'low']);
  });

  test('scaling or shifting all values does not change who is an outlier', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 5, maxLength: 30 }), fc.integer({ min: 1, max: 50 }), fc.integer({ min: -100, max: 100 }), (xs, k, d) => {
        expect(outliers(xs.map((x) => x * k + d))).toEqual(outliers(xs));
      }),
    );
  });
});

describe('table and CSV', () => {
  const inputs = ['丙', '甲', '乙', '丁', '戊', '己'].map((agency, i) => ({
    reportId: `r${i}`,
    agency,
    values: { 't3.unable.noInfo.total': i === 5 ? 90 : 10 + i, 't3.totalProcessed.total': 100 },
  }));

  test('rows sorted by agency, outlier marked, spread reported', () => {
    const t = compareTable(inputs, [metricFor('rate.noInfo')!]);
    expect(t.rows.map((r) => r.agency)).toEqual([...inputs.map((i) => i.agency)].sort((a, b) => a.localeCompare(b, 'zh-Hans-CN')));
    expect(t.rows.filter((r) => r.cells['rate.noInfo'].outlier).map((r) => r.reportId)).toEqual(['r5']);
    expect(t.spread['rate.noInfo'].n).toBe(6);
  });

  test('CSV: BOM, CRLF, percentages, quoting and formula defusing', () => {
    const hostile = [{ reportId: 'x', agency: '=HYPERLINK("http://evil","点我"),局', values: { 't3.newReceived.total': -3 } }];
    const csv = compareCsv(compareTable(hostile, [metricFor('t3.newReceived.total')!, metricFor('rate.noInfo')!]));
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.slice(1).split('\r\n')).toEqual([
      'agency,report_id,t3.newReceived.total,rate.noInfo (%),outliers',
      `"'=HYPERLINK(""http://evil"",""点我""),局",x,-3,,`,
      '',
    ]);
    expect(formulaSafe('-12.5')).toBe('-12.5');
    expect(formulaSafe('@SUM(A1)')).toBe("'@SUM(A1)");
  });
});
