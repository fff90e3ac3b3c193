import { FORMATS, formRows } from '../../lambdas/core/form';
import { cellKind, formValues } from '../../lambdas/core/form/cell-values';

// An officer's typed values checked against what the form says each cell holds.
const PENALTY_2019 = ['t2.penalty.prev', 't2.penalty.change', 't2.penalty.decisions'];
const PROCUREMENT = ['t2.procurement.count', 't2.procurement.amount'];

const issueKeys = (r: ReturnType<typeof formValues>) => ('issues' in r ? r.issues.map((i) => i.key) : []);

describe('typed review values, per the form model', () => {
  it('a key has one kind in every format of the form', () => {
    for (const f of FORMATS) for (const r of formRows(f)) r.keys.forEach((k, i) => expect(`${k} ${cellKind(k)}`).toBe(`${k} ${r.columns[i].kind}`));
  });

  it('a count is a non-negative safe integer; a change may be negative', () => {
    expect(formValues(PENALTY_2019, [3, -2, 1])).toEqual({ values: [3, -2, 1] });
    expect(issueKeys(formValues(PENALTY_2019, [1.5, 2, 3]))).toEqual(['t2.penalty.prev']);
    expect(issueKeys(formValues(PENALTY_2019, [-5, 0, 0]))).toEqual(['t2.penalty.prev']);
    expect(issueKeys(formValues(PENALTY_2019, [-1, 1e308, 3]))).toEqual(['t2.penalty.prev', 't2.penalty.change']);
    expect(issueKeys(formValues(PENALTY_2019, [2 ** 53, 0, 0.5]))).toEqual(['t2.penalty.prev', 't2.penalty.decisions']);
  });

  it('names the cell, its label and what it holds', () => {
    const r = formValues(PENALTY_2019, [1.5, 0, 0]);
    expect('issues' in r && r.issues[0]).toEqual({
      index: 0,
      key: 't2.penalty.prev',
      message: expect.stringMatching(/^表二 · 行政处罚 · 上一年项目数量 \(t2\.penalty\.prev\) holds a count: a whole number, 0 or more; got 1\.5$/),
    });
  });

  it('money is a non-negative amount in 万元, or converted from the unit it was printed in', () => {
    expect(formValues(PROCUREMENT, [4, 12.35])).toEqual({ values: [4, 12.35] });
    expect(formValues(PROCUREMENT, [4, { amount: 123500, unit: '元' }])).toEqual({ values: [4, 12.35] });
    expect(formValues(PROCUREMENT, [4, { amount: 1.5, unit: '亿元' }])).toEqual({ values: [4, 15000] });
    expect(issueKeys(formValues(PROCUREMENT, [4, -0.5]))).toEqual(['t2.procurement.amount']);
    expect(issueKeys(formValues(PROCUREMENT, [4, { amount: -1, unit: '元' }]))).toEqual(['t2.procurement.amount']);
    expect(issueKeys(formValues(PROCUREMENT, [4, 1e308]))).toEqual(['t2.procurement.amount']);
    // A unit belongs to money only.
    expect(issueKeys(formValues(PROCUREMENT, [{ amount: 4, unit: '万元' }, 1]))).toEqual(['t2.procurement.count']);
  });
});
