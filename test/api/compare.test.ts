import fc from 'fast-check';
import { auditYear, DEFAULT_AUDIT_OPTIONS, type Agency, type ReportSummary } from '../../lambdas/core/audit';
import { PEER_RATES, rateOutliers, zeroOutliers } from '../../lambdas/core/audit/peer-outliers';
import { compareCsv, compareTable, DEFAULT_METRICS, metricFor, RATE_METRICS } from '../../lambdas/core/compare';
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
        't4.litigationDirect.corrected': 1,
        't4.litigationDirect.total': 3,
        't4.litigationAfterReview.corrected': 1,
        't4.litigationAfterReview.total': 1,
      }),
    ).toBe(0.5);
  });

  test('metric ids: rates, value keys, nothing else', () => {
    expect(RATE_METRICS.every((m) => metricFor(m.id) === m)).toBe(true);
    expect(metricFor('t4.litigation.sum.total')?.compute({ 't4.litigation.sum.total': 7 })).toBe(7);
    for (const bad of ['rate.x', 't3', 't3.newReceived', 'constructor', 't5.a.b']) expect(metricFor(bad)).toBeUndefined();
  });
});

describe("outliers: the audit's X5 checks", () => {
  const noInfo = PEER_RATES.find((r) => r.name === 'noInfo')!;
  /** Agencies with 100 applications each, `shares` of them ending in 本机关不掌握. */
  const group = (shares: number[], processed = 100) =>
    shares.map((x) => ({ 't3.unable.noInfo.total': Math.round(x * processed), 't3.totalProcessed.total': processed }));
  const check = (items: Record<string, number>[], options = DEFAULT_AUDIT_OPTIONS) => rateOutliers(noInfo, items, (v) => (k) => v[k], options);
  const marked = (items: Record<string, number>[], options = DEFAULT_AUDIT_OPTIONS) =>
    check(items, options).outliers.map((o) => [items.indexOf(o.item), o.side]);

  test('one far rate among enough peers is marked on its side, the rest not', () => {
    expect(marked(group([0.1, 0.12, 0.09, 0.11, 0.1, 0.1, 0.12, 0.8, 0.01]))).toEqual([[7, 'high']]);
    expect(marked(group([0.5, 0.52, 0.49, 0.51, 0.5, 0.5, 0.48, 0.95, 0.02]))).toEqual([
      [7, 'high'],
      [8, 'low'],
    ]);
  });

  test('below minPeers rated agencies nobody is marked; small denominators are not rated', () => {
    expect(marked(group([0.1, 0.12, 0.09, 0.11, 0.1, 0.1, 0.8]))).toEqual([]);
    expect(marked(group([0.1, 0.12, 0.09, 0.11, 0.1, 0.1, 0.12, 0.8, 0.01]), { ...DEFAULT_AUDIT_OPTIONS, minPeers: 10 })).toEqual([]);
    // Nine agencies, but two with fewer than minApplications applications: seven rated.
    const items = [...group([0.1, 0.12, 0.09, 0.11, 0.1, 0.1, 0.8]), ...group([0.5, 0.5], 4)];
    expect(check(items).n).toBe(7);
    expect(marked(items)).toEqual([]);
  });

  test('a gap under minRateGap is no outlier however tight the group', () => {
    expect(marked(group([0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.101, 0.099, 0.15]))).toEqual([]);
  });

  test("a zero count is marked where the peers' median is large, not where it is small", () => {
    const counts = (xs: number[]) => xs.map((x) => ({ 't3.newReceived.total': x }));
    const zeros = (items: Record<string, number>[]) =>
      zeroOutliers('t3.newReceived.total', items, (v) => (k) => v[k], DEFAULT_AUDIT_OPTIONS).outliers.map((o) => items.indexOf(o.item));
    expect(zeros(counts([80, 90, 120, 60, 0, 75, 300, 95]))).toEqual([4]);
    expect(zeros(counts([8, 9, 12, 6, 0, 7, 30, 9]))).toEqual([]);
  });

  test('scaling every count does not change who is an outlier', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 8, maxLength: 30 }), fc.integer({ min: 1, max: 50 }), (xs, k) => {
        const items = (n: number): Record<string, number>[] => xs.map((x) => ({ 't3.unable.noInfo.total': x * n, 't3.totalProcessed.total': 100 * n }));
        const a = items(1);
        const b = items(k);
        expect(check(b).outliers.map((o) => [b.indexOf(o.item), o.side])).toEqual(check(a).outliers.map((o) => [a.indexOf(o.item), o.side]));
      }),
    );
  });
});

describe('compare marks exactly what the audit (X5) reports for the same peer group', () => {
  const agency = (i: number): Agency => ({
    name: `第${i}区教育局`,
    aliases: [],
    kind: 'department',
    region: '某市',
    level: '县',
    parent: null,
    deadline: null,
  });
  const summary = (i: number, figures: Record<string, number>): ReportSummary => ({
    id: `r${i}`,
    year: 2024,
    agencyText: agency(i).name,
    agency: agency(i),
    format: '2021',
    publishedAt: '2025-01-20',
    figures,
    tableHash: null,
    narrativeHash: null,
    narrativeSignature: null,
  });
  const count = fc.integer({ min: 0, max: 400 });
  const figures = fc.record({
    't3.totalProcessed.total': fc.integer({ min: 0, max: 400 }),
    't3.granted.total': count,
    't3.partial.total': count,
    't3.unable.noInfo.total': count,
    't3.notProcessed.sum.total': count,
    't3.newReceived.total': fc.oneof(fc.constant(0), count),
    't4.review.total': fc.integer({ min: 0, max: 40 }),
    't4.review.corrected': fc.integer({ min: 0, max: 10 }),
    't4.review.pending': fc.integer({ min: 0, max: 5 }),
  });

  test('random groups: the same outliers, agency by agency and side by side', () => {
    const metrics = [...RATE_METRICS, ...['t3.newReceived.total', 't4.review.total'].map((k) => metricFor(k)!)];
    let seen = 0;
    fc.assert(
      fc.property(
        fc.array(figures, { minLength: 6, maxLength: 24 }),
        fc.integer({ min: 0, max: 23 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (all, odd, share) => {
          // One agency pushed towards an extreme share of 本机关不掌握, so outliers do occur.
          if (odd < all.length) all[odd] = { ...all[odd], 't3.totalProcessed.total': 200, 't3.unable.noInfo.total': Math.round(share * 200) };
          const summaries = all.map((f, i) => summary(i, f));
          const audit = auditYear({ year: 2024, registry: summaries.map((s) => s.agency!), reports: summaries, today: '2025-01-01' })
            .findings.filter((f) => f.rule === 'X5-RATE' || f.rule === 'X5-ZERO')
            .map(
              (f) =>
                `${f.agency} ${f.rule === 'X5-ZERO' ? f.keys[0] : PEER_RATES.find((r) => r.num[0] === f.keys[0])!.name} ${/偏高/.test(f.message) ? 'high' : 'low'}`,
            );
          const table = compareTable(
            summaries.map((s) => ({ reportId: s.id, agency: s.agencyText!, values: s.figures })),
            metrics,
          );
          const page = table.rows.flatMap((r) =>
            metrics.filter((m) => r.cells[m.id].outlier).map((m) => `${r.agency} ${m.kind === 'rate' ? m.id.slice(5) : m.id} ${r.cells[m.id].direction}`),
          );
          expect(page.sort()).toEqual(audit.sort());
          seen += audit.length;
        },
      ),
      { numRuns: 150 },
    );
    expect(seen).toBeGreaterThan(20);
  });
});

describe('table and CSV', () => {
  const inputs = ['丙', '甲', '乙', '丁', '戊', '己', '庚', '辛', '壬'].map((agency, i) => ({
    reportId: `r${i}`,
    agency,
    values: { 't3.unable.noInfo.total': i === 5 ? 90 : 10 + i, 't3.totalProcessed.total': 100 },
  }));

  test('rows sorted by agency, outlier marked, spread and method reported', () => {
    const t = compareTable(inputs, [metricFor('rate.noInfo')!]);
    expect(t.rows.map((r) => r.agency)).toEqual([...inputs.map((i) => i.agency)].sort((a, b) => a.localeCompare(b, 'zh-Hans-CN')));
    expect(t.rows.filter((r) => r.cells['rate.noInfo'].outlier).map((r) => [r.reportId, r.cells['rate.noInfo'].direction])).toEqual([['r5', 'high']]);
    expect(t.spread['rate.noInfo']).toMatchObject({ n: 9, median: 0.14 });
    expect(t.method.minPeers).toBe(DEFAULT_AUDIT_OPTIONS.minPeers);
    // Fewer agencies than the audit's smallest peer group: nobody is marked.
    expect(compareTable(inputs.slice(0, 7), [metricFor('rate.noInfo')!]).rows.some((r) => r.cells['rate.noInfo'].outlier)).toBe(false);
  });

  test('the default metrics are rates and a count, all known', () => {
    expect(DEFAULT_METRICS.every((id) => metricFor(id))).toBe(true);
  });

  test('CSV: BOM, CRLF, percentages, quoting and formula defusing', () => {
    const hostile = [{ reportId: 'x', agency: '=HYPERLINK("http://evil","点我"),局', values: { 't3.newReceived.total': -3 } }];
    const csv = compareCsv(compareTable(hostile, [metricFor('t3.newReceived.total')!, metricFor('rate.noInfo')!]));
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.slice(1).split('\r\n')).toEqual([
      '机关名称 (agency),报告 (report_id),表三 · 本年新收 · 总计 (t3.newReceived.total),本机关不掌握信息比例 % (rate.noInfo),离群指标 (outliers)',
      `"'=HYPERLINK(""http://evil"",""点我""),局",x,-3,,`,
      '',
    ]);
    expect(formulaSafe('-12.5')).toBe('-12.5');
    expect(formulaSafe('@SUM(A1)')).toBe("'@SUM(A1)");
  });
});
