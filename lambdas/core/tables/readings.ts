import type { Cell } from '../types';
import type { Row } from './row';
import type { FormRow } from '../form';

/** One way to read a row's cells: the numbers (null for a blank column), their printed texts, and the cell each came from. */
export interface Reading {
  values: (number | null)[];
  texts: string[];
  cells: Cell[];
  /** The digit run the numbers were split from, when the cells were glued. */
  run?: string;
  /** A short row's whole cells assigned to columns: the printed cell each column got, -1 for a blank one. */
  slots?: number[];
}

/** The readings a row's cells allow; `complete` when every one is listed (the splitter did not stop at its limit). */
export interface Readings {
  readings: Reading[];
  complete: boolean;
}

/** A row placed on a standard-table row, with the candidate readings of its cells. */
export interface Placed extends Readings {
  def: FormRow;
  row: Row;
}
