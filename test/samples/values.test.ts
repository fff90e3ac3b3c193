import { FORMATS, keysOfKind, T3_LEGAL_PERSONS, tableKeys, t3Rows, type FormFormat } from '../../lambdas/core/form';
import { identityBreaks, makeReportSpec } from '../../scripts/generate/values';

const moneyKeys = (format: FormFormat) => keysOfKind('money', [format]);
const SEEDS = Array.from({ length: 300 }, (_, i) => i * 7919 + 1);

describe.each(FORMATS)('makeReportSpec, %s format', (format) => {
  const specs = SEEDS.map((seed) => makeReportSpec({ format, seed }));

  it('gives a value for exactly the canonical table keys of the format', () => {
    const keys = JSON.stringify([...tableKeys(format)].sort());
    expect(specs.filter((spec) => JSON.stringify(Object.keys(spec.values).sort()) !== keys)).toEqual([]);
  });

  it('satisfies every identity of fields.md for every seed', () => {
    expect(specs.flatMap((spec) => identityBreaks(format, spec.values))).toEqual([]);
  });

  it('gives non-negative integers, except 本年增/减 (may be negative) and money (2 decimals)', () => {
    const money = new Set(moneyKeys(format));
    const bad = specs.flatMap((spec) =>
      Object.entries(spec.values).filter(([key, value]) => {
        const shape = money.has(key) ? Math.round(value * 100) / 100 === value : Number.isInteger(value);
        return !shape || (!key.endsWith('.change') && value < 0);
      }),
    );
    expect(bad).toEqual([]);
  });

  it('has realistic magnitudes: mostly zeros in the legal-person columns, some nonzero; natural persons always apply', () => {
    const legal = specs.flatMap((s) =>
      t3Rows(format).flatMap((r) => T3_LEGAL_PERSONS.parts.map((c) => s.values[`t3.${r.key}.${c}`])),
    );
    const zeros = legal.filter((v) => v === 0).length / legal.length;
    expect(zeros).toBeGreaterThan(0.8);
    expect(zeros).toBeLessThan(1);
    expect(specs.filter((s) => s.values['t3.newReceived.natural'] === 0)).toEqual([]);
    const money = moneyKeys(format).flatMap((k) => specs.map((s) => s.values[k]));
    expect(money.some((v) => !Number.isInteger(v))).toBe(true);
  });

  it('states narrative figures equal to their table values', () => {
    expect(specs.filter((spec) => spec.narrative.length === 0)).toEqual([]);
    expect(specs.flatMap((spec) => spec.narrative.filter(({ key, value }) => value !== spec.values[key]))).toEqual([]);
  });

  it('is deterministic: one seed, one report; other seeds, other reports', () => {
    expect(makeReportSpec({ format, seed: 42 })).toEqual(makeReportSpec({ format, seed: 42 }));
    expect(new Set(specs.map((s) => JSON.stringify(s.values))).size).toBe(specs.length);
  });

  it('picks a reporting year that fits the format and publishes in the following year', () => {
    for (const spec of specs) {
      if (format === '2019') expect([2019, 2020]).toContain(spec.year);
      else expect(spec.year).toBeGreaterThanOrEqual(2021);
      expect(spec.publishedAt).toMatch(new RegExp(`^${spec.year + 1}-0[1-3]-\\d\\d$`));
    }
  });
});

describe('makeReportSpec options and identity checks', () => {
  it('honours agency, year and publishedAt', () => {
    const spec = makeReportSpec({ format: '2021', seed: 1, agency: '测试市人民政府', year: 2023, publishedAt: '2024-02-01' });
    expect(spec).toMatchObject({ agency: '测试市人民政府', year: 2023, format: '2021', publishedAt: '2024-02-01' });
    // Overriding metadata leaves the tables as the seed made them.
    expect(spec.values).toEqual(makeReportSpec({ format: '2021', seed: 1 }).values);
    expect(makeReportSpec({ format: '2019', seed: 2, agency: '测试县教育局' }).values).toEqual(
      makeReportSpec({ format: '2019', seed: 2, agency: '测试县人民政府' }).values,
    );
  });

  it('identityBreaks names the identities a changed cell breaks', () => {
    const spec = makeReportSpec({ format: '2021', seed: 5 });
    const values = { ...spec.values, 't3.granted.natural': spec.values['t3.granted.natural'] + 1 };
    const broken = identityBreaks('2021', values).map((b) => b.identity).sort();
    expect(broken).toEqual(['t3.processed', 't3.row-sum']);
    const t4 = { ...spec.values, 't4.review.total': spec.values['t4.review.total'] + 2 };
    expect(identityBreaks('2021', t4)).toEqual([expect.objectContaining({ identity: 't4.group-sum', right: t4['t4.review.total'] })]);
  });

  it('has 2021-only and 2019-only rows where fields.md says so', () => {
    expect(tableKeys('2021')).toContain('t3.otherHandling.overdueFee.total');
    expect(tableKeys('2019')).toContain('t3.otherHandling.total');
    expect(tableKeys('2019')).not.toContain('t3.otherHandling.overdueFee.total');
    expect(tableKeys('2019')).toContain('t2.procurement.amount');
    expect(tableKeys('2021')).toContain('t2.fees.amount');
    expect(tableKeys('2021')).toHaveLength(10 + 25 * 7 + 15);
    expect(tableKeys('2019')).toHaveLength(22 + 23 * 7 + 15);
  });
});
