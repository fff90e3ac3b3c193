import { z } from 'zod';
// Not exported by ./index: only the API reads typed values, and the other functions' bundles stay free of zod.
import { toWan, type CellKind } from './columns';
import { labelWithKey } from './labels';
import { MONEY_KEYS, SIGNED_KEYS } from './rows';

/** What a cell of the form holds, from its key: money (万元), a signed change (本年增/减) or a count. */
export const cellKind = (key: string): CellKind => (MONEY_KEYS.has(key) ? 'money' : SIGNED_KEYS.has(key) ? 'signed' : 'count');

/** The largest money figure kept exactly to the millionth of a 万元, the precision `toWan` rounds to. */
const MAX_WAN = Math.floor(Number.MAX_SAFE_INTEGER / 1e6);

const MONEY_UNITS = ['元', '万元', '亿元'] as const;

/** A value as an officer types it: a number in the cell's own unit (money: 万元), or money with the unit it was printed in. */
export const typedValue = z.union([
  z.number(),
  z.strictObject({
    amount: z.number().describe('The amount as printed'),
    unit: z.enum(MONEY_UNITS).describe("The unit it was printed in; stored in 万元, the form's unit"),
  }),
]);
export type TypedValue = z.infer<typeof typedValue>;

// z.number().int() accepts only safe integers, so 1e308 is no count.
const CELL: Record<CellKind, { schema: z.ZodType<number>; holds: string }> = {
  count: { schema: z.number().int().min(0), holds: 'a count: a whole number, 0 or more' },
  signed: { schema: z.number().int(), holds: 'a change (本年增/减): a whole number, negative for a decrease' },
  money: { schema: z.number().min(0).max(MAX_WAN), holds: `money: an amount of 0 or more, at most ${MAX_WAN} 万元, as a number in 万元 or {amount, unit}` },
};

/** One typed value that does not fit its cell, named by the cell's key and label. */
export interface CellValueIssue {
  index: number;
  key: string;
  message: string;
}

const shown = (v: TypedValue) => (typeof v === 'number' ? String(v) : `${v.amount} ${v.unit}`);

/** One typed value in the cell's terms (money in 万元), or null when it does not fit the cell. */
function cellValue(kind: CellKind, v: TypedValue): number | null {
  if (typeof v !== 'number' && (kind !== 'money' || v.amount < 0)) return null;
  const n = typeof v === 'number' ? v : toWan(v.amount, v.unit);
  return CELL[kind].schema.safeParse(n).success ? n : null;
}

/**
 * An officer's typed values for a row, checked against what the form says each cell holds: a
 * count is a non-negative safe integer, a change a safe integer, money a non-negative amount in
 * 万元 (or converted from the unit given). Either the values to store or every value that does not fit.
 */
export function formValues(keys: readonly string[], typed: readonly TypedValue[]): { values: number[] } | { issues: CellValueIssue[] } {
  const issues: CellValueIssue[] = [];
  const values = keys.map((key, index) => {
    const kind = cellKind(key);
    const n = cellValue(kind, typed[index]);
    if (n === null) issues.push({ index, key, message: `${labelWithKey(key)} holds ${CELL[kind].holds}; got ${shown(typed[index])}` });
    return n ?? 0;
  });
  return issues.length ? { issues } : { values };
}
