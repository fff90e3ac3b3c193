import { resolveReport, resolveSet } from '../../lambdas/core/resolve';
import type { Report } from '../../lambdas/core/types';
import { parsedPingtanPair } from './fixtures';

const review = (printed: string, values: number[]) => ({
  row: 't2.licensing.prev',
  printed,
  values,
  by: 'officer-1',
  at: '2026-12-05T19:00:00Z',
  note: '对照原表',
});

describe('an officer’s decision on an open row', () => {
  let y2019: Report;
  let y2020: Report;
  beforeAll(async () => void ([y2019, y2020] = await parsedPingtanPair()));

  it('lists the open rows as pending, with the identities each reading satisfies', () => {
    const [, r20] = resolveSet([y2019, y2020]);
    const row = r20.pending!.find((p) => p.row === 't2.licensing.prev')!;
    expect(row.open).toEqual(['t2.licensing.change', 't2.licensing.decisions']);
    expect(row.readings.find((r) => r.texts.join('|') === '396|442|278')!.satisfies).toEqual([
      `t2.licensing.prev(N) = t2.licensing.prev(N−1) + t2.licensing.change(N−1) (${y2019.id})`,
    ]);
  });

  it('carries the reviewed values with who, when and the note; the row leaves pending and P-SPLIT-AMBIGUOUS', () => {
    const r20 = resolveReport(y2020, [y2019], [review('396442278', [396, 442, 278])]);
    expect(r20.values['t2.licensing.change']).toBe(442);
    expect(r20.evidence['t2.licensing.change']).toMatchObject({ decidedBy: 'review', review: { by: 'officer-1', note: '对照原表' } });
    // 上一年项目数量 the neighbour decided: the officer's value for it agrees, and is the officer's.
    expect(r20.evidence['t2.licensing.prev'].decidedBy).toBe('review');
    expect(r20.pending?.map((p) => p.row) ?? []).not.toContain('t2.licensing.prev');
    expect(r20.findings.filter((f) => f.rule === 'P-SPLIT-AMBIGUOUS').flatMap((f) => f.keys)).not.toContain('t2.licensing.change');
    // Resolving again with the same review changes nothing.
    expect(resolveReport(r20, [y2019], [review('396442278', [396, 442, 278])])).toEqual(r20);
  });

  it('does not apply to a row printed differently, and never replaces what the report decided itself', () => {
    const other = resolveReport(y2020, [y2019], [review('396442279', [396, 442, 278])]);
    expect(other.values['t2.licensing.change']).toBeUndefined();
    // As if the report had read 上一年项目数量 itself (every reading agreeing on it).
    const row = y2020.undecided!.find((r) => r.keys[0] === 't2.licensing.prev')!;
    const read = { ...y2020, values: { ...y2020.values, 't2.licensing.prev': 396 }, evidence: { ...y2020.evidence, 't2.licensing.prev': row.evidence } };
    const reviewed = resolveReport(read, [], [review('396442278', [400, 442, 278])]);
    expect(reviewed.values['t2.licensing.prev']).toBe(396);
    expect(reviewed.evidence['t2.licensing.prev'].decidedBy).toBeUndefined();
    expect(reviewed.values['t2.licensing.change']).toBe(442);
  });
});
