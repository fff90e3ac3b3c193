import { labelWithKey } from '../form';
import { toCsv } from '../csv';
import type { CompareTable } from './table';

/**
 * RFC 4180 CSV of a compare table, with a UTF-8 byte-order mark so spreadsheet programs read
 * the Chinese agency names correctly, formula-safe (lambdas/core/csv.ts). Rates are written as percentages.
 */
export function compareCsv(table: CompareTable): string {
  // Headers name each column by the form's label (a rate by its name), the id as secondary text (`予以公开及部分公开率 % (rate.granted)`), so a spreadsheet reads without a key list.
  const header = [
    labelWithKey('agency'),
    '报告 (report_id)',
    ...table.metrics.map((m) => (m.kind === 'rate' ? `${m.label} % (${m.id})` : labelWithKey(m.id))),
    '离群指标 (outliers)',
  ];
  const lines = [
    header,
    ...table.rows.map((row) => [
      row.agency,
      row.reportId,
      ...table.metrics.map((m) => formatValue(row.cells[m.id].value, m.kind)),
      table.metrics
        .filter((m) => row.cells[m.id].outlier)
        .map((m) => `${m.label} (${m.id}) ${row.cells[m.id].direction === 'low' ? '▼' : '▲'}`)
        .join('; '),
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
