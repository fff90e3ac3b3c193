import { figureCells, sameCell, sameNumber, type FormRow, type T3Layout } from '../form';
import type { NarrativeFigure } from '../types';

/**
 * What the prose says about the table's cells, to narrow the readings of rows that do not decide
 * themselves: the prose may fix one cell of a short row (`主动公开规章22件` → 制发 of `| 规章 | 22 | 235 |`)
 * or a subtotal over several rows (`不予公开12件`). It only ever narrows: a reading is dropped when the
 * prose contradicts it, never kept because the prose agrees, and a statement no reading fits is ignored.
 */

/** The figures the prose states for a key once: a phrase that fits several keys, or a key stated with two values, says nothing. */
export function statedFigures(narrative: NarrativeFigure[]): Map<string, number> {
  const out = new Map<string, number>();
  const conflicting = new Set<string>();
  for (const f of narrative) {
    if (f.ambiguous) continue;
    const seen = out.get(f.key);
    if (seen !== undefined && !sameNumber(seen, f.value)) conflicting.add(f.key);
    out.set(f.key, f.value);
  }
  for (const k of conflicting) out.delete(k);
  return out;
}

/** The prose's figure for each of a row's cells, undefined where it states none. */
export const statedCells = (def: FormRow, stated: Map<string, number>): (number | undefined)[] => def.keys.map((k) => stated.get(k));

/** A placed row as the narrowing sees it: its form row and its candidate readings. */
export interface Candidates<R extends { values: (number | null)[] }> {
  def: FormRow;
  readings: R[];
}

/** Joint readings beyond this are not enumerated: the statement then narrows nothing. */
const MAX_COMBOS = 4096;

/**
 * Narrows the open rows a stated figure covers to the readings that fit it under some reading of the
 * others. A figure naming one cell must equal it (a blank does not); a subtotal must equal the sum of
 * its cells where all are printed (one with a blank in it cannot be checked, a blank is never zero).
 */
export function narrowByProse<R extends { values: (number | null)[] }>(placed: Candidates<R>[], stated: Map<string, number>, layout: T3Layout): void {
  for (const [key, value] of stated) {
    const cells = figureCells(key, layout);
    if (!cells) continue;
    const rowOf = (k: string) => placed.find((p) => p.def.keys.includes(k));
    if (!cells.every(rowOf)) continue;
    const rows = [...new Set(cells.map(rowOf))] as Candidates<R>[];
    const open = rows.filter((p) => p.readings.length > 1);
    if (open.length === 0 || open.reduce((n, p) => n * p.readings.length, 1) > MAX_COMBOS) continue;
    const fits = (chosen: R[]) => {
      const cell = (k: string) => {
        const p = rowOf(k)!;
        const reading = open.includes(p) ? chosen[open.indexOf(p)] : p.readings[0];
        return reading.values[p.def.keys.indexOf(k)];
      };
      if (cells.length === 1) return sameCell(cell(cells[0]), value);
      const parts = cells.map(cell);
      return (
        parts.some((v) => v === null) ||
        sameNumber(
          parts.reduce<number>((a, v) => a + v!, 0),
          value,
        )
      );
    };
    const fitting = combinations(open.map((p) => p.readings)).filter(fits);
    if (fitting.length === 0) continue;
    open.forEach((p, i) => {
      const kept = p.readings.filter((r) => fitting.some((c) => c[i] === r));
      if (kept.length < p.readings.length) p.readings = kept;
    });
  }
}

function combinations<T>(lists: T[][]): T[][] {
  return lists.reduce<T[][]>((acc, list) => acc.flatMap((c) => list.map((x) => [...c, x])), [[]]);
}
