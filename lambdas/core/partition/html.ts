import { Parser } from 'htmlparser2';
import type { Cell, Decoded, DocText, Grid } from '../types';
import { toSimplified } from '../decode/script';
import { readHeaderDate } from '../metadata/published-at';
import { foldSpace, isSpace } from './normalize';

const SKIP = new Set(['script', 'style', 'noscript', 'template', 'head', 'iframe', 'svg', 'object', 'select', 'button', 'textarea']);
const BLOCK = new Set([
  'p',
  'div',
  'br',
  'li',
  'ul',
  'ol',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'section',
  'article',
  'tr',
  'table',
  'center',
  'blockquote',
  'dd',
  'dt',
  'pre',
  'hr',
]);
/** Guard against pathological nesting: deeper markup is read as text only. */
const MAX_DEPTH = 256;
const DATE_META = new Set(['pubdate', 'firstpublishedtime', 'publishdate', 'article:published_time']);

/**
 * HTML page to the format-blind document: text in reading order (a line per block, table rows as
 * `a | b` lines) and every leaf table (one holding no other table: portals nest layout tables)
 * as a grid. One walk over the DOM; no selector engine on the hot path.
 */
export function partitionHtml(decoded: Decoded): DocText {
  // The page is walked as printed and only its text converted: one parse, and no markup through opencc.
  const page = walk(decoded.raw);
  const traditional = decoded.script === 'traditional';
  const text = traditional ? toSimplified(page.text) : page.text;
  return {
    kind: 'html',
    text,
    // Evidence quotes the page as printed; conversion keeps lengths, so offsets hold.
    raw: page.text,
    title: traditional && page.title !== undefined ? toSimplified(page.title) : page.title,
    grids: traditional ? page.grids.map(simplifyGrid) : page.grids,
    publishedAt: readHeaderDate(text.slice(0, 20000)) ?? (page.metaDate ? readHeaderDate(`发布日期 ${page.metaDate}`) : undefined),
  };
}

/** Cells matched in simplified script, `raw` keeping them as printed. */
function simplifyGrid(g: Grid): Grid {
  return { index: g.index, rows: g.rows.map((row) => row.map((cell) => ({ ...cell, text: toSimplified(cell.raw) }))) };
}

interface Walked {
  text: string;
  grids: Grid[];
  title?: string;
  metaDate?: string;
}

/** A table being read: its rows of cells as the parser meets them, and whether another table opens inside it. */
interface OpenTable {
  rows: { td: OpenCell[] }[];
  nested: boolean;
  /** Depth of the table element in the open-element stack. */
  depth: number;
}

interface OpenCell {
  text: string;
  rowspan: number;
  colspan: number;
  /** Where its content starts in the walked text. */
  at: number;
}

/**
 * One pass over the markup (htmlparser2's events, the same parser and tree cheerio builds, without
 * building the tree: a page's DOM costs some 30 bytes of heap per byte of markup, 250 MB for an 8 MB
 * page). Text in reading order, a line per block, `a | b` per table row; every leaf table (one
 * holding no other table: portals nest layout tables) as a grid.
 */
function walk(html: string): Walked {
  const out: string[] = [];
  let length = 0;
  const push = (s: string) => {
    out.push(s);
    length += s.length;
  };
  const grids: Grid[] = [];
  // Each leaf table's cells with where each cell's content starts in the walked text, so its value's evidence can point there.
  const starts: { cells: Cell[]; at: number }[] = [];
  let title: string | undefined;
  let metaDate: string | undefined;
  /** Open elements, innermost last (names lower-case). */
  const stack: string[] = [];
  /** Depth of the outermost open element whose content is not read (script, style …), or -1. */
  let skipFrom = -1;
  const tables: OpenTable[] = [];
  const cells: OpenCell[] = [];
  let titleText: string | undefined;
  let pending = '';
  // Text comes in chunks; it is one text node until the next tag.
  const flush = () => {
    if (!pending) return;
    const data = pending;
    pending = '';
    if (titleText !== undefined) titleText += data;
    if (skipFrom >= 0) return;
    for (const c of cells) c.text += data;
    push(data.replace(/[\r\n\t ]+/g, ' '));
  };
  const parser = new Parser(
    {
      // htmlparser2 lower-cases tag names in HTML mode.
      onopentag(name, attribs) {
        flush();
        const parent = stack[stack.length - 1];
        stack.push(name);
        const depth = stack.length;
        // The head is no text, but holds the page title and date: read those (its direct children) only.
        const noted = skipFrom < 0 || (parent === 'head' && skipFrom === depth - 1);
        if (noted && name === 'title' && title === undefined) titleText = '';
        if (noted && name === 'meta' && DATE_META.has((attribs.name ?? attribs.property ?? '').toLowerCase())) metaDate ??= attribs.content;
        if (skipFrom >= 0) return;
        if (SKIP.has(name)) {
          skipFrom = depth;
          return;
        }
        // Deeper markup is read as text only.
        if (depth > MAX_DEPTH) return;
        const table = tables[tables.length - 1];
        if (name === 'table') {
          for (const t of tables) t.nested = true;
          tables.push({ rows: [], nested: false, depth });
        } else if (name === 'tr' && table && (depth === table.depth + 1 || (depth === table.depth + 2 && ROW_GROUPS.has(parent)))) table.rows.push({ td: [] });
        else if ((name === 'td' || name === 'th') && table && parent === 'tr' && table.rows.length > 0 && trDepth(stack) === depth - 1 && rowOf(table, stack)) {
          const cell = { text: '', rowspan: span(attribs.rowspan), colspan: span(attribs.colspan), at: length };
          table.rows[table.rows.length - 1].td.push(cell);
          cells.push(cell);
        }
        if (BLOCK.has(name)) push('\n');
      },
      ontext(data) {
        pending += data;
      },
      onclosetag(name) {
        flush();
        const depth = stack.length;
        stack.pop();
        if (name === 'title' && titleText !== undefined) {
          title = foldSpace(titleText) || undefined;
          titleText = undefined;
        }
        if (skipFrom >= 0) {
          if (depth === skipFrom) skipFrom = -1;
          return;
        }
        if (depth > MAX_DEPTH) return;
        if (name === 'td' || name === 'th') {
          const table = tables[tables.length - 1];
          const row = table?.rows[table.rows.length - 1]?.td;
          if (row && cells.length > 0 && cells[cells.length - 1] === row[row.length - 1]) cells.pop();
          push(' | ');
        }
        if (name === 'table' && tables[tables.length - 1]?.depth === depth) {
          const t = tables.pop()!;
          if (!t.nested) grids.push(tableGrid(t, grids.length, starts));
        }
        if (BLOCK.has(name)) push('\n');
      },
    },
    { decodeEntities: true },
  );
  parser.end(html);
  flush();
  const joined = out.join('');
  const { text, at } = foldLines(
    joined,
    starts.map((s) => firstPrinted(joined, s.at)),
  );
  starts.forEach((s, i) => {
    for (const c of s.cells) if (c.text !== '' && at[i] !== undefined) c.loc.offset = at[i];
  });
  return { text, grids, title, metaDate };
}

const ROW_GROUPS = new Set(['thead', 'tbody', 'tfoot']);

/** Depth of the innermost open `tr`. */
const trDepth = (stack: string[]) => stack.lastIndexOf('tr') + 1;

/** Whether the innermost open `tr` is a row of `table` (its child, or a child of its thead/tbody/tfoot). */
function rowOf(table: OpenTable, stack: string[]): boolean {
  const tr = trDepth(stack);
  return tr === table.depth + 1 || (tr === table.depth + 2 && ROW_GROUPS.has(stack[table.depth]));
}

/** The first character at or after `i` that is not space: where a cell's printed text begins. */
function firstPrinted(s: string, i: number): number {
  while (i < s.length && isSpace(s[i])) i++;
  return i;
}

/**
 * The walked chunks as text: a line per block, whitespace folded, empty lines and lone `|` dropped.
 * `at[k]` is where the character at `marks[k]` (ascending, never a space) ends up in the text, so
 * a cell's offset points at its first printed character.
 */
function foldLines(joined: string, marks: number[]): { text: string; at: (number | undefined)[] } {
  const lines: string[] = [];
  const at: (number | undefined)[] = marks.map(() => undefined);
  let size = 0;
  let k = 0;
  for (let start = 0; start <= joined.length;) {
    const nl = joined.indexOf('\n', start);
    const end = nl < 0 ? joined.length : nl;
    const line = foldSpace(joined.slice(start, end));
    if (line !== '' && line !== '|') {
      const base = size + (lines.length ? 1 : 0);
      // Same folding as foldSpace, one character at a time, only on lines holding a mark.
      for (let i = start, o = 0, gap = false, begun = false; k < marks.length && marks[k] < end && i < end; i++) {
        if (isSpace(joined[i])) {
          gap = begun;
          continue;
        }
        if (gap) o++;
        gap = false;
        begun = true;
        while (k < marks.length && marks[k] === i) at[k++] = base + o;
        o++;
      }
      lines.push(line);
      size = base + line.length;
    }
    while (k < marks.length && marks[k] < end + 1) k++;
    start = end + 1;
  }
  return { text: lines.join('\n'), at };
}

/** Expands rowspan/colspan into a rectangular grid: a spanning cell repeats in every slot it covers. */
function tableGrid(table: OpenTable, index: number, starts: { cells: Cell[]; at: number }[]): Grid {
  const rows: Cell[][] = [];
  const trs = table.rows;
  trs.forEach((tr, r) => {
    rows[r] ??= [];
    let c = 0;
    for (const td of tr.td) {
      while (rows[r][c]) c++;
      const text = foldSpace(td.text);
      const slots: Cell[] = [];
      for (let dr = 0; dr < td.rowspan && r + dr < trs.length; dr++) {
        rows[r + dr] ??= [];
        for (let dc = 0; dc < td.colspan; dc++) slots.push((rows[r + dr][c + dc] = { text, raw: text, loc: { table: index, row: r, col: c } }));
      }
      starts.push({ cells: slots, at: td.at });
      c += td.colspan;
    }
  });
  return { index, rows: rows.map((row) => Array.from(row, (cell, c) => cell ?? { text: '', raw: '', loc: { table: index, col: c } })) };
}

/** Spans are clamped: a `colspan="100000"` must not allocate a huge row. */
const span = (v: string | undefined) => {
  const n = Number.parseInt(v ?? '1', 10);
  return Number.isFinite(n) && n >= 1 ? Math.min(n, 64) : 1;
};
