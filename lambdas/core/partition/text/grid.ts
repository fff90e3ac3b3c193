import type { Cell, Grid } from '../../types';
import type { OffsetIndex } from './layout';

/** Where one text table lies: the rows of cells a reader built and the lines it read them from. */
export interface TextTable {
  rows: Cell[][];
  /** Document offsets of the table's first and last line: what other readers must leave alone. */
  from: number;
  to: number;
  /** The rows were printed without their blank cells (Grid.ragged). */
  ragged?: boolean;
}

/**
 * A reader's rows as a grid of the document: each cell's locator names its grid, row, column and the
 * offset of its first printed character (spanning cells keep the locator of the slot where they
 * start, as HTML spans do); `raw` quotes the printed script where the cell is one run of the text.
 */
export function textGrid(table: TextTable, index: number, offsets: OffsetIndex, text: string, raw: string): Grid {
  const { rows } = table;
  const seen = new Map<Cell, Cell>();
  return {
    index,
    ...(table.ragged ? { ragged: true } : {}),
    rows: rows.map((r, row) =>
      r.map((c, col) => {
        const known = seen.get(c);
        if (known) return known;
        const offset = c.loc.offset ?? offsets.get(c.loc.page, c.loc.x, c.loc.y);
        const printed = offset !== undefined && c.text !== '' && text.startsWith(c.text, offset) ? raw.slice(offset, offset + c.text.length) : c.raw;
        const cell: Cell = { text: c.text, raw: printed, loc: { table: index, row, col, ...(offset !== undefined && c.text !== '' ? { offset } : {}) } };
        seen.set(c, cell);
        return cell;
      }),
    ),
  };
}
