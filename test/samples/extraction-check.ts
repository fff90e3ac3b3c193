/**
 * What "exact extraction" means for a generated report, shared by the committed-samples test and
 * the many-seeds round trip: every labelled value present and equal, no value the labels lack, and
 * the one allowance for cells run together with no separator.
 */
import type { Report } from '../../lambdas/core/types';
import { T4_COLUMNS, T4_GROUPS } from '../../lambdas/core/form';

export interface Expected {
  values: Record<string, number>;
  /** How a flattened text prints its cells; the allowance applies to `run-together` only. */
  cells?: 'pipes' | 'run-together';
}

/** Problems with a record's values, one line each; empty when extraction is exact. */
export function extractionProblems(record: Report, expected: Expected): string[] {
  const problems: string[] = [];
  const ambiguous = new Set(record.findings.filter((f) => f.rule === 'P-SPLIT-AMBIGUOUS').flatMap((f) => f.keys));
  for (const [key, value] of Object.entries(expected.values)) {
    if (key in record.values) {
      if (record.values[key] !== value) problems.push(`${key}: ${record.values[key]} (labelled ${value})`);
      if (ambiguous.has(key)) problems.push(`${key}: named ambiguous but extracted`);
    } else if (!(ambiguous.has(key) && mayBeAmbiguous(key, expected))) problems.push(`${key}: missing (labelled ${value})`);
  }
  for (const key of Object.keys(record.values)) if (!(key in expected.values)) problems.push(`${key}: not labelled`);
  return problems;
}

/**
 * In run-together text a row's digits can split more than one way; the parser may then keep none,
 * if it names the keys in a P-SPLIT-AMBIGUOUS finding. Table 2 rows (no identity ties their cells)
 * qualify as the lead decided; table 4 only when its run really has more than one split that
 * satisfies upheld + corrected + other + pending = total in every group, counted here.
 */
function mayBeAmbiguous(key: string, expected: Expected): boolean {
  if (expected.cells !== 'run-together') return false;
  if (key.startsWith('t2.')) return true;
  if (key.startsWith('t4.')) return t4Splits(t4Run(expected.values)) > 1;
  return false;
}

const t4Run = (values: Record<string, number>) => T4_GROUPS.flatMap((g) => T4_COLUMNS.map((c) => String(values[`t4.${g.key}.${c.key}`]))).join('');

/** How many ways (0, 1 or 2 = "more than one") the digits split into table 4's 15 cells consistently. */
export function t4Splits(run: string): number {
  const groups = T4_GROUPS.length;
  const width = T4_COLUMNS.length;
  let found = 0;
  const walk = (at: number, cells: number[]): void => {
    if (found > 1) return;
    if (cells.length % width === 0 && cells.length > 0) {
      const g = cells.slice(-width);
      if (g[0] + g[1] + g[2] + g[3] !== g[4]) return;
    }
    if (cells.length === groups * width) {
      if (at === run.length) found++;
      return;
    }
    // A cell is `0` or a number without a leading zero, and every cell after it needs a digit.
    const left = groups * width - cells.length - 1;
    const longest = run[at] === '0' ? 1 : run.length - at - left;
    for (let len = 1; len <= longest; len++) walk(at + len, [...cells, Number(run.slice(at, at + len))]);
  };
  walk(0, []);
  return found;
}
