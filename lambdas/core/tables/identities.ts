import { T4_COLS, type RowDef } from './row-defs';

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/**
 * The identity one row must satisfy on its own (fields.md), as a prefix check for the splitter:
 * table 3: total = the six applicant columns; table 4: upheld + corrected + other + pending = total
 * per group. Table 2 has no printed identity; two logical bounds prune impossible splits there:
 * documents in force include this year's (valid ≥ issued; total published ≥ newly published),
 * and a number of items cannot fall below zero (prev + change ≥ 0).
 */
export function rowIdentity(def: RowDef): ((prefix: number[]) => boolean) | undefined {
  if (def.table === 't3') return (p) => p.length < 7 || sum(p.slice(0, 6)) === p[6];
  if (def.table === 't4') return (p) => p.length % T4_COLS.length !== 0 || sum(p.slice(-5, -1)) === p[p.length - 1];
  if (def.row === 'rules' || def.row === 'normative') {
    const [a, b] = def.cols[0] === 'issued' ? [0, 2] : [1, 2];
    return (p) => p.length <= b || p[b] >= p[a];
  }
  // 上一年项目数量 + 本年增/减 is this year's number of items: never below zero.
  if (def.cols[0] === 'prev') return (p) => p.length < 2 || p[0] + p[1] >= 0;
  return undefined;
}

/**
 * Table 3's column identities over rows given by row key: new + carried over = processed + carried
 * forward, and processed = the sum of `outcomes` (the outcome rows of the report's form). Only
 * checked where every row involved is known.
 */
export function columnIdentitiesHold(rows: Map<string, number[]>, outcomes: string[]): boolean {
  const complete = outcomes.every((r) => rows.has(r));
  for (let c = 0; c < 7; c++) {
    const v = (r: string) => rows.get(r)?.[c];
    const [nr, co, tp, cf] = ['newReceived', 'carriedOver', 'totalProcessed', 'carriedForward'].map(v);
    if ([nr, co, tp, cf].every((x) => x !== undefined) && nr! + co! !== tp! + cf!) return false;
    if (tp !== undefined && complete && sum(outcomes.map((r) => v(r)!)) !== tp) return false;
  }
  return true;
}
