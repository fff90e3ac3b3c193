import { T3_APPLICANTS } from '../../lambdas/core/form';
import { extractNarrative } from '../../lambdas/core/narrative';
import { parseReport } from '../../lambdas/core/record/parse-report';
import { checkReport } from '../../lambdas/core/rules';
import { computeDerived } from '../../lambdas/core/values/derived';
import type { Report } from '../../lambdas/core/types';
import { renderHtml } from '../../scripts/generate/render-html';
import { makeReportSpec, type ReportSpec } from '../../scripts/generate/values';

const figures = (text: string) => extractNarrative(text, [], { format: '2019' });

describe('combined and ambiguous phrases', () => {
  it.each([
    ['本年度收到的申请中，予以公开及部分公开29件。', 29],
    ['申请办理结果：予以公开和部分公开共12件，不予公开3件。', 12],
    ['对申请人的申请，全部或部分公开41件。', 41],
  ])('reads “%s” as granted + partial, never as 部分公开 alone', (text, n) => {
    const read = figures(text);
    expect(read.find((f) => f.key === 't3.grantedAndPartial.total')?.value).toBe(n);
    expect(read.some((f) => f.key === 't3.partial.total' || f.key === 't3.granted.total')).toBe(false);
  });

  it('still reads 予以公开 and 部分公开 stated apart', () => {
    const read = figures('收到申请30件，其中予以公开20件，部分公开4件。');
    expect(read.filter((f) => f.key.startsWith('t3.g') || f.key.startsWith('t3.p')).map((f) => [f.key, f.value])).toEqual([
      ['t3.granted.total', 20],
      ['t3.partial.total', 4],
    ]);
  });

  it('marks 因本机关不掌握等原因无法提供 as ambiguous with both keys it may mean', () => {
    const read = figures('收到申请50件，因本机关不掌握等原因无法提供7件。');
    const f = read.find((x) => x.value === 7)!;
    expect(f).toMatchObject({ key: 't3.unable.sum.total', ambiguous: ['t3.unable.sum.total', 't3.unable.noInfo.total'] });
    expect(read.filter((x) => x.value === 7)).toHaveLength(1);
  });

  it('leaves a plain 无法提供 unambiguous', () => {
    expect(figures('收到申请50件，无法提供7件。').find((x) => x.value === 7)).toEqual(expect.not.objectContaining({ ambiguous: expect.anything() }));
  });
});

/**
 * A generated 2019-format report as the issue saw a real one: table 3's 总计 column left blank on
 * every row (only the applicant columns printed), a narrative stating a combined and an ambiguous
 * figure. Rendered to Word-style HTML and parsed like any upload.
 */
async function blankTotalReport(sentence: (v: Record<string, number>) => string): Promise<Report> {
  const spec: ReportSpec = structuredClone(makeReportSpec({ format: '2019', seed: 1907 }));
  const v = spec.values;
  // Move natural persons' granted applications to 部分公开 and 另行制作: the columns still balance.
  v['t3.granted.natural'] -= 9;
  v['t3.partial.natural'] += 6;
  v['t3.unable.needCreation.natural'] += 3;
  for (const k of Object.keys(v)) if (/^t3\..*\.total$/.test(k)) delete v[k];
  spec.narrative = spec.narrative.filter((f) => !f.key.startsWith('t3.'));
  const anchor = '畅通依申请公开渠道，规范受理、办理、答复等环节。';
  const html = renderHtml(spec, { t2Tables: 'one' });
  expect(html).toContain(anchor);
  const bytes = Buffer.from(html.replace(anchor, `${anchor}${sentence(v)}`), 'utf8');
  return parseReport({ id: 'blank-total-2019', name: 'blank-total-2019.html', bytes });
}

const APPLICANTS = T3_APPLICANTS.map((c) => c.key);
const rowSum = (v: Record<string, number>, row: string) => APPLICANTS.reduce((a, c) => a + (v[`t3.${row}.${c}`] ?? 0), 0);
const rules = (r: Report) => r.findings.map((f) => f.rule);

describe('a report with a blank total column (generated sample)', () => {
  it('derives each row total, never stores it as a value, and says so once', async () => {
    const report = await blankTotalReport(() => '');
    expect(Object.keys(report.values).filter((k) => /^t3\..*\.total$/.test(k))).toEqual([]);
    expect(report.derived['t3.granted.total']).toBe(rowSum(report.values, 'granted'));
    expect(report.derived['t3.totalProcessed.total']).toBe(rowSum(report.values, 'totalProcessed'));
    expect(report.derived['t3.grantedAndPartial.total']).toBe(rowSum(report.values, 'granted') + rowSum(report.values, 'partial'));
    const s5 = report.findings.filter((f) => f.rule.startsWith('S5'));
    expect(s5.map((f) => [f.rule, f.severity, f.outcome])).toEqual([['S5-total-column-blank', 'info', 'failed']]);
    expect(report.findings.filter((f) => f.outcome === 'not-assessable' && f.rule.startsWith('S5'))).toEqual([]);
  });

  it('checks the balance on the derived totals', async () => {
    const report = await blankTotalReport(() => '');
    const broken = { ...report, values: { ...report.values, 't3.newReceived.natural': report.values['t3.newReceived.natural'] + 4 } };
    const findings = checkReport({ ...broken, derived: computeDerived(broken.values) });
    const balance = findings.filter((f) => f.rule === 'S5-balance');
    expect(balance.map((f) => f.keys[0]).sort()).toEqual(['t3.newReceived.natural', 't3.newReceived.total']);
    expect(balance.find((f) => f.keys[0] === 't3.newReceived.total')!.evidence).toContain('(derived)');
  });

  it('flags 予以公开及部分公开 stating only the natural persons’ 予以公开 (the true finding)', async () => {
    const report = await blankTotalReport((v) => `本年度办理的政府信息公开申请中，予以公开及部分公开${v['t3.granted.natural']}件。`);
    const granted = rowSum(report.values, 'granted') + rowSum(report.values, 'partial');
    const s8 = report.findings.filter((f) => f.rule === 'S8-mismatch');
    expect(s8).toHaveLength(1);
    expect(s8[0].severity).toBe('error');
    expect(s8[0].keys).toEqual(['t3.grantedAndPartial.total']);
    expect(s8[0].message).toContain(String(granted));
  });

  it('does not flag 因本机关不掌握等原因无法提供 equal to the 不掌握 row alone (the non-finding)', async () => {
    const report = await blankTotalReport((v) => `本年度收到的申请中，因本机关不掌握等原因无法提供${rowSum(v, 'unable.noInfo')}件。`);
    // The 无法提供 subtotal is larger (另行制作 3): only the 不掌握 reading matches, and that is enough.
    expect(report.derived['t3.unable.sum.total']).toBeGreaterThan(report.derived['t3.unable.noInfo.total']);
    expect(rules(report)).not.toContain('S8-mismatch');
    expect(rules(report)).not.toContain('S8');
  });

  it('flags the ambiguous phrase when it matches no reading', async () => {
    const report = await blankTotalReport((v) => `本年度收到的申请中，因本机关不掌握等原因无法提供${rowSum(v, 'unable.noInfo') + 1}件。`);
    const s8 = report.findings.filter((f) => f.rule === 'S8-mismatch');
    expect(s8).toHaveLength(1);
    expect(s8[0].keys.sort()).toEqual(['t3.unable.noInfo.total', 't3.unable.sum.total']);
  });

  it('a combined phrase equal to granted + partial is no finding', async () => {
    const report = await blankTotalReport((v) => `本年度办理的政府信息公开申请中，予以公开及部分公开${rowSum(v, 'granted') + rowSum(v, 'partial')}件。`);
    expect(rules(report)).not.toContain('S8-mismatch');
  });
});
