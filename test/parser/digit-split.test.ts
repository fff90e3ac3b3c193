import { splitRun } from '../../lambdas/core/values/digit-split';
import { prefixCheck, t2Rows, T3_ROWS, T4_ROW, type FormRow } from '../../lambdas/core/form';

const t3 = T3_ROWS[0];
const rowIdentity = (row: FormRow) => prefixCheck(row, '2021');

describe('splitting cells printed without separators', () => {
  it('finds the one split of a table-3 row whose total is the sum of the applicant columns', () => {
    const splits = splitRun('21710000218', { count: 7, accept: rowIdentity(t3) });
    expect(splits.map((s) => s.values)).toEqual([[217, 1, 0, 0, 0, 0, 218]]);
  });

  it('splits table 4 into its three groups of five by the group totals', () => {
    const splits = splitRun('21317000001324019', { count: 15, accept: rowIdentity(T4_ROW) });
    expect(splits.map((s) => s.values)).toEqual([[2, 1, 3, 1, 7, 0, 0, 0, 0, 0, 13, 2, 4, 0, 19]]);
  });

  it('treats a space as a cell boundary and never reads a leading zero', () => {
    const splits = splitRun('230 000023', { count: 7, accept: rowIdentity(t3) });
    expect(splits.map((s) => s.values)).toEqual([[23, 0, 0, 0, 0, 0, 23]]);
    expect(splitRun('05', { count: 1 })).toEqual([]);
  });

  it('allows a sign only in signed columns and a decimal or 元 only in money columns', () => {
    const fees = t2Rows('2019').find((d) => d.key === 'fees')!;
    expect(splitRun('35-15', { count: 2, signed: new Set([1]) }).map((s) => s.values)).toEqual([[35, -15]]);
    expect(splitRun('35-15', { count: 2 })).toEqual([]);
    expect(fees.columns.filter((c) => c.kind === 'signed').map((c) => c.key)).toEqual(['change']);
    const money = splitRun('13575394432.52元', { count: 2, money: new Set([1]) });
    expect(money.map((s) => s.texts)).toContainEqual(['135', '75394432.52元']);
    expect(money.every((s) => s.texts[1].endsWith('元'))).toBe(true);
  });

  it('returns every split when the form gives no identity to choose between them', () => {
    const normative = t2Rows('2021').find((d) => d.key === 'normative')!;
    const splits = splitRun('6233440', { count: 3, accept: rowIdentity(normative) });
    expect(splits.length).toBeGreaterThan(1);
    // valid (in force) can never be below issued this year
    expect(splits.every((s) => s.values[2] >= s.values[0])).toBe(true);
  });
});
