import { findingsOf, makeReport } from './fixture';

describe('S1 agency and reporting year', () => {
  it('passes a report that names its agency and a year before its publication', () => {
    expect(findingsOf(makeReport({ format: '2021', seed: 2 }), 'S1')).toEqual([]);
  });

  it('fails without an agency', () => {
    const report = { ...makeReport({ format: '2021', seed: 2 }), agency: null };
    const [f] = findingsOf(report, 'S1');
    expect(f).toMatchObject({ rule: 'S1-agency', severity: 'error', outcome: 'failed', keys: ['agency'] });
  });

  it('fails without a year, and checks nothing else that needs it', () => {
    const report = { ...makeReport({ format: '2021', seed: 2 }), year: null };
    expect(findingsOf(report, 'S1').map((f) => [f.rule, f.severity])).toEqual([['S1-year', 'error']]);
  });

  it('warns when the year is the publication year (not the statistics period)', () => {
    const report = makeReport({ format: '2021', seed: 2, year: 2023, publishedAt: '2023-01-20' });
    const [f] = findingsOf(report, 'S1');
    expect(f).toMatchObject({ rule: 'S1-period', severity: 'warning', keys: ['year', 'publishedAt'] });
    expect(f.evidence).toContain('发布日期 (publishedAt)=2023-01-20');
  });

  it('says not-assessable for the period without a publication date', () => {
    const report = { ...makeReport({ format: '2021', seed: 2 }), publishedAt: null };
    expect(findingsOf(report, 'S1')).toEqual([expect.objectContaining({ rule: 'S1-period', severity: 'info', outcome: 'not-assessable' })]);
  });
});
