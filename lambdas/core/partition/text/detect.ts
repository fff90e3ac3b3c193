import type { Finding, Grid } from '../../types';
import { alignedTables } from './aligned-columns';
import { boxTables } from './box-table';
import { cellPerLineTables } from './cell-per-line';
import { textGrid, type TextTable } from './grid';
import { pipeTables } from './pipe-table';
import { OffsetIndex, textLines, type TextLine } from './layout';

/**
 * The tables of a scraped text, by the drawing conventions present in it: box-drawn grids first (their
 * characters say what they are), then the conventions that need the rest of the text. Each reader
 * claims the lines it read, and the next one reads only the lines left; a text with none of them
 * (one-line pipe rows, digit runs) yields no grid and is read row by row (tables/text-rows.ts).
 */
export function readTables(text: string, raw: string): { grids: Grid[]; findings: Finding[] } {
  const lines = textLines(text);
  const offsets = new OffsetIndex();
  const found: TextTable[] = [];
  const findings: Finding[] = [];
  const box = boxTables(lines, offsets);
  found.push(...box.tables);
  findings.push(...box.findings);
  found.push(...pipeTables(unclaimed(lines, found)));
  found.push(...alignedTables(unclaimed(lines, found), offsets));
  const cells = cellPerLineTables(unclaimed(lines, found));
  found.push(...cells.tables);
  findings.push(...cells.findings);
  findings.push(...lostTables(lines));
  found.sort((a, b) => a.from - b.from);
  return { grids: found.map((t, i) => textGrid(t, i, offsets, text, raw)), findings };
}

/** The lines no reader has read yet. */
function unclaimed(lines: TextLine[], tables: TextTable[]): TextLine[] {
  return lines.filter((l) => !tables.some((t) => l.start <= t.to && l.start + l.text.length >= t.from));
}

/**
 * `pandoc -t plain` writes `[TABLE]` for a table it cannot lay out (one with spanning cells): the table
 * is lost from the text. It is reported, and nothing is read in its place.
 */
function lostTables(lines: TextLine[]): Finding[] {
  return lines
    .filter((l) => l.text.trim() === '[TABLE]')
    .map((l) => ({
      rule: 'P-TABLE-LOST',
      severity: 'warning' as const,
      message: '文本中的一个表格已被转换工具替换为「[TABLE]」（如 pandoc 对含合并单元格的表格），表格内容不在文本中，未读取。',
      messageEn:
        'A table of the text was replaced by "[TABLE]" by the tool that made it (pandoc does so for tables with spanning cells): its content is not in the text and was not read.',
      keys: [],
      evidence: `offset ${l.start + l.text.indexOf('[TABLE]')}`,
    }));
}
