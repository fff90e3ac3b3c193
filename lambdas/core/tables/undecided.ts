import { sameCell as same } from '../form';
import type { Finding, UndecidedRow } from '../types';

/** The readings of a row still possible once some of its keys are decided (by a neighbour or an officer). */
export function remaining(row: UndecidedRow, values: Record<string, number>): (number | null)[][] {
  return row.candidates.filter((c) => row.keys.every((k, i) => values[k] === undefined || same(values[k], c[i])));
}

/**
 * The row's columns still open: those the readings still possible disagree on (every undecided
 * one while the list of readings is incomplete).
 */
export function openColumns(row: UndecidedRow, values: Record<string, number>): number[] {
  const left = remaining(row, values);
  return row.keys.flatMap((k, i) => {
    if (values[k] !== undefined || left.length === 0) return [];
    return row.truncated || !left.every((c) => same(c[i], left[0][i])) ? [i] : [];
  });
}

export const openKeys = (row: UndecidedRow, values: Record<string, number>) => openColumns(row, values).map((i) => row.keys[i]);

/** `P-SPLIT-AMBIGUOUS` while some of the row's columns are open: those keys, and every reading of them still possible. */
export function ambiguityFinding(row: UndecidedRow, values: Record<string, number>): Finding | null {
  const open = openColumns(row, values);
  if (open.length === 0) return null;
  const texts = new Map(row.candidates.map((c, i) => [c, row.texts[i]]));
  const distinct = new Map<string, (number | null)[]>();
  for (const c of remaining(row, values)) distinct.set(JSON.stringify(open.map((i) => c[i])), c);
  const shown = [...distinct.values()];
  const list = shown
    .slice(0, 3)
    .map((c) => texts.get(c)!.join('|'))
    .join('；');
  const message = row.run
    ? `「${row.label}」行的数字连在一起（${row.printed}），有 ${shown.length} 种拆分都符合表格关系，未取值：${list}`
    : `「${row.label}」行只印出部分单元格（${row.printed}），少于表格式的 ${row.keys.length} 列，空白格被略去；有 ${shown.length} 种按整格对应各列的读法都符合表格关系，未取值：${list}`;
  return {
    rule: 'P-SPLIT-AMBIGUOUS',
    severity: 'warning',
    message,
    keys: open.map((i) => row.keys[i]),
    evidence: row.printed,
    candidates: shown.map((c) => open.map((i) => c[i])),
  };
}
