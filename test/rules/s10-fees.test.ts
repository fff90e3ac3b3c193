import { findingsOf, makeReport, withValues } from './fixture';

const withSection6 = (report: ReturnType<typeof makeReport>, text: string) => ({
  ...report,
  sections: report.sections.map((s) => (s.n === 6 ? { ...s, text } : s)),
});

describe('S10 information-processing fees', () => {
  it('passes a 2021 report that states no fee and dropped no application for unpaid fees', () => {
    const report = withSection6(withValues(makeReport({ format: '2021', seed: 11 }), { 't3.otherHandling.overdueFee.total': 0 }), '本年度未收取信息处理费。');
    expect(findingsOf(report, 'S10')).toEqual([]);
  });

  it('passes a report that dropped applications for unpaid fees and says it charged fees', () => {
    const report = withSection6(
      withValues(makeReport({ format: '2021', seed: 11 }), { 't3.otherHandling.overdueFee.total': 2 }),
      '本年度共收取信息处理费200元。',
    );
    expect(findingsOf(report, 'S10')).toEqual([]);
  });

  it('passes unpaid-fee applications with nothing collected: the applicant did not pay (pingtan-2025)', () => {
    const report = withSection6(
      withValues(makeReport({ format: '2021', seed: 11 }), { 't3.otherHandling.overdueFee.total': 2 }),
      '2025年，无收取信息处理费情况。',
    );
    expect(findingsOf(report, 'S10')).toEqual([]);
  });

  it.each(['本机关不收取信息处理费。', '本年度未发出信息处理费收费通知。'])('fails unpaid-fee applications against %j', (text) => {
    const report = withSection6(withValues(makeReport({ format: '2021', seed: 11 }), { 't3.otherHandling.overdueFee.total': 2 }), text);
    const [f] = findingsOf(report, 'S10');
    expect(f).toMatchObject({ rule: 'S10-contradiction', severity: 'error', keys: ['t3.otherHandling.overdueFee.total', 'section.6'] });
    expect(f.evidence).toContain('表三 · 其他处理 · 逾期未缴费 · 总计 (t3.otherHandling.overdueFee.total)=2');
    expect(f.evidence).toContain(`「${text}」`);
  });

  it('warns when a 2021 report does not say anything about the fees', () => {
    const report = withSection6(makeReport({ format: '2021', seed: 11 }), '无。');
    expect(findingsOf(report, 'S10')).toEqual([expect.objectContaining({ rule: 'S10-unstated', severity: 'warning', keys: ['section.6'] })]);
  });

  it('does not ask the 2019 format for the statement', () => {
    expect(findingsOf(withSection6(makeReport({ format: '2019', seed: 11 }), '无。'), 'S10')).toEqual([]);
  });
});
