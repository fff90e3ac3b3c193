import { AgencyMatcher, matchingName, parseRegistry } from '../../lambdas/core/audit';
import { redecideYear, resolveSet } from '../../lambdas/core/resolve';
import { CROSS_YEAR, T2_DOCUMENTS_2019 } from '../../lambdas/core/form';
import type { Report } from '../../lambdas/core/types';
import { keysOf, LICENSING_2019, LICENSING_2020, pair2019, parsedPingtanPair, parseSpec, spec } from './fixtures';

const ambiguous = (r: Report) => r.findings.filter((f) => f.rule === 'P-SPLIT-AMBIGUOUS').flatMap((f) => f.keys);
const byId = (rs: Report[]) => Object.fromEntries(rs.map((r) => [r.id, r]));

describe('deciding run-together cells from the same agency’s neighbouring year', () => {
  let y2019: Report;
  let y2020: Report;
  beforeAll(async () => void ([y2019, y2020] = await parsedPingtanPair()));

  it('leaves the licensing rows open when each report is read alone', () => {
    expect(y2019.undecided?.map((r) => r.printed)).toContain('3960181');
    expect(keysOf(y2019, 't2.licensing.')).toEqual([]);
    expect(ambiguous(y2019)).toContain('t2.licensing.prev');
    expect(y2020.undecided?.find((r) => r.printed === '396442278')?.candidates.length).toBeGreaterThan(1);
  });

  it('decides 396 | 0 | 181 in 2019 and 396 in 2020 by prev(2020) = prev(2019) + change(2019), in both orders', () => {
    const a = byId(resolveSet([y2019, y2020]));
    const b = byId(resolveSet([y2020, y2019]));
    expect(a).toEqual(b);
    const r19 = a[y2019.id];
    const r20 = a[y2020.id];
    expect(Object.fromEntries(keysOf(r19, 't2.licensing.').map((k) => [k, r19.values[k]]))).toEqual(LICENSING_2019);
    expect(r19.evidence['t2.licensing.decisions']).toMatchObject({
      decidedBy: 'neighbour',
      raw: '3960181 → 181',
      neighbour: { reportId: y2020.id, identity: 't2.licensing.prev(N) = t2.licensing.prev(N−1) + t2.licensing.change(N−1)', ours: [396, 0], theirs: [396] },
    });
    expect(r20.values['t2.licensing.prev']).toBe(396);
    expect(r20.evidence['t2.licensing.prev'].neighbour).toMatchObject({ reportId: y2019.id, ours: [396], theirs: [396, 0] });
    // 2020's 增/减 and 处理决定数量 are not in any identity with 2019: they stay open.
    expect(r20.values['t2.licensing.change']).toBeUndefined();
    expect(ambiguous(r20)).toEqual(expect.arrayContaining(['t2.licensing.change', 't2.licensing.decisions']));
    expect(ambiguous(r20)).not.toContain('t2.licensing.prev');
    // The decided row's finding is gone; the derived figures and the rules saw the values.
    expect(ambiguous(r19)).not.toContain('t2.licensing.prev');
    // Every finding of a re-checked record keeps a unique, stable id.
    for (const r of [r19, r20]) expect(new Set(r.findings.map((f) => f.id)).size).toBe(r.findings.filter((f) => f.id).length);
    expect(r19.findings.every((f) => f.id)).toBe(true);
  });

  it('is idempotent: resolving resolved records gives the same records', () => {
    const once = resolveSet([y2019, y2020]);
    expect(resolveSet(once)).toEqual(once);
  });

  it('finds an agency’s other year under another printed name through the registry’s aliases, as the audit matches it', async () => {
    // Renamed between the years; the registry lists the old name as an alias of the new one.
    const [a, b] = pair2019(LICENSING_2019, LICENSING_2020, ['临江县国土资源局', '临江县自然资源局']);
    const [y19, y20] = await Promise.all([parseSpec(a), parseSpec(b)]);
    const registry = new AgencyMatcher(parseRegistry('name,aliases,kind,level\n临江县自然资源局,临江县国土资源局,department,县\n'));
    expect(matchingName(y19.agency!, registry)).toBe(matchingName(y20.agency!, registry));
    expect(matchingName(y19.agency!, new AgencyMatcher([]))).not.toBe(matchingName(y20.agency!, new AgencyMatcher([])));
    // A leading division, printed or not, still gives the same name with a registry as without.
    expect(matchingName('云岭市临江县自然资源局', registry)).toBe(matchingName(y20.agency!, registry));

    expect(keysOf(resolveSet([y19, y20])[0], 't2.licensing.')).toEqual([]);
    const [r19, r20] = resolveSet([y19, y20], registry);
    expect(Object.fromEntries(keysOf(r19, 't2.licensing.').map((k) => [k, r19.values[k]]))).toEqual(LICENSING_2019);
    expect(r20.evidence['t2.licensing.prev'].neighbour).toMatchObject({ reportId: y19.id });
  });

  it('decides by each instance apart: a sibling broken on printed figures decides nothing and silences nothing', async () => {
    // 行政事业性收费 is printed so that it splits one way in each year, and 7 ≠ 5 + 0 breaks its instance.
    const [a, b] = pair2019({ ...LICENSING_2019, 't2.fees.prev': 5, 't2.fees.change': 0 }, { ...LICENSING_2020, 't2.fees.prev': 7, 't2.fees.change': 0 });
    const [broken19, broken20] = await Promise.all([parseSpec(a), parseSpec(b)]);
    expect([broken19.values['t2.fees.prev'], broken20.values['t2.fees.prev']]).toEqual([5, 7]);
    const [r19, r20] = resolveSet([broken19, broken20]);
    expect(Object.fromEntries(keysOf(r19, 't2.licensing.').map((k) => [k, r19.values[k]]))).toEqual(LICENSING_2019);
    expect(r20.values['t2.licensing.prev']).toBe(396);
    // The broken instance's own figures stay as printed.
    expect([r19.values['t2.fees.prev'], r20.values['t2.fees.prev']]).toEqual([5, 7]);
  });

  it('decides Pingtan’s 规范性文件 although its 规章 breaks 对外公开总数量 between the years (7777166 = 77 | 77 | 166 after 89)', async () => {
    const docs = (rules: number[], normative: number[]) =>
      Object.fromEntries(
        T2_DOCUMENTS_2019.flatMap(({ key: c }, i) => [
          [`t2.rules.${c}`, rules[i]],
          [`t2.normative.${c}`, normative[i]],
        ]),
      );
    // 规章: total 0 in 2019, 7 in 2020 with nothing newly published: 7 ≠ 0 + 0 on printed figures.
    const [a, b] = pair2019({ ...LICENSING_2019, ...docs([0, 0, 0], [89, 89, 89]) }, { ...LICENSING_2020, ...docs([0, 0, 7], [77, 77, 166]) });
    const [y19, y20] = await Promise.all([parseSpec(a), parseSpec(b)]);
    expect([y19.values['t2.rules.total'], y20.values['t2.rules.total']]).toEqual([0, 7]);
    expect(y20.undecided!.find((r) => r.printed === '7777166')!.candidates.length).toBeGreaterThan(1);
    const [r19, r20] = resolveSet([y19, y20]);
    expect(T2_DOCUMENTS_2019.map((c) => r20.values[`t2.normative.${c.key}`])).toEqual([77, 77, 166]);
    expect(r20.evidence['t2.normative.total'].neighbour).toMatchObject({
      reportId: y19.id,
      identity: 't2.normative.total(N) = t2.normative.total(N−1) + t2.normative.published(N)',
      ours: [166, 77],
      theirs: [89],
    });
    // 2019's 898989: total 89 in every reading that fits; 89 | 89 and 898 | 9 stay open.
    expect(r19.values['t2.normative.total']).toBe(89);
    expect(r19.values['t2.normative.made']).toBeUndefined();
    expect(ambiguous(r19)).toEqual(expect.arrayContaining(['t2.normative.made', 't2.normative.published']));
  });

  it('takes most instances breaking as a pair that does not keep the identity: the rest then need confirmation', async () => {
    // Four of the five 上一年项目数量 rows carry over wrongly; 行政许可 alone would still fit one reading.
    const off = { 't2.otherServices.prev': 1, 't2.penalty.prev': 1, 't2.coercion.prev': 1, 't2.fees.prev': 1 };
    const zero = { 't2.otherServices.change': 0, 't2.penalty.change': 0, 't2.coercion.change': 0, 't2.fees.change': 0 };
    const later = { 't2.otherServices.prev': 9, 't2.penalty.prev': 9, 't2.coercion.prev': 9, 't2.fees.prev': 9 };
    const [a, b] = pair2019({ ...LICENSING_2019, ...off, ...zero }, { ...LICENSING_2020, ...later });
    const [y19, y20] = await Promise.all([parseSpec(a), parseSpec(b)]);
    const [r19, r20] = resolveSet([y19, y20]);
    expect(keysOf(r19, 't2.licensing.')).toEqual([]);
    expect(r20.values['t2.licensing.prev']).toBeUndefined();
  });

  it('does not decide by a warning-strength identity alone, even when exactly one reading satisfies it', async () => {
    const normative = (issued: number, repealed: number, valid: number) => ({
      't2.normative.issued': issued,
      't2.normative.repealed': repealed,
      't2.normative.valid': valid,
    });
    const rules = { 't2.rules.issued': 0, 't2.rules.repealed': 0, 't2.rules.valid': 0 };
    const y24 = await parseSpec(spec('2021', 2024, 2411, { ...rules, ...normative(0, 0, 400) }));
    const y25 = await parseSpec(spec('2021', 2025, 2412, { ...rules, ...normative(58, 45, 413) }));
    expect(y24.values['t2.normative.valid']).toBe(400);
    const row = y25.undecided!.find((r) => r.printed === '5845413')!;
    const stock = CROSS_YEAR.find((i) => i.id === 't2.valid-stock')!.instances[1];
    expect(row.candidates.filter((c) => stock.holds([400], [c[2] ?? NaN, c[0] ?? NaN, c[1] ?? NaN]))).toEqual([[58, 45, 413]]);
    const [, r25] = resolveSet([y24, y25]);
    expect(r25.values['t2.normative.valid']).toBeUndefined();
    expect(ambiguous(r25)).toContain('t2.normative.valid');
  });
});

describe('deciding an agency’s years around the one just stored or reviewed (the ingest’s and re-decision’s core call)', () => {
  it('returns the records of the year that change, decided by the years either side, and nothing once they are stored', async () => {
    const [y2019, y2020] = await parsedPingtanPair();
    const byYear = new Map([
      [2019, [y2019]],
      [2020, [y2020]],
    ]);
    const [r19] = redecideYear(2019, byYear, new Map());
    expect(Object.fromEntries(keysOf(r19, 't2.licensing.').map((k) => [k, r19.values[k]]))).toEqual(LICENSING_2019);
    expect(redecideYear(2020, byYear, new Map()).map((r) => r.values['t2.licensing.prev'])).toEqual([396]);
    // Stored as decided (JSON, as the record object is): deciding again changes nothing.
    const stored = new Map([...byYear, [2019, [JSON.parse(JSON.stringify(r19)) as Report]]]);
    expect(redecideYear(2019, stored, new Map())).toEqual([]);
    // With no neighbour nothing is decided: the open rows are listed for an officer, once.
    const [alone] = redecideYear(2019, new Map([[2019, [y2019]]]), new Map());
    expect(keysOf(alone, 't2.licensing.')).toEqual([]);
    expect(alone.pending?.map((p) => p.row)).toContain('t2.licensing.prev');
    expect(redecideYear(2019, new Map([[2019, [JSON.parse(JSON.stringify(alone)) as Report]]]), new Map())).toEqual([]);
  });
});
