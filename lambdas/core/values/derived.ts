import { T3_COLS, T3_ROWS, T4_COLS } from '../tables/row-defs';

const GROUPS = ['denied', 'unable', 'notProcessed', 'otherHandling'];
const LEGAL_PERSONS = ['commercial', 'research', 'social', 'legal', 'other'];

/** Sum of the keys, or undefined unless every one is present. */
const sumOf = (values: Record<string, number>, keys: string[]) =>
  keys.length && keys.every((k) => k in values) ? keys.reduce((a, k) => a + values[k], 0) : undefined;

const APPLICANTS = T3_COLS.filter((c) => c !== 'total');

/**
 * Table-3 row totals the agency left blank while printing the row's applicant cells: the sum of the
 * printed applicant cells (a blank one counts 0). Many agencies fill only the applicant columns; the
 * total is then implied by the form's row identity, not guessed.
 */
export function blankRowTotals(values: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const { row } of T3_ROWS) {
    const cells = APPLICANTS.map((c) => `t3.${row}.${c}`).filter((k) => k in values);
    if (cells.length && !(`t3.${row}.total` in values)) out[`t3.${row}.total`] = cells.reduce((a, k) => a + values[k], 0);
  }
  return out;
}

/**
 * The derived subtotals of fields.md, computed from table values and never read from a cell:
 * `t3.<group>.sum.<col>`, `t3.<row>.legalPersons`, `t3.grantedAndPartial.<col>`, `t4.litigation.sum.<col>`, and the blank row
 * totals of table 3 (blankRowTotals). A subtotal is given only when every part of it is known.
 */
export function computeDerived(printed: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = blankRowTotals(printed);
  const values = { ...printed, ...out };
  const put = (key: string, v: number | undefined) => {
    if (v !== undefined) out[key] = v;
  };
  for (const g of GROUPS) {
    const parts = T3_ROWS.filter((d) => d.row.startsWith(`${g}.`)).map((d) => d.row);
    for (const c of T3_COLS) {
      // The 2019 form (and some 2021 reports) print 其他处理 as one row: its own subtotal.
      const single = `t3.${g}.${c}`;
      put(
        `t3.${g}.sum.${c}`,
        single in values
          ? values[single]
          : sumOf(
              values,
              parts.map((r) => `t3.${r}.${c}`),
            ),
      );
    }
  }
  const rows = [...T3_ROWS.map((d) => d.row), ...GROUPS.map((g) => `${g}.sum`)];
  const all = { ...values, ...out };
  for (const r of rows)
    put(
      `t3.${r}.legalPersons`,
      sumOf(
        all,
        LEGAL_PERSONS.map((c) => `t3.${r}.${c}`),
      ),
    );
  // 予以公开及部分公开 in the prose (narrative/combined.ts) and the granted rate.
  for (const c of T3_COLS) put(`t3.grantedAndPartial.${c}`, sumOf(values, [`t3.granted.${c}`, `t3.partial.${c}`]));
  for (const c of T4_COLS) put(`t4.litigation.sum.${c}`, sumOf(values, [`t4.litigationDirect.${c}`, `t4.litigationAfterReview.${c}`]));
  return out;
}
