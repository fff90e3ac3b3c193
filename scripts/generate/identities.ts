import { T3_COLUMNS, T3_LEGAL_PERSON_COLUMNS, T4_COLUMNS, T4_GROUPS, t3OutcomeLeaves, t3Rows, type ReportFormat } from './form';

/** One broken identity of fields.md, with the keys it involves. */
export interface IdentityBreak {
  identity: 't3-balance' | 't3-processed-sum' | 't3-row-sum' | 't4-group-sum';
  keys: string[];
  expected: number;
  actual: number;
}

/**
 * The identities of fields.md that a correct table 3 and table 4 satisfy. The generator's tests
 * use it to prove every seed is consistent; mutated reports use it to know what they broke.
 */
export function identityBreaks(format: ReportFormat, values: Record<string, number>): IdentityBreak[] {
  const v = (key: string) => values[key] ?? 0;
  const breaks: IdentityBreak[] = [];
  const check = (identity: IdentityBreak['identity'], keys: string[], expected: number, actual: number) => {
    if (Math.abs(expected - actual) > 1e-9) breaks.push({ identity, keys, expected, actual });
  };
  for (const { key: col } of T3_COLUMNS) {
    const k = (row: string) => `t3.${row}.${col}`;
    check(
      't3-balance',
      [k('newReceived'), k('carriedOver'), k('totalProcessed'), k('carriedForward')],
      v(k('newReceived')) + v(k('carriedOver')),
      v(k('totalProcessed')) + v(k('carriedForward')),
    );
    const leaves = t3OutcomeLeaves(format).map((r) => k(r.key));
    check('t3-processed-sum', [k('totalProcessed'), ...leaves], v(k('totalProcessed')), sum(leaves.map(v)));
  }
  for (const { key: row } of t3Rows(format)) {
    const parts = ['natural', ...T3_LEGAL_PERSON_COLUMNS].map((c) => `t3.${row}.${c}`);
    check('t3-row-sum', [`t3.${row}.total`, ...parts], v(`t3.${row}.total`), sum(parts.map(v)));
  }
  for (const { key: group } of T4_GROUPS) {
    const parts = T4_COLUMNS.filter((c) => c.key !== 'total').map((c) => `t4.${group}.${c.key}`);
    check('t4-group-sum', [`t4.${group}.total`, ...parts], v(`t4.${group}.total`), sum(parts.map(v)));
  }
  return breaks;
}

const sum = (ns: number[]) => ns.reduce((a, b) => a + b, 0);
