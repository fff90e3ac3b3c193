import type { DocText, Finding, Format, NarrativeFigure, Section, TableId, UndecidedRow, Value } from '../types';
import { mapRows } from './assign';
import { detectFormat } from './detect-format';
import { gridRows } from './grid-rows';
import type { Row } from './row';
import { textRows } from './text-rows';

export interface Tables {
  format: Format;
  tables: TableId[];
  values: Value[];
  findings: Finding[];
  undecided: UndecidedRow[];
}

/** Standard-table values from structural grids (HTML, PDF), else from the scraped text of sections 2–4. */
export function extractTables(doc: DocText, sections: Section[], narrative: NarrativeFigure[] = []): Tables {
  const grids = doc.grids.length ? fromRows(gridRows(doc.grids), narrative) : null;
  const read = (t: Tables | null) => t !== null && (t.values.length > 0 || t.undecided.length > 0);
  if (read(grids) || doc.kind === 'pdf') return grids ?? NONE;
  // Scraped text whose readers found no table: its rows as the crawler flattened them.
  const rows = fromRows(textRows(doc.text, sections), narrative);
  return read(rows) || !grids ? rows : grids;
}

const NONE: Tables = { format: 'unknown', tables: [], values: [], findings: [], undecided: [] };

function fromRows(rows: Row[], narrative: NarrativeFigure[]): Tables {
  const format = detectFormat(rows.map((r) => r.label).join('\n'));
  const mapped = mapRows(rows, format, narrative);
  const tables = (['t2', 't3', 't4'] as const).filter((t) => mapped.values.some((v) => v.key.startsWith(`${t}.`)));
  const found = mapped.values.length > 0 || mapped.undecided.length > 0;
  return { format: found ? format : 'unknown', tables, values: mapped.values, findings: mapped.findings, undecided: mapped.undecided };
}
