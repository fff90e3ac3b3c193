import type { CompareTable } from './table';

/**
 * RFC 4180 CSV of a compare table, with a UTF-8 byte-order mark so spreadsheet programs read
 * the Chinese agency names correctly. Rates are written as percentages.
 */
export function compareCsv(table: CompareTable): string {
  const header = ['agency', 'report_id', ...table.metrics.map((m) => (m.kind === 'rate' ? `${m.id} (%)` : m.id)), 'outliers'];
  const lines = [header, ...table.rows.map((row) => [
    row.agency,
    row.reportId,
    ...table.metrics.map((m) => formatValue(row.cells[m.id].value, m.kind)),
    table.metrics.filter((m) => row.cells[m.id].outlier).map((m) => m.id).join(' '),
  ])];
  return csvTable(lines);
}

/** Rows as a formula-safe RFC 4180 CSV with a BOM, for spreadsheet programs. */
export const csvTable = (rows: string[][]): string => '\uFEFF' + rows.map((cells) => cells.map(csvField).join(',')).join('\r\n') + '\r\n';

function formatValue(value: number | null, kind: 'rate' | 'count'): string {
  if (value === null) return '';
  return kind === 'rate' ? (Math.round(value * 10000) / 100).toString() : String(value);
}

/**
 * Quotes a field when needed, and defuses spreadsheet formulas: agency names come from the
 * reports, which are untrusted, and a cell starting with = + - @ would run as a formula.
 */
export function csvField(text: string): string {
  const safe = /^[=+\-@\t\r]/.test(text) && !/^-?\d+(\.\d+)?$/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
