import type { Format } from '../types';
import type { Row } from './row';
import { T2_ROWS, T3_ROWS, T4_ROW, type RowDef } from './row-defs';

/** The standard-table row a labelled row is, trying the table it sits in first; null when the label says nothing. */
export function classify(row: Row, format: Format): RowDef | null {
  if (row.context === 't4' && !T3_ROWS.some((d) => d.match.test(row.label))) return T4_ROW;
  const t2 = T2_ROWS.filter((d) => d.formats.includes(format));
  const t3 = T3_ROWS.filter((d) => d.formats.includes(format));
  const order = row.context === 't2' ? [...t2, ...t3] : [...t3, ...t2];
  return order.find((d) => d.match.test(row.label)) ?? null;
}
