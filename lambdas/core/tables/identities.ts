import { T4_COLS, type RowDef } from './row-defs';

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/** An identity over some of a row's columns (by index). */
interface Constraint {
  at: number[];
  holds: (v: number[]) => boolean;
}

/**
 * The identities one row must satisfy on its own (fields.md). Table 3: total = the six applicant
 * columns; table 4: upheld + corrected + other + pending = total per group. Table 2 has no printed
 * identity; two logical bounds prune impossible readings there: documents in force include this
 * year's (valid ≥ issued; total published ≥ newly published), and a number of items cannot fall
 * below zero (prev + change ≥ 0).
 */
function rowConstraints(def: RowDef): Constraint[] {
  const idx = (from: number, n: number) => Array.from({ length: n }, (_, i) => from + i);
  if (def.table === 't3') return [{ at: idx(0, 7), holds: (v) => sum(v.slice(0, 6)) === v[6] }];
  if (def.table === 't4')
    return idx(0, def.cols.length / T4_COLS.length).map((g) => ({ at: idx(g * T4_COLS.length, T4_COLS.length), holds: (v) => sum(v.slice(0, 4)) === v[4] }));
  if (def.row === 'rules' || def.row === 'normative') return [{ at: def.cols[0] === 'issued' ? [0, 2] : [1, 2], holds: ([a, b]) => b >= a }];
  // 上一年项目数量 + 本年增/减 is this year's number of items: never below zero.
  if (def.cols[0] === 'prev') return [{ at: [0, 1], holds: ([a, b]) => a + b >= 0 }];
  return [];
}

/** The row's identities as a prefix check for the splitter: each is checked once its columns are read. */
export function rowIdentity(def: RowDef): ((prefix: number[]) => boolean) | undefined {
  const cs = rowConstraints(def);
  if (cs.length === 0) return undefined;
  return (p) => cs.every((c) => c.at[c.at.length - 1] !== p.length - 1 || c.holds(c.at.map((i) => p[i])));
}

/**
 * Whether a reading with blank columns (null) can satisfy the row's identities: an identity
 * involving a blank cannot be checked, and a blank is never read as zero.
 */
export function rowAdmits(def: RowDef, values: (number | null)[]): boolean {
  return rowConstraints(def).every((c) => c.at.some((i) => values[i] === null || values[i] === undefined) || c.holds(c.at.map((i) => values[i]!)));
}

/**
 * Table 3's column identities over rows given by row key: new + carried over = processed + carried
 * forward, and processed = the sum of `outcomes` (the outcome rows of the report's form). Only
 * checked where every row involved is known and printed.
 */
export function columnIdentitiesHold(rows: Map<string, (number | null)[]>, outcomes: string[]): boolean {
  for (let c = 0; c < 7; c++) {
    // A blank cell is unknown, never zero.
    const v = (r: string) => rows.get(r)?.[c] ?? undefined;
    const [nr, co, tp, cf] = ['newReceived', 'carriedOver', 'totalProcessed', 'carriedForward'].map(v);
    if ([nr, co, tp, cf].every((x) => x !== undefined) && nr! + co! !== tp! + cf!) return false;
    if (tp !== undefined && outcomes.every((r) => v(r) !== undefined) && sum(outcomes.map((r) => v(r)!)) !== tp) return false;
  }
  return true;
}
