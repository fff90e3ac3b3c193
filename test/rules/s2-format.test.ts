import { findingsOf, makeReport } from './fixture';

describe('S2 format matches the reporting year', () => {
  it.each([
    ['2019', 2020],
    ['2021', 2021],
  ] as const)('passes %s tables for %i', (format, year) => {
    expect(findingsOf(makeReport({ format, seed: 3, year }), 'S2')).toEqual([]);
  });

  it('fails 2019 tables in a 2021 report, judged by the tables even when the parser says 2021', () => {
    const report = { ...makeReport({ format: '2019', seed: 3, year: 2021, publishedAt: '2022-01-20' }), format: '2021' as const };
    const [f] = findingsOf(report, 'S2');
    expect(f).toMatchObject({ rule: 'S2', severity: 'error', outcome: 'failed', keys: ['year', 'format'] });
    expect(f.evidence).toContain("tables' shape: 2019");
    expect(f.basis).toContain('〔2021〕30号');
  });

  it('fails 2021 tables in a 2020 report', () => {
    const [f] = findingsOf(makeReport({ format: '2021', seed: 3, year: 2020, publishedAt: '2021-01-20' }), 'S2');
    expect(f).toMatchObject({ rule: 'S2', severity: 'error' });
  });

  it('says not-assessable without a year', () => {
    const report = { ...makeReport({ format: '2021', seed: 3 }), year: null };
    expect(findingsOf(report, 'S2')).toEqual([expect.objectContaining({ rule: 'S2', severity: 'info', outcome: 'not-assessable' })]);
  });
});
