import { isFormFormat, t2Rows, T3_ROWS, t3RowsOf, T4_ROW, type FormRow } from '../form';
import type { Format } from '../types';
import type { Row } from './row';

/** The standard-table row a labelled row is, trying the table it sits in first; null when the label says nothing. */
export function classify(row: Row, format: Format): FormRow | null {
  if (row.context === 't4' && !T3_ROWS.some((d) => d.match.test(row.label))) return T4_ROW;
  if (!isFormFormat(format)) return null;
  const t2 = t2Rows(format);
  const t3 = t3RowsOf(format);
  const order = row.context === 't2' ? [...t2, ...t3] : [...t3, ...t2];
  return order.find((d) => d.match.test(row.label)) ?? null;
}
