/**
 * A report as a scraper flattens it to text: one line per paragraph, one line per table row with
 * the cells between `|`, every grid position of a spanned cell kept as an empty cell (hence the
 * `|||` runs), header labels wrapped where the page wraps them.
 */
import { buildDocument, type Block, type CellModel, type DocumentOptions } from './document';
import type { ReportSpec } from './values';

export interface PipesOptions extends DocumentOptions {
  /** Break row labels longer than this many characters after that many, as a narrow first column does. */
  wrapLabelsOver?: number;
  /** Leave out every empty cell (blank values and span positions alike), as some scrapers do: `规章 | 22 | 235`. */
  dropBlankCells?: boolean;
}

export function renderTextPipes(spec: ReportSpec, options: PipesOptions = {}): string {
  const doc = buildDocument(spec, options);
  const lines = [doc.title, `发布日期：${doc.publishedAt}`, '', ...doc.blocks.flatMap((block) => renderBlock(block, options))];
  return `${lines.join('\n')}\n`;
}

function renderBlock(block: Block, options: PipesOptions): string[] {
  if (block.kind !== 'table') return [block.text];
  const rows = expand(block.rows).map((row) => row.map((cell) => cellText(cell, options)));
  return [...rows.map((row) => (options.dropBlankCells ? row.filter((t) => t !== '') : row).map(pad).join('|').trim()), ''];
}

/** The table as a full grid: a spanned cell at its top-left position, empty cells under the rest of its span. */
export function expand(rows: CellModel[][]): Array<Array<CellModel | null>> {
  const grid: Array<Array<CellModel | null>> = rows.map(() => []);
  rows.forEach((cells, r) => {
    let c = 0;
    for (const cell of cells) {
      while (grid[r][c] !== undefined) c++;
      for (let dr = 0; dr < (cell.rowspan ?? 1) && r + dr < rows.length; dr++)
        for (let dc = 0; dc < (cell.colspan ?? 1); dc++) grid[r + dr][c + dc] = dr === 0 && dc === 0 ? cell : null;
      c += cell.colspan ?? 1;
    }
  });
  return grid.map((row) => Array.from(row, (cell) => cell ?? null));
}

export function cellText(cell: CellModel | null, options: PipesOptions): string {
  if (!cell) return '';
  if (cell.lines) return cell.lines.join(' ');
  const limit = options.wrapLabelsOver;
  if (!cell.rowLabel || !limit || cell.text.length <= limit) return cell.text;
  // Chinese typesetting never starts a line with closing punctuation: it stays on the first line.
  let cut = limit;
  while (cut < cell.text.length && CLOSING.includes(cell.text[cut])) cut++;
  return `${cell.text.slice(0, cut)}\n${cell.text.slice(cut)}`;
}

const CLOSING = '，、。；：）”';

const pad = (text: string) => (text === '' ? '' : ` ${text} `);
