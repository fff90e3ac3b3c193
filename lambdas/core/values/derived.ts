import { cellKey, DERIVED_ROWS, T3_APPLICANTS, T3_GROUP_SUMS, T3_LEGAL_PERSONS, T3_ROWS } from '../form';

/** Cells read through two layers: `over`'s own, else `under`'s (`{ ...under, ...over }` without the copy). */
interface Layers {
  under: Record<string, number>;
  over: Record<string, number>;
}

/** Sum of the keys, or undefined unless every one is present. */
const sumOf = ({ under, over }: Layers, keys: readonly string[]) => {
  if (keys.length === 0) return undefined;
  let sum = 0;
  for (const k of keys) {
    if (k in over) sum += over[k];
    else if (k in under) sum += under[k];
    else return undefined;
  }
  return sum;
};

/** A derived cell: its key, the cells it sums, and (a group printed as one row) the cell that is the subtotal itself. */
interface Sum {
  key: string;
  parts: readonly string[];
  single?: string;
}

/**
 * The derived cells' keys, built once from the form: every report asks for the same few hundred, and
 * building their key strings per report cost more than the sums.
 */
const ROW_TOTALS = T3_ROWS.map(({ key: row }) => ({ key: cellKey('t3', row, 'total'), parts: T3_APPLICANTS.map((c) => cellKey('t3', row, c.key)) }));
const GROUP_SUMS: Sum[] = T3_GROUP_SUMS.flatMap((d) =>
  d.columns.map(({ key: c }) => ({
    key: cellKey(d.table, d.key, c),
    parts: d.parts.map((r) => cellKey(d.table, r, c)),
    ...(d.single ? { single: cellKey(d.table, d.single, c) } : {}),
  })),
);
const LEGAL_PERSONS: Sum[] = [...T3_ROWS.map((d) => d.key), ...T3_GROUP_SUMS.map((d) => d.key)].map((r) => ({
  key: cellKey('t3', r, T3_LEGAL_PERSONS.key),
  parts: T3_LEGAL_PERSONS.parts.map((c) => cellKey('t3', r, c)),
}));
const OTHER_SUMS: Sum[] = DERIVED_ROWS.filter((x) => !T3_GROUP_SUMS.includes(x)).flatMap((d) =>
  d.columns.map(({ key: c }) => ({ key: cellKey(d.table, d.key, c), parts: d.parts.map((r) => cellKey(d.table, r, c)) })),
);

/**
 * Table-3 row totals the agency left blank while printing the row's applicant cells: the sum of the
 * printed applicant cells (a blank one counts 0). Many agencies fill only the applicant columns; the
 * total is then implied by the form's row identity, not guessed.
 */
export function blankRowTotals(values: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const { key, parts } of ROW_TOTALS) {
    if (key in values) continue;
    let printed = false;
    let sum = 0;
    for (const k of parts)
      if (k in values) {
        printed = true;
        sum += values[k];
      }
    if (printed) out[key] = sum;
  }
  return out;
}

/**
 * The derived subtotals of the form (`core/form/derived.ts`), computed from table values and never
 * read from a cell: table 3's group subtotals, `legalPersons` of every row and subtotal,
 * 予以公开及部分公开, 行政诉讼 as one group, and the blank row totals of table 3 (blankRowTotals). A
 * subtotal is given only when every part of it is known; a group printed as one row is its own subtotal.
 */
export function computeDerived(printed: Record<string, number>): Record<string, number> {
  const blank = blankRowTotals(printed);
  const out: Record<string, number> = { ...blank };
  const values: Layers = { under: printed, over: blank };
  const put = (key: string, v: number | undefined) => {
    if (v !== undefined) out[key] = v;
  };
  for (const { key, parts, single } of GROUP_SUMS)
    put(key, single && (single in blank || single in printed) ? (single in blank ? blank[single] : printed[single]) : sumOf(values, parts));
  const all: Layers = { under: printed, over: { ...out } };
  for (const { key, parts } of LEGAL_PERSONS) put(key, sumOf(all, parts));
  for (const { key, parts } of OTHER_SUMS) put(key, sumOf(values, parts));
  return out;
}
