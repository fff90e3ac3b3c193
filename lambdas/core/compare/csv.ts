import { toCsv } from '../csv';
import type { CompareTable } from './table';

/**
 * RFC 4180 CSV of a compare table, with a UTF-8 byte-order mark so spreadsheet programs read
 * the Chinese agency names correctly, formula-safe (lambdas/core/csv.ts). Rates are written as percentages.
 */
export function compareCsv(table: CompareTable): string {
  const header = ['agency', 'report_id', ...table.metrics.map((m) => (m.kind === 'rate' ? `${m.id} (%)` : m.id)), 'outliers'];
  const lines = [
    header,
    ...table.rows.map((row) => [
      row.agency,
      row.reportId,
      ...table.metrics.map((m) => formatValue(row.cells[m.id].value, m.kind)),
      table.metrics
        .filter((m) => row.cells[m.id].outlier)
        .map((m) => m.id)
        .join(' '),
    ]),
  ];
  return csvTable(lines);
}

/** Rows as a formula-safe RFC 4180 CSV with a BOM, for spreadsheet programs (lambdas/core/csv.ts). */
export const csvTable = (rows: string[][]): string => toCsv(rows, { bom: true });

function formatValue(value: number | null, kind: 'rate' | 'count'): string {
  if (value === null) return '';
  return kind === 'rate' ? (Math.round(value * 10000) / 100).toString() : String(value);
}
