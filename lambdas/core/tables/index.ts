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
  let result = doc.grids.length ? fromRows(gridRows(doc.grids), narrative) : null;
  if ((!result || result.values.length === 0) && doc.kind !== 'pdf') result = fromRows(textRows(doc.text, sections), narrative);
  return result ?? { format: 'unknown', tables: [], values: [], findings: [], undecided: [] };
}

function fromRows(rows: Row[], narrative: NarrativeFigure[]): Tables {
  const format = detectFormat(rows.map((r) => r.label).join('\n'));
  const mapped = mapRows(rows, format, narrative);
  const tables = (['t2', 't3', 't4'] as const).filter((t) => mapped.values.some((v) => v.key.startsWith(`${t}.`)));
  return { format: mapped.values.length ? format : 'unknown', tables, values: mapped.values, findings: mapped.findings, undecided: mapped.undecided };
}
