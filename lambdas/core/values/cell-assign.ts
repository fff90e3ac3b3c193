/**
 * The ways `k` whole cells fill `n` columns in order, the other columns blank (null): a scraper
 * that drops blank cells (`规章 | 22 | 235 |` under three columns) keeps the printed cells whole
 * and in order, so a number is never split or moved past another. `admits` prunes by the row's
 * constraints column by column: it is asked after each column is filled, with the columns filled so
 * far, and a partial row it refuses is not extended (at most C(15, 7) = 6435 assignments exist).
 */
export function assignCells<T>(cells: T[], n: number, admits: (prefix: (T | null)[]) => boolean): (T | null)[][] {
  const out: (T | null)[][] = [];
  const row: (T | null)[] = [];
  const walk = (col: number, next: number): void => {
    if (col === n) {
      if (next === cells.length) out.push([...row]);
      return;
    }
    // Place the next cell here, or leave this column blank while enough columns remain.
    if (next < cells.length) {
      row.push(cells[next]);
      if (admits(row)) walk(col + 1, next + 1);
      row.pop();
    }
    if (n - col > cells.length - next) {
      row.push(null);
      if (admits(row)) walk(col + 1, next);
      row.pop();
    }
  };
  walk(0, 0);
  return out;
}
