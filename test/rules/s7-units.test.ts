import { findingsOf, makeReport, withValues } from './fixture';

describe('S7 money in 万元', () => {
  it('passes a procurement amount of a plausible size', () => {
    const report = withValues(makeReport({ format: '2019', seed: 8 }), { 't2.procurement.count': 120, 't2.procurement.amount': 733.39 });
    expect(findingsOf(report, 'S7')).toEqual([]);
  });

  it('fails a cell printed in 元 and stored unconverted', () => {
    const report = withValues(makeReport({ format: '2021', seed: 8 }), { 't2.fees.amount': 251000 });
    report.evidence['t2.fees.amount'] = { ...report.evidence['t2.fees.amount'], raw: '251000元' };
    expect(findingsOf(report, 'S7')).toEqual([expect.objectContaining({ rule: 'S7-yuan-as-wan', severity: 'error', keys: ['t2.fees.amount'] })]);
  });

  it('passes a cell printed in 元 and converted', () => {
    const report = withValues(makeReport({ format: '2021', seed: 8 }), { 't2.fees.amount': 25.1 });
    report.evidence['t2.fees.amount'] = { ...report.evidence['t2.fees.amount'], raw: '251000元' };
    expect(findingsOf(report, 'S7')).toEqual([]);
  });

  it('warns on an amount without unit that is far too large per project', () => {
    const report = withValues(makeReport({ format: '2019', seed: 8 }), { 't2.procurement.count': 120, 't2.procurement.amount': 75394432.52 });
    report.evidence['t2.procurement.amount'] = { ...report.evidence['t2.procurement.amount'], raw: '75394432.52' };
    expect(findingsOf(report, 'S7')).toEqual([
      expect.objectContaining({ rule: 'S7-magnitude', severity: 'warning', keys: ['t2.procurement.amount', 't2.procurement.count'] }),
    ]);
  });

  it('warns on an amount far too small per project (converted twice)', () => {
    const report = withValues(makeReport({ format: '2019', seed: 8 }), { 't2.procurement.count': 120, 't2.procurement.amount': 0.07 });
    expect(findingsOf(report, 'S7')).toEqual([expect.objectContaining({ rule: 'S7-magnitude', severity: 'warning' })]);
  });

  it('says not-assessable without money cells', () => {
    const report = withValues(makeReport({ format: '2021', seed: 8 }), { 't2.fees.amount': undefined });
    expect(findingsOf(report, 'S7')).toEqual([expect.objectContaining({ rule: 'S7', outcome: 'not-assessable', severity: 'info' })]);
  });
});
