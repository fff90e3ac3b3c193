import type { Report } from '../../lambdas/core/types';
import { findingsOf, makeReport, withValues } from './fixture';

/** The record of the same report with one standard table lost. */
function withoutTable(report: Report, table: 't2' | 't3' | 't4'): Report {
  const dropped = Object.fromEntries(
    Object.keys(report.values)
      .filter((k) => k.startsWith(`${table}.`))
      .map((k) => [k, undefined]),
  );
  return { ...withValues(report, dropped), tables: report.tables.filter((t) => t !== table) };
}

describe('S4 standard tables present with values', () => {
  it('passes when all three tables have values', () => {
    expect(findingsOf(makeReport({ format: '2021', seed: 5 }), 'S4')).toEqual([]);
  });

  it('fails a lost table the prose does not mention', () => {
    const [f] = findingsOf(withoutTable(makeReport({ format: '2021', seed: 5 }), 't4'), 'S4');
    expect(f).toMatchObject({ rule: 'S4-missing', severity: 'error', keys: ['t4'] });
  });

  it('gives its own finding for a lost table whose figures the prose states', () => {
    const report = withoutTable(makeReport({ format: '2021', seed: 5 }), 't3');
    const [f] = findingsOf(report, 'S4');
    expect(f).toMatchObject({ rule: 'S4-narrative-only', severity: 'error', keys: ['t3'] });
    expect(f.evidence).toContain(`表三 · 本年新收 · 总计 (t3.newReceived.total)=${makeReport({ format: '2021', seed: 5 }).values['t3.newReceived.total']}`);
    expect(f.evidence).toContain('全年共收到政府信息公开申请');
  });
});
