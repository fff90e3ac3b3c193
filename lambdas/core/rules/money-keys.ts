import { T2_ROWS } from '../tables/row-defs';

/** Table 2 cells holding money, stored in 万元 (fields.md). */
export const MONEY_KEYS = new Set(T2_ROWS.flatMap((r) => (r.money ?? []).map((c) => `t2.${r.row}.${c}`)));
/** Table 2 cells holding a signed change (本年增/减). */
export const SIGNED_KEYS = new Set(T2_ROWS.flatMap((r) => (r.signed ?? []).map((c) => `t2.${r.row}.${c}`)));
