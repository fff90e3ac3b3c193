import { cellKey, DERIVED_ROWS, T3_APPLICANTS, T3_GROUP_SUMS, T3_LEGAL_PERSONS, T3_ROWS } from '../form';

/** Sum of the keys, or undefined unless every one is present. */
const sumOf = (values: Record<string, number>, keys: readonly string[]) =>
  keys.length && keys.every((k) => k in values) ? keys.reduce((a, k) => a + values[k], 0) : undefined;

/**
 * Table-3 row totals the agency left blank while printing the row's applicant cells: the sum of the
 * printed applicant cells (a blank one counts 0). Many agencies fill only the applicant columns; the
 * total is then implied by the form's row identity, not guessed.
 */
export function blankRowTotals(values: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const { key: row } of T3_ROWS) {
    const cells = T3_APPLICANTS.map((c) => `t3.${row}.${c.key}`).filter((k) => k in values);
    if (cells.length && !(`t3.${row}.total` in values)) out[`t3.${row}.total`] = cells.reduce((a, k) => a + values[k], 0);
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
  const out: Record<string, number> = blankRowTotals(printed);
  const values = { ...printed, ...out };
  const put = (key: string, v: number | undefined) => {
    if (v !== undefined) out[key] = v;
  };
  for (const d of T3_GROUP_SUMS)
    for (const { key: c } of d.columns) {
      const single = d.single && cellKey(d.table, d.single, c);
      put(
        cellKey(d.table, d.key, c),
        single && single in values
          ? values[single]
          : sumOf(
              values,
              d.parts.map((r) => cellKey(d.table, r, c)),
            ),
      );
    }
  const all = { ...values, ...out };
  for (const r of [...T3_ROWS.map((d) => d.key), ...T3_GROUP_SUMS.map((d) => d.key)])
    put(
      cellKey('t3', r, T3_LEGAL_PERSONS.key),
      sumOf(
        all,
        T3_LEGAL_PERSONS.parts.map((c) => cellKey('t3', r, c)),
      ),
    );
  for (const d of DERIVED_ROWS.filter((x) => !T3_GROUP_SUMS.includes(x)))
    for (const { key: c } of d.columns)
      put(
        cellKey(d.table, d.key, c),
        sumOf(
          values,
          d.parts.map((r) => cellKey(d.table, r, c)),
        ),
      );
  return out;
}
