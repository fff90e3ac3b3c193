import { CsvError, parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';

/**
 * The one CSV module: every CSV the project writes (audit findings, comparisons) or reads (the
 * agency registry) goes through here. RFC 4180 via csv-parse / csv-stringify: CRLF rows, fields
 * quoted only when they hold a comma, quote or line break.
 */

export type Cell = string | number | null;

export interface WriteOptions {
  /** Start with a UTF-8 byte-order mark, so spreadsheet programs read Chinese text as UTF-8. */
  bom?: boolean;
}

/**
 * A text cell that a spreadsheet would run as a formula (it begins with = + - @, or a tab or
 * carriage return that some programs skip before one) is prefixed with `'`: names and messages
 * come from untrusted documents. Plain numbers such as `-12.5` stay numbers.
 */
export function formulaSafe(text: string): string {
  return /^[=+\-@\t\r]/.test(text) && !/^[-+]?\d+(\.\d+)?$/.test(text) ? `'${text}` : text;
}

/** Rows as CSV text, every cell formula-safe; null is an empty cell. */
export function toCsv(rows: readonly (readonly Cell[])[], opts: WriteOptions = {}): string {
  const cells = rows.map((r) => r.map((v) => (v === null ? '' : typeof v === 'number' ? String(v) : formulaSafe(v))));
  // csv-stringify quotes only the record delimiter (CRLF); a bare LF or CR inside a field must be quoted too.
  return stringify(cells, { record_delimiter: 'windows', quoted_match: /[\r\n]/, bom: opts.bom ?? false });
}

/** A CSV file that could not be read as CSV (an unclosed quote…), with the line it broke on. */
export class CsvSyntaxError extends Error {
  constructor(
    message: string,
    readonly line?: number,
  ) {
    super(message);
    this.name = 'CsvSyntaxError';
  }
}

/** CSV text as rows of strings; a leading BOM is dropped, rows may differ in length. */
export function parseCsv(text: string): string[][] {
  try {
    return parse(text, { bom: true, relax_column_count: true, skip_empty_lines: false }) as string[][];
  } catch (err) {
    if (err instanceof CsvError) throw new CsvSyntaxError(err.message.replace(/^Invalid \w+:\s*/, ''), (err as CsvError & { lines?: number }).lines);
    throw err;
  }
}
