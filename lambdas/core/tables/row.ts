import type { Cell, TableId } from '../types';

/**
 * A table row as any format yields it: the label text and the value cells in column order.
 * When `runs` is set, the cells are runs of digits printed with no separator between cells
 * (scraped text), to be split by the column count and the form's identities.
 */
export interface Row {
  /** Label with whitespace removed, simplified script. */
  label: string;
  cells: Cell[];
  runs?: boolean;
  /**
   * The row runs off the page's right edge (a ruled PDF table cut by the page): its cells are the table's
   * columns from the left, blanks included, and the columns past the edge are not in the file.
   */
  cut?: boolean;
  /** The row's first value cell lies at the page's left edge, which cut the table: columns before it may be lost. */
  cutLeft?: boolean;
  /** The table the row sits in, from its section or the header rows above it. */
  context: TableId | null;
  /**
   * Rows with the same part print their cells in the same columns (a grid's rows): when they print fewer
   * than the form's, the blank columns are the same for all of them. Absent for rows printed apart.
   */
  part?: number;
}

/** A value cell: a number (maybe with 元/万元, thousands separators, a sign), a dash or slash, or empty. */
export const VALUE_CELL = /^(?:[-+−]?\d[\d,，]*(?:\.\d+)?\s*(?:万?元|件|项|个)?|[-—–/／\\、]|无)?$/;

export const isValueCell = (text: string) => VALUE_CELL.test(text.replace(/\s+/g, ''));
