import type { Finding, UndecidedRow } from '../types';
import { round6 } from '../values/parse-number';

/** The readings of a row still possible once some of its keys are decided (by a neighbour or an officer). */
export function remaining(row: UndecidedRow, values: Record<string, number>): number[][] {
  return row.candidates.filter((c) => row.keys.every((k, i) => values[k] === undefined || round6(values[k]) === round6(c[i])));
}

/** The row's keys that no source has decided yet. */
export const openKeys = (row: UndecidedRow, values: Record<string, number>) => row.keys.filter((k) => values[k] === undefined);

/**
 * Cells on which every reading agrees (`2648-18538`: 上一年项目数量 is 2648 whichever way the rest
 * splits): known from the report alone. Only when the readings are complete.
 */
export function agreedCells(row: UndecidedRow): [number, number][] {
  if (row.truncated) return [];
  return row.keys.flatMap((_, i) => {
    const first = row.candidates[0][i];
    return row.candidates.every((c) => round6(c[i]) === round6(first)) ? [[i, first] as [number, number]] : [];
  });
}

/** `P-SPLIT-AMBIGUOUS` while some of the row's keys are open, listing the readings still possible. */
export function ambiguityFinding(row: UndecidedRow, values: Record<string, number> = {}): Finding | null {
  const open = openKeys(row, values);
  if (open.length === 0) return null;
  const left = row.candidates
    .map((c, i) => ({ c, texts: row.texts[i] }))
    .filter(({ c }) => row.keys.every((k, i) => values[k] === undefined || round6(values[k]) === round6(c[i])));
  return {
    rule: 'P-SPLIT-AMBIGUOUS',
    severity: 'warning',
    message: `「${row.label}」行的数字连在一起（${row.printed}），有 ${left.length}${row.truncated ? ' 种以上' : ' 种'}拆分都符合表格关系，未取值：${left
      .slice(0, 3)
      .map((r) => r.texts.join('|'))
      .join('；')}`,
    keys: open,
    evidence: row.printed,
  };
}
