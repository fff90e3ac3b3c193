import type { TableId } from '../types';

/** A canonical value key of fields.md taken apart: `t3.denied.stateSecret.natural` → t3 · denied.stateSecret · natural. */
export interface KeyParts {
  table: TableId;
  /** The row part (`rules`, `denied.stateSecret`, `review`, `denied.sum`): everything between table and column. */
  row: string;
  col: string;
}

const TABLE_IDS: readonly TableId[] = ['t2', 't3', 't4'];

/** `t3.<row>.<col>`: the key of one cell. */
export const cellKey = (table: TableId, row: string, col: string): string => `${table}.${row}.${col}`;

/** The parts of a table key, or null for a key that is not `t<n>.<row…>.<col>`. */
export function keyParts(key: string): KeyParts | null {
  const parts = key.split('.');
  const table = parts[0] as TableId;
  if (!TABLE_IDS.includes(table) || parts.length < 3) return null;
  return { table, row: parts.slice(1, -1).join('.'), col: parts[parts.length - 1] };
}
