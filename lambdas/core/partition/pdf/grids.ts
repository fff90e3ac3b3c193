import type { Cell, Grid } from '../../types';
import { isNumeric, joinCjk, lineText, NUMBERED, toSegment, type Line, type Segment, type Token } from './layout';

/**
 * Rebuilds the standard tables from positioned lines. A table is a run of lines between breakers
 * (section headings, 第二十条 clause lines, full-width prose) that holds value lines (lines with
 * separate numbers). Value columns come from the numbers' x positions and the header's column
 * fragments; each value line is a row; label text around it (wrapped lines, labels printed once
 * in the middle of the rows they span) is merged back into the rows. A run may cross pages
 * (page furniture is gone by then), so a table broken over pages stays one grid.
 *
 * Row shape: `[...group labels (outer first), item label, ...one cell per value column]` when the
 * table has a label column, else just the value cells; empty string where nothing is printed.
 * Header rows come first: one row per spanning-header line (text repeated over the columns it
 * covers), then one row with each column's stacked header text.
 */
export function buildGrids(lines: Line[], contentWidth: number, options: GridOptions = {}): Grid[] {
  const grids: Grid[] = [];
  let run: Line[] = [];
  const flush = () => {
    const grid = run.some(isValueLine) ? tableGrid(run, grids.length, options) : undefined;
    if (grid) grids.push(grid);
    run = [];
  };
  for (const l of lines) {
    if (isBreaker(l, contentWidth)) flush();
    else run.push(l);
  }
  flush();
  return grids;
}

export interface GridOptions {
  /**
   * How far apart (points) two figures of different lines may lie and still be one column. A PDF places
   * them exactly; a text dump rounds each to a character cell, so a figure centred in a wide cell lands a
   * column or two off its neighbours'.
   */
  slack?: number;
  /**
   * Tables' column titles in the form's order (squeezed), each list one table's. A header that names some
   * of them places the number columns between the titles it names: a text dump that laid out a page of a
   * sparse table on its own prints titles only over the blank columns (those over the figures were on the
   * page before), and letter-spaced titles (`社 会`) may not group by position alone.
   */
  titles?: readonly (readonly string[])[];
}

/** Whether any line is a table row as buildGrids sees one (a value line that is not prose): a table may be there. */
export const holdsTableRow = (lines: Line[], contentWidth: number) => lines.some((l) => isValueLine(l) && !isBreaker(l, contentWidth));

const squeeze = (s: string) => s.replace(/\s+/g, '');
const numericSegs = (l: Line) => (l.vertical ? [] : l.segs.filter((s) => isNumeric(squeeze(s.text))));
/** What forms print in an empty cell instead of leaving it blank. */
const PLACEHOLDER = /^[-—–－/／]+$/;
/** A table row: a separate number, or a row of placeholders (`— — —`) with nothing to report. */
const isValueLine = (l: Line) => numericSegs(l).length > 0 || (!l.vertical && l.segs.filter((s) => PLACEHOLDER.test(squeeze(s.text))).length >= 2);

/** Lines that end a table: prose, section headings, 第二十条 clause lines. */
function isBreaker(l: Line, contentWidth: number): boolean {
  if (l.vertical) return false;
  const t = squeeze(lineText(l));
  const width = l.segs[l.segs.length - 1].x2 - l.segs[0].x;
  const han = t.match(/\p{Script=Han}/gu)?.length ?? 0;
  const textSegs = l.segs.length - numericSegs(l).length;
  // Prose, even with a figure in it (`2023 年，…`, `…处理费 0 元。`): one run of text across the page, a line
  // closing a sentence, or a paragraph's last line (`件。`); table labels do not end a sentence.
  const prose =
    (han >= 16 && width >= 0.75 * contentWidth && textSegs === 1) || (han >= 8 && /[。；]$/.test(t) && textSegs <= 2) || (/。$/.test(t) && l.segs.length === 1);
  if (prose && numericSegs(l).length <= 1 && !isNumeric(squeeze(l.segs[l.segs.length - 1].text))) return true;
  if (isValueLine(l)) return false;
  if (/^第[二十]+条/.test(t)) return true;
  if (l.segs.length === 1 && /^[一二三四五六七八九十]+、.{2,30}(?:情况|事项|措施|安排|计划|方向|举措)$/.test(t)) return true;
  return l.segs.length === 1 && t.length >= 20 && width >= 0.6 * contentWidth;
}

interface Column {
  x: number;
  x2: number;
  lo: number;
  hi: number;
}

interface Fragment {
  text: string;
  raw: string;
  x: number;
  x2: number;
  top: number;
  bottom: number;
  fs: number;
  page: number;
  y: number;
  /** Index of the value row whose line carries this fragment. */
  row?: number;
  vertical: boolean;
}

interface Block {
  frags: Fragment[];
  x: number;
  x2: number;
  top: number;
  bottom: number;
  row?: number;
}

interface Row {
  line: Line;
  values: Segment[][];
  labels: Block[];
  item?: Block;
}

function tableGrid(run: Line[], index: number, options: GridOptions): Grid | undefined {
  const firstValue = run.findIndex(isValueLine);
  const numbered = columns(run, firstValue, options.slack ?? 0.5);
  if (numbered.length === 0) return undefined;
  const body = bodyStart(run, firstValue, numbered[0].x);
  const cols = withBlankColumns(numbered, run.slice(0, body), options.titles ?? [], Math.max(TITLE_REACH, options.slack ?? 0));
  const labelEdge = cols[0].x - 2;
  const rows: Row[] = [];
  const frags: Fragment[] = [];
  const headerFrags: Fragment[] = [];
  for (let i = 0; i < run.length; i++) {
    const l = run[i];
    const value = i >= firstValue && isValueLine(l);
    const row: Row | undefined = value ? { line: l, values: cols.map(() => []), labels: [] } : undefined;
    if (row) rows.push(row);
    for (const s of i < body ? l.segs.flatMap((x) => splitAtColumns(x, cols)) : l.segs) {
      const f = fragment(s, l, row ? rows.length - 1 : undefined);
      if (!l.vertical && s.x >= labelEdge && s.x2 > cols[0].x) {
        if (i < body) headerFrags.push(f);
        else placeValue(rows, row, cols, s);
      } else if (i < body && !l.vertical) headerFrags.push(f);
      else frags.push(f);
    }
  }
  if (rows.length === 0) return undefined;
  const blocks = labelBlocks(frags, rows);
  const { groups, rows: all } = assignBlocks(blocks, rows);
  const spans = groupSpans(groups, all);
  const hasLabels = blocks.length > 0 || headerFrags.some((f) => f.x2 <= cols[0].x);
  const out = [...headerRows(headerFrags, cols, hasLabels), ...all.map((r, i) => valueRow(r, spans.get(i) ?? [], cols, hasLabels))];
  return { index, rows: out.map((cells, row) => cells.map((c, col) => ({ ...c, loc: { ...c.loc, table: index, row, col } }))) };
}

/**
 * The first line of the table body: the first value line, or above it the label lines wrapped over it
 * (label column only, each within a line's spacing of the next), which are not header.
 */
function bodyStart(run: Line[], firstValue: number, valueX: number): number {
  let i = firstValue;
  while (i > 0) {
    const l = run[i - 1];
    if (l.vertical || l.segs.some((s) => s.x2 > valueX) || run[i].top - l.top > 1.8 * l.fs) break;
    i--;
  }
  return i;
}

/**
 * Value columns: x-intervals of the numbers (and placeholders), merged where they overlap, except that two
 * values of one line are never one column (a wide number reaching into the next column).
 */
function columns(run: Line[], firstValue: number, slack: number): Column[] {
  const iv: { x: number; x2: number; line: number }[] = [];
  run.forEach((l, i) => {
    if (i < firstValue || !isValueLine(l)) return;
    for (const s of l.segs) if (isNumeric(squeeze(s.text)) || PLACEHOLDER.test(squeeze(s.text))) iv.push({ x: s.x, x2: s.x2, line: i });
  });
  iv.sort((a, b) => a.x - b.x);
  const merged: { x: number; x2: number; lines: Set<number> }[] = [];
  for (const v of iv) {
    const last = merged[merged.length - 1];
    if (last && v.x <= last.x2 + slack && !last.lines.has(v.line)) {
      last.x2 = Math.max(last.x2, v.x2);
      last.lines.add(v.line);
    } else merged.push({ x: v.x, x2: v.x2, lines: new Set([v.line]) });
  }
  return bounded(merged);
}

/** Columns from x-extents in order: each reaches halfway to its neighbours' centres, the outer ones without end. */
function bounded(spans: { x: number; x2: number }[]): Column[] {
  const c = spans.map((k) => (k.x + k.x2) / 2);
  return spans.map((k, i) => ({
    x: k.x,
    x2: k.x2,
    lo: i === 0 ? -Infinity : (c[i - 1] + c[i]) / 2,
    hi: i === spans.length - 1 ? Infinity : (c[i] + c[i + 1]) / 2,
  }));
}

/**
 * Columns printed blank in every row have no number to be found by: their extents come from the header's
 * column titles (wrapped titles stack in x). Only a title group over no number column, between two number
 * columns and clear of them, adds a column (a note over the table's right is no column). A header that does
 * not match the number columns one to one adds none by position alone, but where it names columns of a
 * table (`titles`), the titles it names place the number columns (`byTitles`). Numbers keep their columns.
 */
function withBlankColumns(cols: Column[], header: Line[], titles: readonly (readonly string[])[], reach: number): Column[] {
  if (cols.length < 2) return cols;
  const extents = titleExtents(cols, header);
  const placed = byPosition(cols, extents);
  return (placed && namedFit(placed, extents, titles) ? placed : undefined) ?? byTitles(cols, extents, titles, reach) ?? cols;
}

/**
 * Whether columns leave room for the titles a header names: between two columns under named titles of one
 * table stand no more columns than the table has titles between them. A title wrapped over two lines that
 * a dump laid out a column apart (`商业企` left of its figures, `业` over them) is no blank column of its own.
 */
function namedFit(cols: Column[], extents: Extent[], titles: readonly (readonly string[])[]): boolean {
  return titles.every((list) => {
    const named = cols.flatMap((k, j) => {
      const over = extents.filter((e) => overColumn(e, k) && list.includes(titleText(e)));
      return over.length === 1 ? [{ j, i: list.indexOf(titleText(over[0])) }] : [];
    });
    return named.every((a, n) => n === 0 || a.j - named[n - 1].j <= a.i - named[n - 1].i);
  });
}

interface Extent {
  x: number;
  x2: number;
  fs: number;
  /** The title's pieces, to be read top to bottom. */
  parts: { text: string; top: number; x: number }[];
}

/** The header's title groups over and between the number columns: pieces stacked in x are one title. */
function titleExtents(cols: Column[], header: Line[]): Extent[] {
  const over = (s: { x: number; x2: number }) => cols.filter((k) => overlaps(s, k) || (s.x <= k.x && k.x <= s.x2));
  // Titles of neighbouring columns can share a segment (`商业科研`); a title over two number columns spans them.
  const segs = header
    .flatMap((l) => (l.vertical ? [] : l.segs.flatMap((s) => splitWhere(s, (prev, t) => t.x - prev.x2 > 0.3 * t.fs).map((x) => ({ s: x, top: l.top })))))
    .filter(({ s }) => s.x2 > cols[0].x && over(s).length <= 1);
  // Narrowest first, so a title spanning several columns' titles (`法人或其他组织`) meets them and is left out.
  const extents: Extent[] = [];
  for (const { s, top } of [...segs].sort((a, b) => a.s.x2 - a.s.x - (b.s.x2 - b.s.x))) {
    const under = extents.filter((e) => s.x < e.x2 + 0.25 * s.fs && e.x < s.x2 + 0.25 * s.fs);
    const part = { text: s.text, top, x: s.x };
    if (under.length === 1) {
      under[0].x = Math.min(under[0].x, s.x);
      under[0].x2 = Math.max(under[0].x2, s.x2);
      under[0].parts.push(part);
    } else if (under.length === 0) extents.push({ x: s.x, x2: s.x2, fs: s.fs, parts: [part] });
  }
  return extents.sort((a, b) => a.x - b.x);
}

/** How far (points) a title may stand beside a number column and still be over it, in a PDF. */
const TITLE_REACH = 2;
const overColumn = (e: { x: number; x2: number }, k: Column, reach = TITLE_REACH) => e.x <= k.x2 + reach && k.x <= e.x2 + reach;

/** Blank columns where each number column has one title group over it: the groups over none, between two number columns. */
function byPosition(cols: Column[], extents: Extent[]): Column[] | undefined {
  if (cols.some((k) => extents.filter((e) => overColumn(e, k)).length !== 1)) return undefined;
  const blank = extents.filter((e) => !cols.some((k) => overlaps(e, k) || (e.x <= k.x && k.x <= e.x2)));
  const fits = (e: Extent) => e.x > cols[0].x2 && e.x2 < cols[cols.length - 1].x && cols.every((k) => k.x - e.x2 >= 0.5 * e.fs || e.x - k.x2 >= 0.5 * e.fs);
  if (blank.length === 0 || !blank.every(fits)) return cols;
  return bounded([...cols, ...blank].sort((a, b) => a.x - b.x));
}

const titleText = (e: Extent) =>
  joinCjk(
    [...e.parts]
      .sort((a, b) => a.top - b.top || a.x - b.x)
      .map((p) => p.text)
      .join(''),
  ).replace(/\s+/g, '');

/**
 * The number columns placed by the titles the header names of one table: a number column under a named
 * title (within `reach`: a dump rounds each line to character cells, so a figure stands a column or two
 * beside its title) is that column; one between two named titles (or before the first, after the last) is the only
 * column of the table the order leaves there, or nothing is placed. The table's first and last columns
 * must hold numbers and the named titles stand between them (a header packed apart from the figures, as
 * a dump may lay out the header's block on a scale of its own, places nothing), so every blank column lies
 * between number columns: it is added where its title stands, or between the columns beside it when its
 * title was not read.
 */
function byTitles(cols: Column[], extents: Extent[], titles: readonly (readonly string[])[], reach: number): Column[] | undefined {
  for (const list of titles) {
    const anchors = extents.flatMap((e) => {
      const i = list.indexOf(titleText(e));
      return i < 0 ? [] : [{ e, i }];
    });
    // In the titles' order, and spread over the figures: a header packed apart from them (a dump lays blocks out on scales of their own) places nothing.
    const within = (e: Extent) => e.x2 > cols[0].x && e.x < cols[cols.length - 1].x2;
    if (anchors.length < 2 || anchors.some((a, j) => (j > 0 && a.i <= anchors[j - 1].i) || !within(a.e))) continue;
    const at = cols.map((k) => {
      const over = anchors.filter((a) => overColumn(a.e, k, reach));
      if (over.length) return over.length === 1 ? over[0].i : -1;
      const left = anchors.filter((a) => a.e.x2 < k.x).pop();
      const right = anchors.find((a) => a.e.x > k.x2);
      const lo = left ? left.i + 1 : 0;
      const hi = right ? right.i - 1 : list.length - 1;
      return lo === hi ? lo : -1;
    });
    if (at.some((i, j) => i < 0 || (j > 0 && i <= at[j - 1])) || at[0] !== 0 || at[at.length - 1] !== list.length - 1) continue;
    const known = new Map<number, { x: number; x2: number }>([...anchors.map((a) => [a.i, a.e] as const), ...at.map((i, j) => [i, cols[j]] as const)]);
    const spans = list.map((_, i) => {
      const own = known.get(i);
      if (own) return { x: own.x, x2: own.x2 };
      const left = Math.max(...[...known.keys()].filter((k) => k < i));
      const right = Math.min(...[...known.keys()].filter((k) => k > i));
      const x = known.get(left)!.x2 + ((known.get(right)!.x - known.get(left)!.x2) * (i - left)) / (right - left);
      return { x, x2: x };
    });
    return bounded(spans);
  }
  return undefined;
}

/** Header characters of neighbouring columns can sit closer than a word gap (`商业 科研`): split where they change column or leave the label column. */
function splitAtColumns(s: Segment, cols: Column[]): Segment[] {
  const zone = (t: { x: number; x2: number }) => (t.x2 <= cols[0].x ? -1 : colOf(cols, t.x, t.x2));
  return splitWhere(s, (prev, t) => zone(prev) !== zone(t));
}

/** A segment cut between two of its text runs (pdf.js items) set apart by more than a tenth of an em, where `cut` says so. */
function splitWhere(s: Segment, cut: (prev: Token, t: Token) => boolean): Segment[] {
  const out: Segment[] = [];
  let cur = [s.parts[0]];
  for (const t of s.parts.slice(1)) {
    const prev = cur[cur.length - 1];
    if ((t.item !== prev.item || t.x - prev.x2 > 0.1 * t.fs) && cut(prev, t)) {
      out.push(toSegment(cur));
      cur = [];
    }
    cur.push(t);
  }
  out.push(toSegment(cur));
  return out;
}

const colOf = (cols: Column[], x: number, x2: number) => {
  const c = (x + x2) / 2;
  return Math.max(
    0,
    cols.findIndex((k) => c >= k.lo && c < k.hi),
  );
};

/** Value-column text of a value line goes to its row; of a line between rows (a wrapped cell), to the row above. */
function placeValue(rows: Row[], row: Row | undefined, cols: Column[], s: Segment) {
  const target = row ?? rows[rows.length - 1];
  if (target) target.values[colOf(cols, s.x, s.x2)].push(s);
}

function fragment(s: Segment, l: Line, row: number | undefined): Fragment {
  return { text: s.text, raw: s.raw, x: s.x, x2: s.x2, top: l.top, bottom: l.bottom, fs: s.fs, page: l.page, y: s.y, row, vertical: l.vertical };
}

const overlaps = (a: { x: number; x2: number }, b: { x: number; x2: number }) => a.x < b.x2 && b.x < a.x2;

/** Blocks are made top to bottom, so a wrapped line can only continue one of the last few. */
const RECENT = 24;

/**
 * Label lines joined into the cell they were wrapped in: close below, overlapping in x, not starting a new numbered
 * label. A line under a row's one-line label that sits just above a row with no label of its own in that column
 * heads that row instead (`规章  0 0 0` / `行政规范性文` / `49 2 136`, a text dump rounding lines apart).
 */
function labelBlocks(frags: Fragment[], rows: Row[] = []): Block[] {
  const own = (r: number, f: Fragment) => frags.some((g) => g.row === r && overlaps(g, f));
  const heads = (f: Fragment) => {
    const r = rows.findIndex((x) => x.line.top > f.top);
    return r >= 0 && rows[r].line.top - f.bottom <= 1.8 * f.fs && !own(r, f);
  };
  const blocks: Block[] = [];
  for (const f of [...frags].sort((a, b) => a.top - b.top || a.x - b.x)) {
    const b =
      f.vertical || NUMBERED.test(f.text)
        ? undefined
        : blocks
            .slice(-RECENT)
            .reverse()
            .find(
              (k) =>
                !k.frags[0].vertical &&
                overlaps(k, f) &&
                f.top - k.bottom <= 1.8 * f.fs &&
                f.top > k.bottom &&
                !(k.row !== undefined && f.row !== undefined && k.row !== f.row) &&
                !(k.row !== undefined && k.frags.length === 1 && f.row === undefined && heads(f)),
            );
    if (b) {
      b.frags.push(f);
      b.x = Math.min(b.x, f.x);
      b.x2 = Math.max(b.x2, f.x2);
      b.bottom = f.bottom;
      b.row ??= f.row;
    } else blocks.push({ frags: [f], x: f.x, x2: f.x2, top: f.top, bottom: f.bottom, row: f.row });
  }
  return blocks;
}

/** Index of the row whose line is nearest to `top` (rows are in document order). */
function nearestRow(rows: Row[], top: number): number | undefined {
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (rows[mid].line.top < top) lo = mid + 1;
    else hi = mid;
  }
  const near = [lo - 1, lo].filter((i) => i >= 0 && i < rows.length);
  return near.sort((a, b) => Math.abs(rows[a].line.top - top) - Math.abs(rows[b].line.top - top))[0];
}

/**
 * A label between two rows, one of which has its own label on its line in this column and the other none: it is
 * the other's (a value line with its label printed above it, as a text dump's rounding to lines leaves it). But
 * where the other is a lone figure on the line next to a row with its own label beyond it, the figure may as well
 * be the end of that row's figure wrapped in its narrow cell (`10` above the row, `9` below it): the label is then
 * a row printed blank (`'blank'`), and the figure is left to the rows' identities (tables/wrapped-figures.ts).
 */
function freeRow(b: Block, all: Row[], rows: Row[], blocks: Block[]): number | 'blank' | undefined {
  const c = centre(b);
  const below = all.findIndex((r) => r.line.top > c);
  const above = below < 0 ? all.length - 1 : below - 1;
  if (below <= 0 || above < 0) return undefined;
  const own = (r: Row) => blocks.some((k) => k.row !== undefined && rows[k.row] === r && (overlaps(k, b) || k.x >= b.x));
  const [a, z] = [own(all[above]), own(all[below])];
  if (a === z) return undefined;
  const free = a ? below : above;
  const beyond = all[a ? below + 1 : above - 1];
  const lone = all[free].line.segs.length === 1 && /^\d+$/.test(squeeze(all[free].line.segs[0].text));
  return lone && beyond && own(beyond) && Math.abs(beyond.line.top - all[free].line.top) <= 1.8 * all[free].line.fs ? 'blank' : free;
}

/** A row printed blank: its label alone, no line of its own. */
function blankRow(b: Block, width: number): Row {
  const f = b.frags[0];
  const line: Line = { page: f.page, y: f.y, top: b.top, bottom: b.bottom, fs: f.fs, segs: [], vertical: false };
  return { line, values: Array.from({ length: width }, () => []), labels: [b], item: b };
}

/**
 * A label line at the top of a page, above the page's first row and not starting a numbered label, ends the
 * label of the last row of the previous page (a row broken by the page break) when it sits in that label's column.
 */
function pageTopContinuation(b: Block, rows: Row[]): number | undefined {
  const f = b.frags[0];
  if (f.vertical || NUMBERED.test(f.text)) return undefined;
  const next = rows.findIndex((r) => r.line.page >= f.page);
  if (next <= 0 || rows[next].line.page !== f.page || rows[next].line.top <= b.bottom) return undefined;
  const prev = rows[next - 1];
  const item = prev.labels.reduce<Block | undefined>((a, k) => (!a || k.x > a.x ? k : a), undefined);
  return prev.line.page < f.page && item && overlaps(item, b) ? next - 1 : undefined;
}

const centre = (b: Block) => (b.top + b.bottom) / 2;
/** How far a block lies above or below a line; 0 when it spans the line. */
const offLine = (b: Block, l: Line) => Math.max(0, b.top - l.top, l.top - b.bottom);

/**
 * Each block goes to the row on its line, else to the nearest row. A row's rightmost block is its
 * item label; blocks left of it are group labels (`（三）不予公开`, `三、本年度办理结果`) and are returned.
 * Numbered labels in the item column besides the row's own (the one nearest its line) are rows printed
 * blank, with no line of their own: they become rows of blank cells, placed among the others by position.
 */
function assignBlocks(blocks: Block[], rows: Row[]): { groups: Block[]; rows: Row[] } {
  let all = rows;
  const blankItems = new Set<Block>();
  const items = pastGroups(blocks);
  for (;;) {
    for (const r of all) r.labels = r.item && blankItems.has(r.item) ? [r.item] : [];
    const found: Row[] = [];
    for (const b of blocks) {
      if (blankItems.has(b)) continue;
      const at = b.row === undefined ? (pageTopContinuation(b, all) ?? freeRow(b, all, rows, blocks) ?? nearestRow(all, centre(b))) : undefined;
      if (at === 'blank') {
        blankItems.add(b);
        found.push(blankRow(b, rows[0].values.length));
      } else (b.row !== undefined ? rows[b.row] : all[at ?? -1])?.labels.push(b);
    }
    const last = all[all.length - 1];
    for (const row of all) {
      if (row.labels.length === 0 || (row.item && blankItems.has(row.item))) continue;
      // A numbered label below the table's last row is a last row printed blank, not a group label.
      const below = row === last ? row.labels.filter((b) => !b.frags[0].vertical && b.top > row.line.bottom && NUMBERED.test(b.frags[0].text)) : [];
      for (const b of [...itemOf(row, items).blank, ...below.slice(0, 1)]) {
        blankItems.add(b);
        found.push(blankRow(b, row.values.length));
      }
    }
    if (found.length === 0) break;
    all = [...all, ...found].sort((a, b) => a.line.top - b.line.top);
  }
  const groups: Block[] = [];
  for (const row of all) {
    if (row.labels.length === 0) continue;
    const { item, blank } = row.item && blankItems.has(row.item) ? { item: row.item, blank: [] } : itemOf(row, items);
    const parts = row.labels.filter((b) => b === item || (overlaps(b, item) && !blank.includes(b)));
    row.item = { ...item, frags: parts.flatMap((b) => b.frags).sort((a, b) => a.top - b.top || a.x - b.x), x: Math.min(...parts.map((b) => b.x)) };
    groups.push(...row.labels.filter((b) => !parts.includes(b) && !blank.includes(b)));
  }
  return { groups: mergeStacks(groups, all), rows: all };
}

/**
 * Labels numbered like group labels (`（七）总计`) that stand right of another such label, clear of its column: the
 * groups of one level share a column, so these are items (a row of its own), never groups.
 */
function pastGroups(blocks: Block[]): Set<Block> {
  const paren = blocks.filter((b) => !b.frags[0].vertical && numbering(blockText(b)) === 'paren');
  return new Set(paren.filter((b) => paren.some((g) => g.x2 <= b.x)));
}

/**
 * A row's item label, its rightmost block, and the numbered labels in that column besides the one nearest the row's
 * line. Items numbered `1.` `2.` are the form's leaves, never group labels: all of them are in the item column, also
 * where a short one centred in its cell (`2.重复申请`) stands right of the others' text. So are `items` past the
 * group labels' column: `（七）总计` on its line is its row's item, and the blank row `3.其他` printed right of it a
 * line above is a row of its own.
 */
function itemOf(row: Row, items: Set<Block>): { item: Block; blank: Block[] } {
  const right = row.labels.reduce((a, b) => (b.x > a.x ? b : a));
  const leaf = (b: Block) => numbering(blockText(b)) === 'arabic';
  const numbered = row.labels.filter((b) => (b === right || overlaps(b, right) || (leaf(b) && leaf(right)) || items.has(b)) && NUMBERED.test(b.frags[0].text));
  if (numbered.length < 2) return { item: right, blank: [] };
  // On a tie the rightmost: a group label (`（四）`) may reach into the item column on the same line.
  const item = numbered.reduce((a, b) => (offLine(b, row.line) < offLine(a, row.line) || (offLine(b, row.line) === offLine(a, row.line) && b.x > a.x) ? b : a));
  return { item, blank: numbered.filter((b) => b !== item) };
}

/** Group labels printed one character or a few per line (vertical headers) are put back together. */
function mergeStacks(groups: Block[], rows: Row[]): Block[] {
  const out: Block[] = [];
  for (const g of [...groups].sort((a, b) => a.top - b.top)) {
    const prev = out
      .slice(-RECENT)
      .reverse()
      .find((k) => overlaps(k, g));
    const text = g.frags.map((f) => f.text).join('');
    const blocked = (k: Block) => rows.some((r) => r.line.top > k.bottom && r.line.top < g.top && r.item && overlaps(r.item, k));
    if (prev && prev.frags[0].page === g.frags[0].page && !NUMBERED.test(text) && !blocked(prev)) {
      prev.frags.push(...g.frags);
      prev.x = Math.min(prev.x, g.x);
      prev.x2 = Math.max(prev.x2, g.x2);
      prev.bottom = Math.max(prev.bottom, g.bottom);
    } else out.push({ ...g, frags: [...g.frags] });
  }
  return out;
}

/**
 * The rows a group label spans: it is printed in the middle of them, so walk both ways from its position
 * over rows whose labels are indented past it; a row with a label under the group's column ends the span.
 * Where two groups of the same column reach the same row, the nearer one keeps it.
 */
function groupSpans(groups: Block[], rows: Row[]): Map<number, Block[]> {
  const claims = new Map<number, Claim[]>();
  for (const g of groups) {
    const c = centre(g);
    let pos = rows.findIndex((r) => r.line.top >= c - 0.5 * g.frags[0].fs);
    if (pos < 0) pos = rows.length;
    const onRow = pos < rows.length && Math.abs(rows[pos].line.top - c) <= 0.5 * g.frags[0].fs;
    const p = onRow ? pos : pos - 0.5;
    const kind = numbering(blockText(g));
    const inside = (r: Row) => !r.item || (r.item.x >= g.x2 - 1 && !overlaps(r.item, g) && (!kind || numbering(blockText(r.item)) !== kind));
    for (const dir of [-1, 1]) {
      for (let i = dir < 0 ? Math.floor(p) : Math.ceil(p); i >= 0 && i < rows.length && inside(rows[i]); i += dir) {
        const list = claims.get(i) ?? [];
        if (!list.some((k) => k.g === g)) list.push({ g, p, d: Math.abs(i - p) });
        claims.set(i, list);
      }
    }
  }
  const spans = new Map<number, Block[]>();
  for (const [i, list] of claims) {
    const kept = list.filter((k) => !list.some((o) => o !== k && overlaps(o.g, k.g) && prefer(o, k, i, rows)));
    spans.set(
      i,
      kept.map((k) => k.g).sort((a, b) => a.x - b.x),
    );
  }
  return spans;
}

/** The numbering style of a label: a row numbered like its group label (`（七）总计` after `（六）其他处理`) is its sibling, not its child. */
function numbering(text: string): string | undefined {
  if (/^[（(][一二三四五六七八九十]+[)）]/.test(text)) return 'paren';
  if (/^[一二三四五六七八九十]+[、．.]/.test(text)) return 'han';
  if (/^\d+\s*[.、．](?!\d)/.test(text)) return 'arabic';
  return undefined;
}

interface Claim {
  g: Block;
  /** The group's position in row units. */
  p: number;
  d: number;
}

const FIRST_ITEM = /^(?:1|一)\s*[.、．]/;

/**
 * Whether group `a` rather than `b` owns row `i` they both reach. Items restart at `1.` under a new group,
 * so between the two groups the row where numbering restarts is the border; else the nearer group
 * wins, and on a tie the one above (a label centred on a page's part of a table broken over pages sits high).
 */
function prefer(a: Claim, b: Claim, i: number, rows: Row[]): boolean {
  const [up, down] = a.p < b.p ? [a, b] : [b, a];
  if (up.p < i && i < down.p) {
    for (let j = Math.floor(up.p) + 1; j <= Math.ceil(down.p) && j < rows.length; j++) {
      const item = rows[j].item;
      if (item && FIRST_ITEM.test(blockText(item))) return i < j === (a === up);
    }
  }
  return a.d < b.d || (a.d === b.d && a === up);
}

const blockText = (b: Block) => joinCjk(b.frags.map((f) => f.text).join(b.frags[0].vertical ? '' : ' '));
const blockRaw = (b: Block) => b.frags.map((f) => f.raw).join('\n');

function labelCell(b: Block | undefined, line: Line): Cell {
  if (!b) return { text: '', raw: '', loc: { page: line.page } };
  const f = b.frags[0];
  return { text: blockText(b), raw: blockRaw(b), loc: { page: f.page, x: round(f.x), y: round(f.y) } };
}

/** A value row's cells; `table`, `row` and `col` of each locator are set once the grid is assembled. */
function valueRow(r: Row, groups: Block[], cols: Column[], hasLabels: boolean): Cell[] {
  const cells: Cell[] = hasLabels ? [...groups.map((g) => labelCell(g, r.line)), labelCell(r.item, r.line)] : [];
  r.values.forEach((segs, c) => {
    const sorted = segs.sort((a, b) => b.y - a.y || a.x - b.x);
    const first = sorted[0];
    cells.push({
      text: joinCjk(sorted.map((s) => s.text).join(' ')),
      raw: sorted.map((s) => s.raw).join(' '),
      loc: { page: r.line.page, x: round(first ? first.x : (cols[c].x + cols[c].x2) / 2), y: round(first ? first.y : r.line.y) },
    });
  });
  return cells;
}

/**
 * Header rows: spanning fragments by line (repeated over the columns they cover), then one row of column
 * headers. A column header lies (mostly) over one column and is stacked down to the column's bottom-most
 * header line (`商业` over `企业`); a fragment over a column but apart from that stack heads a wider group.
 */
function headerRows(frags: Fragment[], cols: Column[], hasLabels: boolean): Cell[][] {
  if (frags.length === 0) return [];
  const overlap = (f: Fragment, k: Column) => Math.max(0, Math.min(f.x2, k.hi) - Math.max(f.x, k.lo));
  const main = (f: Fragment) => cols.reduce((best, k, i) => (overlap(f, k) > overlap(f, cols[best]) ? i : best), 0);
  const label = frags.filter((f) => f.x2 <= cols[0].x);
  const columnFrags: Fragment[] = [];
  cols.forEach((_, c) => {
    const stack = frags.filter((f) => !label.includes(f) && main(f) === c && overlap(f, cols[c]) >= 0.7 * (f.x2 - f.x)).sort((a, b) => b.top - a.top);
    let edge = stack[0]?.top;
    for (const f of stack) {
      if (edge - f.top > 2.5 * f.fs) break;
      columnFrags.push(f);
      edge = f.top;
    }
  });
  const spanning = frags.filter((f) => !label.includes(f) && !columnFrags.includes(f));
  const covered = (f: Fragment) => cols.map((k, i) => (i === main(f) || overlap(f, k) >= 0.15 * (f.x2 - f.x) ? i : -1)).filter((i) => i >= 0);
  const lead = hasLabels ? 1 : 0;
  const rows: Cell[][] = [];
  for (const top of [...new Set(spanning.map((f) => f.top))].sort((a, b) => a - b)) {
    const cells: Cell[] = Array.from({ length: lead + cols.length }, () => ({ text: '', raw: '', loc: {} }));
    for (const f of spanning.filter((x) => x.top === top)) for (const c of covered(f)) cells[lead + c] = headerCell([f]);
    rows.push(cells);
  }
  const cells: Cell[] = hasLabels ? [headerCell(label)] : [];
  cols.forEach((_, c) => cells.push(headerCell(columnFrags.filter((f) => main(f) === c))));
  rows.push(cells);
  return rows;
}

function headerCell(frags: Fragment[]): Cell {
  const fs = frags.sort((a, b) => a.top - b.top || a.x - b.x);
  const f = fs[0];
  return {
    text: joinCjk(fs.map((x) => x.text).join(' ')),
    raw: fs.map((x) => x.raw).join('\n'),
    loc: f ? { page: f.page, x: round(f.x), y: round(f.y) } : {},
  };
}

const round = (n: number) => Math.round(n * 10) / 10;
