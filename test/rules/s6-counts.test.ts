import { findingsOf, makeReport, withValues } from './fixture';

describe('S6 counts are whole, non-negative, and printed', () => {
  it.each(['2019', '2021'] as const)('passes a %s report (2019 changes may be negative)', (format) => {
    const base = makeReport({ format, seed: 7 });
    const report = format === '2019' ? withValues(base, { 't2.licensing.change': -1, 't2.licensing.prev': 5 }) : base;
    expect(findingsOf(report, 'S6')).toEqual([]);
  });

  it('fails a blank or "/" cell stored as 0', () => {
    const report = makeReport({ format: '2021', seed: 7 });
    report.evidence['t3.partial.research'] = { ...report.evidence['t3.partial.research'], raw: '/' };
    report.values['t3.partial.research'] = 0;
    expect(findingsOf(report, 'S6')).toEqual([expect.objectContaining({ rule: 'S6-blank', severity: 'error', keys: ['t3.partial.research'] })]);
  });

  it('fails a negative count and a fractional count', () => {
    const report = withValues(makeReport({ format: '2021', seed: 7 }), { 't4.review.pending': -1, 't2.penalty.decisions': 2.5 });
    expect(findingsOf(report, 'S6').map((f) => [f.rule, f.severity, f.keys])).toEqual([
      ['S6-integer', 'error', ['t2.penalty.decisions']],
      ['S6-negative', 'error', ['t4.review.pending']],
    ]);
  });
});
