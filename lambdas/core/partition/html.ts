import { load } from 'cheerio/slim';
import type { AnyNode, Element } from 'domhandler';
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

/**
 * Presentational attributes, two thirds of a Word page's bytes: nothing here reads them, and
 * dropping them before the parse saves the parser a third of its work and the heap their strings.
 */
const PRESENTATION = /\s(?:style|class|lang)=(?:'[^']*'|"[^"]*"|[^\s>]*)/gi;

function walk(html: string): Walked {
  const root = load(html.replace(PRESENTATION, '')).root()[0] as unknown as AnyNode;
  const out: string[] = [];
  let length = 0;
  const push = (s: string) => {
    out.push(s);
    length += s.length;
  };
  const grids: Grid[] = [];
  // Where each grid cell's content starts in the walked text, so its value's evidence can point there.
  const cellsOf = new Map<Element, Cell[]>();
  const starts: { td: Element; at: number }[] = [];
  let title: string | undefined;
  let metaDate: string | undefined;
  const note = (el: Element): void => {
    if (el.name === 'title') title ??= foldSpace(textOf(el)) || undefined;
    if (el.name === 'meta' && DATE_META.has((el.attribs.name ?? el.attribs.property ?? '').toLowerCase())) metaDate ??= el.attribs.content;
  };
  const visit = (n: AnyNode, depth: number): void => {
    if (n.type === 'text') {
      push((n as unknown as { data: string }).data.replace(/[\r\n\t ]+/g, ' '));
      return;
    }
    if (n.type !== 'tag' && n.type !== 'root') return;
    const el = n as Element;
    const name = el.name?.toLowerCase();
    note(el);
    // The head is no text, but holds the page title and date: read those only.
    if (name === 'head') for (const c of el.children) if (c.type === 'tag') note(c as Element);
    if (name && SKIP.has(name)) return;
    if (name === 'table' && !hasTable(el)) grids.push(tableGrid(el, grids.length, cellsOf));
    const block = name !== undefined && BLOCK.has(name);
    if (block) push('\n');
    const cell = name === 'td' || name === 'th';
    if (cell && cellsOf.has(el)) starts.push({ td: el, at: length });
    if (depth < MAX_DEPTH) for (const c of el.children ?? []) visit(c, depth + 1);
    else push(textOf(el));
    if (cell) push(' | ');
    if (block) push('\n');
  };
  visit(root, 0);
  const joined = out.join('');
  const { text, at } = foldLines(
    joined,
    starts.map((s) => firstPrinted(joined, s.at)),
  );
  starts.forEach((s, i) => {
    for (const c of cellsOf.get(s.td)!) if (c.text !== '' && at[i] !== undefined) c.loc.offset = at[i];
  });
  return { text, grids, title, metaDate };
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

/** The nodes under `n` in document order, with an explicit stack: markup nested 100,000 deep must not overflow the call stack. */
function* descendants(n: AnyNode): Generator<AnyNode> {
  const stack: AnyNode[] = [...((n as Element).children ?? [])].reverse();
  while (stack.length > 0) {
    const c = stack.pop()!;
    yield c;
    const kids = (c as Element).children;
    if (kids) for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
  }
}

function textOf(n: AnyNode): string {
  if (n.type === 'text') return (n as unknown as { data: string }).data;
  let s = '';
  for (const c of descendants(n)) if (c.type === 'text') s += (c as unknown as { data: string }).data;
  return s;
}

function hasTable(el: Element): boolean {
  for (const c of descendants(el)) if (c.type === 'tag' && (c as Element).name === 'table') return true;
  return false;
}

/** The rows of a table, not of tables nested in it: tr directly or through thead/tbody/tfoot. */
function rowsOf(table: Element): Element[] {
  const rows: Element[] = [];
  for (const c of table.children) {
    if (c.type !== 'tag') continue;
    const e = c as Element;
    if (e.name === 'tr') rows.push(e);
    else if (e.name === 'thead' || e.name === 'tbody' || e.name === 'tfoot') rows.push(...rowsOf(e));
  }
  return rows;
}

/** Expands rowspan/colspan into a rectangular grid: a spanning cell repeats in every slot it covers. */
function tableGrid(table: Element, index: number, cellsOf: Map<Element, Cell[]>): Grid {
  const rows: Cell[][] = [];
  const trs = rowsOf(table);
  trs.forEach((tr, r) => {
    rows[r] ??= [];
    let c = 0;
    for (const td of tr.children) {
      if (td.type !== 'tag' || ((td as Element).name !== 'td' && (td as Element).name !== 'th')) continue;
      while (rows[r][c]) c++;
      const text = foldSpace(textOf(td));
      const rs = span((td as Element).attribs.rowspan);
      const cs = span((td as Element).attribs.colspan);
      const slots: Cell[] = [];
      for (let dr = 0; dr < rs && r + dr < trs.length; dr++) {
        rows[r + dr] ??= [];
        for (let dc = 0; dc < cs; dc++) slots.push((rows[r + dr][c + dc] = { text, raw: text, loc: { table: index, row: r, col: c } }));
      }
      cellsOf.set(td as Element, slots);
      c += cs;
    }
  });
  return { index, rows: rows.map((row) => Array.from(row, (cell, c) => cell ?? { text: '', raw: '', loc: { table: index, col: c } })) };
}

/** Spans are clamped: a `colspan="100000"` must not allocate a huge row. */
const span = (v: string | undefined) => {
  const n = Number.parseInt(v ?? '1', 10);
  return Number.isFinite(n) && n >= 1 ? Math.min(n, 64) : 1;
};
