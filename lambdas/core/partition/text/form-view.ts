/**
 * What the text readers need of the national form (lambdas/core/form), in one place: which row a
 * label names, how many columns that row has, the identities a row's figures satisfy, the words that
 * tell a table, and those that title columns rather than rows. The one-cell-per-line reader asks here,
 * where nothing but the form says where a row ends.
 */
import {
  FORMATS,
  HEADERS,
  prefixCheck,
  rowAdmits,
  T2_BLOCKS,
  T3_COLUMNS,
  T3_LEGAL_PERSONS,
  T3_ROWS,
  t3Rows,
  T4_COLUMNS,
  T4_GROUPS,
  T4_LITIGATION,
  T4_ROW,
  TABLES,
  isFormFormat,
  type FormRow,
} from '../../form';
import { classify } from '../../tables/classify';
import type { Format, TableId } from '../../types';

export { detectFormat } from '../../tables/detect-format';
export { tableKeys } from '../../tables/classify';
export type { FormRow };

/** The form row a label names in a table, or null. */
export const rowOf = (label: string, context: TableId | null, format: Format): FormRow | null =>
  isFormFormat(format) ? classify({ label, cells: [], context }, format) : null;

/**
 * A table-3 row's place in the row order the format's form prescribes: the 2019 form prints （六）其他处理 as one
 * row, the 2021 form as three under it (-1 for a row the form does not print so, as a 2021 report's single （六）).
 */
export const t3Index = (row: FormRow, format: Format): number => (isFormFormat(format) ? t3Rows(format) : T3_ROWS).findIndex((r) => r.key === row.key);

/** The row the figures of an unlabelled line of a table stand for, as far as its shape goes: table 3's rows all have its seven columns, table 4 is one row. */
export const shapeOf = (context: TableId | null): FormRow | null => (context === 't3' ? T3_ROWS[0] : context === 't4' ? T4_ROW : null);

/** Whether a row's figures satisfy its row's identities (table 3: the total; table 4: each group's total); a short row only what it can. */
export function rowHolds(def: FormRow, format: Format, values: number[]): boolean {
  if (!isFormFormat(format)) return true;
  if (values.length !== def.keys.length) return rowAdmits(def, format, values);
  const check = prefixCheck(def, format);
  return !check || values.every((_, i) => check(values.slice(0, i + 1)));
}

/** The table whose header words a label holds (table 4's first: its 其他结果 is not table 3's 其他). */
export const tableNamed = (label: string): TableId | null => TABLES.find((t) => t.header.test(label))?.id ?? null;

/**
 * Column titles of the three tables and their group titles, which a one-cell-per-line text prints in
 * the stream like labels: they head columns, never rows (`总计` over the total column is not the
 * （七）总计 row, `其他` not 3.其他).
 */
const TITLES = new Set([
  HEADERS.t2Content,
  HEADERS.t3Applicants,
  ...FORMATS.flatMap((f) => T2_BLOCKS[f].flatMap((b) => b.columns.map((c) => c.zh))),
  ...T3_COLUMNS.map((c) => c.zh),
  T3_LEGAL_PERSONS.zh,
  ...T4_COLUMNS.map((c) => c.zh),
  ...T4_GROUPS.map((g) => g.zh),
  T4_LITIGATION.zh,
]);

/**
 * Column titles of the tables whose columns a header may name in part (table 3's applicants and total,
 * each title once): where a dump printed only some of them over a sparse table, they place its figures.
 */
export const NAMED_COLUMNS: readonly (readonly string[])[] = [T3_COLUMNS.map((c) => c.zh)];

/** Table 2's clause titles (`第二十条第（一）项`) share their opening words. */
function commonStart(words: string[]): string {
  let start = words[0];
  for (const w of words) while (!w.startsWith(start)) start = start.slice(0, -1);
  return start;
}
const CLAUSE_START = commonStart(FORMATS.flatMap((f) => T2_BLOCKS[f].map((b) => b.clause)));

/** A column's title as printed, also without its parenthesised unit (`本年收费金额（单位：万元）`) and a clause title. */
export const isColumnTitle = (label: string) =>
  TITLES.has(label) || TITLES.has(`${label}）`) || label.startsWith(CLAUSE_START) || [...TITLES].some((t) => t.startsWith(`${label}（`));
