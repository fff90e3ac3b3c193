import type { TableId } from '../types';
import { T3_APPLICANTS, T3_COLUMNS, T4_COLUMNS, type Column } from './columns';
import { cellKey, keyParts } from './keys';
import { T3_GROUPS, T3_ROWS, type RowGroup, type T3Layout } from './rows';

/**
 * A subtotal fields.md derives from table cells and never reads from one (also what narrative
 * sentences such as `不予公开12件` state): a row that sums rows, per column, or a column that sums
 * columns, per row.
 */
export interface DerivedRow {
  table: TableId;
  /** Row part of its keys: `t3.denied.sum.<col>`, `t4.litigation.sum.<col>`. */
  key: string;
  /** The rows it sums. */
  parts: readonly string[];
  /** A row some reports print in place of the parts, which is then the subtotal itself (（六）其他处理 as one row). */
  single?: string;
  label: string;
  en: string;
  columns: readonly Column[];
  group?: RowGroup;
}

const groupSum = (group: RowGroup): DerivedRow => ({
  table: 't3',
  key: `${group.key}.sum`,
  parts: T3_ROWS.filter((r) => r.group === group).map((r) => r.key),
  ...(T3_ROWS.some((r) => r.key === group.key) ? { single: group.key } : {}),
  label: '小计',
  en: 'subtotal',
  columns: T3_COLUMNS,
  group,
});

/** Table 3's four group subtotals, in form order. */
export const T3_GROUP_SUMS: readonly DerivedRow[] = Object.values(T3_GROUPS).map(groupSum);

/** 予以公开及部分公开: what prose often states as one figure, and the numerator of the granted rate. */
export const T3_GRANTED_AND_PARTIAL: DerivedRow = {
  table: 't3',
  key: 'grantedAndPartial',
  parts: ['granted', 'partial'],
  label: '予以公开及部分公开',
  en: 'disclosed in full or in part',
  columns: T3_COLUMNS,
};

/** 行政诉讼 as one group: both litigation groups of table 4 (`N件败诉` in prose is its corrected cell). */
export const T4_LITIGATION_SUM: DerivedRow = {
  table: 't4',
  key: 'litigation.sum',
  parts: ['litigationDirect', 'litigationAfterReview'],
  label: '行政诉讼合计',
  en: 'litigation in all',
  columns: T4_COLUMNS,
};

export const DERIVED_ROWS: readonly DerivedRow[] = [...T3_GROUP_SUMS, T3_GRANTED_AND_PARTIAL, T4_LITIGATION_SUM];

/** 法人或其他组织 as one figure: the five organisation columns of table 3, for every row and group subtotal. */
export const T3_LEGAL_PERSONS: Column & { parts: readonly string[] } = {
  key: 'legalPersons',
  zh: '法人或其他组织',
  label: '法人或其他组织',
  en: 'legal persons and other organisations',
  kind: 'count',
  parts: T3_APPLICANTS.filter((c) => c.key !== 'natural').map((c) => c.key),
};

/** The derived row a key's row part names (`denied.sum`), if any. */
export const derivedRow = (table: TableId, row: string): DerivedRow | undefined => DERIVED_ROWS.find((d) => d.table === table && d.key === row);

/**
 * The printed cells a figure sums, by key: a cell is itself; a derived subtotal is its rows' cells in
 * the layout (`t3.denied.sum.total` → the eight 不予公开 rows' totals; （六）其他处理 printed as one row
 * is its own subtotal); `legalPersons` is its row's five organisation columns. Null for a key that is
 * not a table key.
 */
export function figureCells(key: string, layout: T3Layout): string[] | null {
  const parts = keyParts(key);
  if (!parts) return null;
  const { table, row, col } = parts;
  const derived = derivedRow(table, row);
  const rows = !derived ? [row] : derived.single && layout.otherHandling === 'single' ? [derived.single] : [...derived.parts];
  const cols = table === 't3' && col === T3_LEGAL_PERSONS.key ? [...T3_LEGAL_PERSONS.parts] : [col];
  return rows.flatMap((r) => cols.map((c) => cellKey(table, r, c)));
}
