import { findingsOf, makeReport } from './fixture';

const withSummary = (year: number, text: string) => {
  const report = makeReport({ format: '2021', seed: 12, year, publishedAt: `${year + 1}-01-20` });
  report.sections = report.sections.map((s) => (s.n === 1 ? { ...s, text } : s));
  return report;
};

describe('S11 another year in the work summary', () => {
  it('passes a summary of the reporting year that cites earlier years in titles and spans', () => {
    const text = '2024年，我局按照《2023年政务公开工作要点》推进工作。2019年以来累计公开文件300件。截至2024年底，目录已更新。';
    expect(findingsOf(withSummary(2024, text), 'S11')).toEqual([]);
  });

  it("warns on a statement opening with last year's date", () => {
    const text = '2024年，我局认真贯彻条例。2023年，我局主动公开政府信息1200条。';
    const [f] = findingsOf(withSummary(2024, text), 'S11');
    expect(f).toMatchObject({ rule: 'S11', severity: 'warning', keys: ['year', 'section.1'] });
    expect(f.evidence).toContain('「2023年，我局主动公开政府信息1200条。」');
  });

  it('says not-assessable without a year', () => {
    const report = { ...makeReport({ format: '2021', seed: 12 }), year: null };
    expect(findingsOf(report, 'S11')).toEqual([expect.objectContaining({ rule: 'S11', outcome: 'not-assessable', severity: 'info' })]);
  });
});
