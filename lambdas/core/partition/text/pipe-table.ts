import type { Cell } from '../../types';
import { joinCjk } from '../pdf/layout';
import type { TextTable } from './grid';
import type { TextLine } from './layout';

/**
 * Markdown pipe tables as html2text writes a Word page's tables: a cell's paragraphs on lines of
 * their own with blank lines between, a `|` alone on its line between two cells, and a row ended by
 * a line with two trailing spaces (Markdown's line break), an all-space line after it. Rows whose cells
 * hold no paragraph stay on one line (`名称 | 沭阳县…   `). Spans are flattened (a spanning cell is one
 * cell, the cells it covers in later rows are left out), so each row is read by its own cells: the
 * cells after the last label are the values, blanks kept.
 *
 * Tables whose rows are all one line with no such break (the flattened `a | b | c` text of crawlers)
 * are left to the row reader of scraped text.
 */
const SEPARATOR = /^\s*\|\s*$/;
/** The end of a Markdown table row: two or more trailing spaces (after a last cell that may be empty). */
const ROW_END = / {2,}$/;
const BLANK = /^\s*$/;
const RULE = /^\s*-{3,}\s*$/;

export function pipeTables(lines: TextLine[]): TextTable[] {
  if (!lines.some((l) => SEPARATOR.test(l.text))) return [];
  const rows: { lines: TextLine[] }[] = [];
  let open: TextLine[] | undefined;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (!open) {
      if (SEPARATOR.test(l.text)) open = [...paragraphBefore(lines, i), l];
      else if (l.text.includes('|')) open = [l];
      else continue;
    } else open.push(l);
    if (!SEPARATOR.test(l.text) && ROW_END.test(l.text)) {
      if (open.some((x) => !BLANK.test(x.text))) rows.push({ lines: open });
      open = undefined;
    }
  }
  const tables: TextTable[] = [];
  let cur: { rows: Cell[][]; from: number; to: number } | undefined;
  let last = -1;
  for (const r of rows) {
    const first = lines.indexOf(r.lines[0]);
    const between = cur ? oneCellRows(lines.slice(last + 1, first)) : undefined;
    if (!cur || !between) {
      if (cur && cur.rows.some((row) => row.length > 1)) tables.push(cur);
      const head = titleAbove(lines, first);
      cur = { rows: head ? [[lineCell(head)]] : [], from: (head ?? r.lines[0]).start, to: 0 };
    } else cur.rows.push(...between.map((l) => [lineCell(l)]));
    cur.rows.push(cells(r.lines));
    const end = r.lines[r.lines.length - 1];
    cur.to = end.start + end.text.length;
    last = lines.indexOf(end);
  }
  if (cur && cur.rows.some((row) => row.length > 1)) tables.push(cur);
  return tables;
}

/**
 * The first cell of a row whose cells break over lines: the paragraphs above its first `|`, back to the
 * previous row's end when only a few lines stand between (a cell of several paragraphs, `商业` / `企业`),
 * else the one paragraph just above (the table's first row, under the prose before it).
 */
function paragraphBefore(lines: TextLine[], i: number): TextLine[] {
  let k = i - 1;
  while (k >= 0 && !ROW_END.test(lines[k].text)) k--;
  const gap = lines.slice(k + 1, i).filter((l) => !BLANK.test(l.text));
  if (k >= 0 && gap.length <= MAX_CELL_LINES) return gap;
  let end = i - 1;
  while (end >= 0 && BLANK.test(lines[end].text)) end--;
  let start = end;
  while (start > 0 && !BLANK.test(lines[start - 1].text) && !ROW_END.test(lines[start - 1].text)) start--;
  return end < 0 ? [] : lines.slice(start, end + 1);
}

/** Paragraphs of one cell: header cells wrap over two or three. */
const MAX_CELL_LINES = 4;

/**
 * The lines between two rows when they are one-cell rows of the same table (`第二十条第（五）项  ` over
 * a sub-table, each ended by the row break, and the header rule `---` under it); undefined when
 * anything else stands between (a paragraph: the table ended there).
 */
function oneCellRows(between: TextLine[]): TextLine[] | undefined {
  const content = between.filter((l) => !BLANK.test(l.text));
  return content.every((l) => ROW_END.test(l.text) || RULE.test(l.text)) ? content.filter((l) => !RULE.test(l.text)) : undefined;
}

/** A one-cell first row above a table's first row (`第二十条第（一）项  ` and its header rule `---`). */
function titleAbove(lines: TextLine[], first: number): TextLine | undefined {
  let k = first - 1;
  const skip = () => {
    while (k >= 0 && BLANK.test(lines[k].text)) k--;
  };
  skip();
  if (k < 0 || !RULE.test(lines[k].text)) return undefined;
  k--;
  skip();
  return k >= 0 && ROW_END.test(lines[k].text) ? lines[k] : undefined;
}

function lineCell(l: TextLine): Cell {
  const text = l.text.trim();
  return { text, raw: text, loc: { offset: l.start + l.text.indexOf(text) } };
}

/** A row's cells: its lines split at every `|`, each cell's paragraphs joined. */
function cells(rowLines: TextLine[]): Cell[] {
  const out: Cell[] = [];
  let parts: { text: string; offset: number }[] = [];
  const close = () => {
    const text = joinCjk(parts.map((p) => p.text).join(' '));
    out.push({ text, raw: text, loc: parts.length ? { offset: parts[0].offset } : {} });
    parts = [];
  };
  for (const l of rowLines) {
    let at = 0;
    for (const piece of l.text.split('|')) {
      if (at > 0) close();
      const text = piece.trim();
      if (text && !RULE.test(text)) parts.push({ text, offset: l.start + at + piece.indexOf(text) });
      at += piece.length + 1;
    }
  }
  close();
  // A leading `|` opens the row rather than closing an empty first cell.
  if (out.length > 1 && out[0].text === '' && /^\s*\|/.test(rowLines[0].text) && !SEPARATOR.test(rowLines[0].text)) out.shift();
  return out;
}
