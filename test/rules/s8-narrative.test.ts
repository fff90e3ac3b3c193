import type { NarrativeFigure, Report } from '../../lambdas/core/types';
import { findingsOf, makeReport, withValues } from './fixture';

const figure = (key: string, value: number, sentence: string): NarrativeFigure => ({ key, value, sentence });

/** The record with table 3 and 4 lost and only the prose left, as in the seed. */
function proseOnly(narrative: NarrativeFigure[]): Report {
  const base = makeReport({ format: '2019', seed: 9 });
  const dropped = Object.fromEntries(
    Object.keys(base.values)
      .filter((k) => !k.startsWith('t2.'))
      .map((k) => [k, undefined]),
  );
  return { ...withValues(base, dropped), tables: ['t2'], narrative };
}

const SEED_PROSE = [
  figure('t3.newReceived.total', 95, '全年共受理依申请公开95件'),
  figure('t3.newReceived.natural', 90, '自然人90件'),
  figure('t3.newReceived.legalPersons', 5, '法人或其他组织5件'),
  figure('t3.granted.total', 29, '予以公开的29件'),
  figure('t3.partial.total', 4, '部分公开的4件'),
  figure('t3.unable.sum.total', 57, '无法提供的57件'),
  figure('t3.unable.noInfo.total', 52, '包括本机构不掌握相关政府信息52件'),
  figure('t3.otherHandling.sum.total', 5, '其他处理5件'),
  figure('t3.denied.sum.total', 0, '不存在不予公开和不予处理情况'),
  figure('t3.notProcessed.sum.total', 0, '不存在不予公开和不予处理情况'),
];

describe('S8 narrative against tables', () => {
  it('passes prose that states the table values', () => {
    const report = makeReport({ format: '2021', seed: 9 });
    expect(report.narrative.length).toBeGreaterThan(2);
    expect(findingsOf(report, 'S8')).toEqual([]);
  });

  it('fails a figure that differs from its cell, citing the cell and the sentence', () => {
    const base = makeReport({ format: '2021', seed: 9 });
    const granted = base.values['t3.granted.total'];
    const report = { ...base, narrative: [...base.narrative, figure('t3.granted.total', granted + 3, `本年度予以公开${granted + 3}件。`)] };
    const [f] = findingsOf(report, 'S8');
    expect(f).toMatchObject({ rule: 'S8-mismatch', severity: 'error', keys: ['t3.granted.total'] });
    expect(f.evidence).toContain(`本年度予以公开${granted + 3}件`);
    expect(f.evidence).toContain(`表三 · 予以公开 · 总计 (t3.granted.total)=${granted} @ table[3]`);
  });

  it('reads 共收到…申请N件 as new or new + carried over, and flags it only when it is neither', () => {
    const base = withValues(makeReport({ format: '2021', seed: 9 }), { 't3.carriedOver.total': 4 });
    const fresh = base.values['t3.newReceived.total'];
    const stating = (n: number) => ({ ...base, narrative: [figure('t3.newReceived.total', n, `全年共收到政府信息公开申请${n}件。`)] });
    expect(findingsOf(stating(fresh), 'S8')).toEqual([]);
    expect(findingsOf(stating(fresh + 4), 'S8')).toEqual([]);
    const [f] = findingsOf(stating(fresh + 2), 'S8');
    expect(f).toMatchObject({ rule: 'S8-mismatch', severity: 'error', keys: ['t3.newReceived.total', 't3.carriedOver.total'] });
  });

  it('compares money to the precision the prose states', () => {
    const base = withValues(makeReport({ format: '2019', seed: 9 }), { 't2.procurement.amount': 7539.443252 });
    const stating = (n: number) => ({ ...base, narrative: [figure('t2.procurement.amount', n, `采购总金额${n}万元。`)] });
    expect(findingsOf(stating(7539.44), 'S8')).toEqual([]);
    expect(findingsOf(stating(7593.44), 'S8')).toEqual([expect.objectContaining({ rule: 'S8-mismatch', keys: ['t2.procurement.amount'] })]);
  });

  it("checks the prose's own arithmetic where the table is lost (the seed: 90 + 5 = 95, 29 + 4 + 57 + 5 = 95)", () => {
    expect(findingsOf(proseOnly(SEED_PROSE), 'S8')).toEqual([]);
  });

  it('fails prose whose outcomes do not add up to the applications it states', () => {
    const prose = SEED_PROSE.map((f) => (f.key === 't3.granted.total' ? figure(f.key, 39, '予以公开的39件') : f));
    const [f] = findingsOf(proseOnly(prose), 'S8');
    expect(f).toMatchObject({ rule: 'S8-arithmetic', severity: 'error' });
    expect(f.keys).toEqual(expect.arrayContaining(['t3.granted.total', 't3.unable.sum.total', 't3.newReceived.total']));
    expect(f.evidence).toContain('予以公开的39件');
  });

  it('fails prose whose applicants do not add up', () => {
    const prose = SEED_PROSE.map((f) => (f.key === 't3.newReceived.natural' ? figure(f.key, 80, '自然人80件') : f));
    expect(findingsOf(proseOnly(prose), 'S8')).toEqual([
      expect.objectContaining({ rule: 'S8-arithmetic', keys: ['t3.newReceived.natural', 't3.newReceived.legalPersons', 't3.newReceived.total'] }),
    ]);
  });

  it('says not-assessable when the prose states no figure', () => {
    const report = { ...makeReport({ format: '2021', seed: 9 }), narrative: [] };
    expect(findingsOf(report, 'S8')).toEqual([expect.objectContaining({ rule: 'S8', severity: 'info', outcome: 'not-assessable' })]);
  });
});
