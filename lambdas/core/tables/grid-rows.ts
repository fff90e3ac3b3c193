import { TABLES } from '../form';
import type { Cell, Grid, TableId } from '../types';
import { squeeze } from '../partition/normalize';
import { isValueCell, type Row } from './row';

/**
 * Grid rows (HTML with spans expanded, PDF rebuilt from positions) to label + value cells.
 * Value cells are the cells after the last label cell; a spanning label repeated by the span
 * expansion is kept once. The table context carries over grids, since one standard table may be
 * split over several `<table>` elements or pages.
 */
export function gridRows(grids: Grid[]): Row[] {
  const rows: Row[] = [];
  let context: TableId | null = null;
  for (const grid of grids) {
    let above: Cell[] = [];
    for (const cells of grid.rows) {
      let lastLabel = -1;
      cells.forEach((c, i) => {
        if (!isValueCell(c.text)) lastLabel = i;
      });
      const labels: string[] = [];
      for (const c of cells.slice(0, lastLabel + 1)) if (c.text && labels[labels.length - 1] !== c.text) labels.push(c.text);
      const label = squeeze(labels.join(''));
      // A value cell spanning columns (colspan) is one printed value, not several; one spanning rows is the value of the row it starts in.
      const values = cells
        .slice(lastLabel + 1)
        .filter((c, i, all) => i === 0 || !sameOrigin(c, all[i - 1]))
        .map((c) => (above.some((a) => sameOrigin(a, c)) ? { ...c, text: '' } : c));
      above = cells;
      const hasNumber = values.some((c) => /\d/.test(c.text));
      if (!hasNumber) {
        const header = TABLES.find((t) => t.header.test(label));
        if (header) context = header.id;
        // Kept without cells: header words tell the format.
        rows.push({ label, cells: [], context, ...(grid.ragged ? {} : { part: grid.index }) });
        continue;
      }
      rows.push({
        label,
        cells: values,
        context,
        ...(grid.ragged ? {} : { part: grid.index }),
        ...(values[values.length - 1].cutRight ? { cut: true } : {}),
        ...(values[0].cutLeft ? { cutLeft: true } : {}),
      });
    }
  }
  return rows;
}

const sameOrigin = (a: Cell, b: Cell) =>
  a.loc.row !== undefined && a.loc.row === b.loc.row && a.loc.col === b.loc.col && a.loc.table === b.loc.table && a.loc.page === b.loc.page;
