import type { Cell, Finding } from '../../types';
import { isNumeric, joinCjk, NUMBERED, type Token } from './layout';
import { horizontal, type Rule } from './ruling';

/**
 * Tables drawn with a grid: the cells come from the page's rules, never from where the numbers happen to
 * be. Column boundaries are the vertical rules, row boundaries the horizontal ones; a boundary left
 * undrawn between two cells merges them (a spanning cell, repeated over the columns and rows it covers,
 * as HTML spans are). Every text run goes into the cell whose box holds its centre, so wrapped labels,
 * wrapped header titles and numbers at any alignment join their cell, and a blank cell stays blank.
 */
export interface RuledTable {
  page: number;
  /** Region in page points: left, right, bottom, top. */
  x1: number;
  x2: number;
  y1: number;
  y2: number;
  /** Column boundaries, left to right. */
  xs: number[];
  /** One row per band between horizontal rules that holds text, top to bottom. */
  rows: Cell[][];
  /** Whether each cell of `rows` starts in that row (false: the continuation of a cell spanning rows). */
  starts: boolean[][];
}

/** Rules closer than this (points) are one: double borders, a border drawn by both neighbouring cells. */
const SNAP = 2;

export interface PageRuling {
  tables: RuledTable[];
  /** Tokens outside every table, for the text-based reading. */
  rest: Token[];
  findings: Finding[];
}

/**
 * The ruled tables of one page, the tokens left outside them, and the numbers found beside a table's columns.
 * A table reaching the page's right edge (`width`) may be cut there (LibreOffice drops what lies past it): its
 * last column's cells say so, and the row mapping reads such rows column by column from the left.
 */
export function ruledTables(page: number, rules: Rule[], tokens: Token[], width = Infinity): PageRuling {
  const tables: RuledTable[] = [];
  const findings: Finding[] = [];
  let rest = tokens;
  if (rules.length === 0) return { tables, rest, findings };
  for (const region of regions(rules)) {
    const table = regionTable(page, region, rest, width);
    if (!table) continue;
    tables.push(table.table);
    rest = table.rest;
  }
  // A number level with a table's rows but outside its columns belongs to no cell: reported, never placed.
  const level = (t: Token) => tables.some((k) => centreY(t) >= k.y1 && centreY(t) <= k.y2);
  for (const t of rest.filter((b) => level(b) && isNumeric(b.str)))
    findings.push({
      rule: 'P-NUMBER-NO-COLUMN',
      severity: 'warning',
      message: `第 ${page} 页表格旁的数字「${t.str}」不在任何一列内，未读取。`,
      messageEn: `The number ${t.str} on page ${page} lies beside the table, in no column; it was not read.`,
      keys: [],
      evidence: `page ${page} x ${round(t.x)} y ${round(t.y)}`,
    });
  for (const t of tables) findings.push(...cellFindings(t));
  return { tables, rest: rest.filter((t) => !level(t)), findings };
}

/** Connected groups of rules (a horizontal and a vertical rule touching or crossing, or two pieces of one line), each a candidate table. */
function regions(rules: Rule[]): Rule[][] {
  const parent = rules.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  const union = (i: number, k: number) => (parent[find(i)] = find(k));
  const hs = rules.flatMap((r, i) => (horizontal(r) ? [i] : [])).sort((i, k) => rules[i].y1 - rules[k].y1);
  const vs = rules.flatMap((r, i) => (horizontal(r) ? [] : [i])).sort((i, k) => rules[i].x1 - rules[k].x1);
  // Each horizontal rule against the vertical rules within its x-range (vs sorted by x).
  for (const h of hs) {
    const a = rules[h];
    for (let k = lowerBound(vs, (v) => rules[v].x1 >= a.x1 - SNAP); k < vs.length && rules[vs[k]].x1 <= a.x2 + SNAP; k++) {
      const b = rules[vs[k]];
      if (a.y1 >= b.y1 - SNAP && a.y1 <= b.y2 + SNAP) union(h, vs[k]);
    }
  }
  // Chromium draws each cell's border on its own: pieces of one line join end to end.
  const pieces = (ids: number[], at: (r: Rule) => number, from: (r: Rule) => number, to: (r: Rule) => number) => {
    for (let i = 0; i < ids.length; i++)
      for (let k = i + 1; k < ids.length && at(rules[ids[k]]) - at(rules[ids[i]]) <= SNAP; k++)
        if (from(rules[ids[k]]) <= to(rules[ids[i]]) + SNAP && from(rules[ids[i]]) <= to(rules[ids[k]]) + SNAP) union(ids[i], ids[k]);
  };
  pieces(
    hs,
    (r) => r.y1,
    (r) => r.x1,
    (r) => r.x2,
  );
  pieces(
    vs,
    (r) => r.x1,
    (r) => r.y1,
    (r) => r.y2,
  );
  const groups = new Map<number, Rule[]>();
  rules.forEach((r, i) => {
    const g = groups.get(find(i));
    if (g) g.push(r);
    else groups.set(find(i), [r]);
  });
  return [...groups.values()];
}

/** First index whose item satisfies a predicate that is false then true along the array. */
function lowerBound<T>(xs: T[], ok: (x: T) => boolean): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ok(xs[mid])) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Positions within SNAP of each other as one (their mean), ascending. */
function snap(values: number[]): number[] {
  const out: number[][] = [];
  for (const v of [...values].sort((a, b) => a - b)) {
    const last = out[out.length - 1];
    if (last && v - last[last.length - 1] <= SNAP) last.push(v);
    else out.push([v]);
  }
  return out.map((g) => g.reduce((a, b) => a + b, 0) / g.length);
}

/** The rules lying on each boundary, as spans along it sorted by start. */
function onBoundaries(lines: Rule[], bounds: number[], isH: boolean): number[][][] {
  const out = bounds.map((): number[][] => []);
  for (const r of lines) {
    const at = isH ? r.y1 : r.x1;
    const k = bounds.findIndex((b) => Math.abs(b - at) <= SNAP);
    if (k >= 0) out[k].push(isH ? [r.x1, r.x2] : [r.y1, r.y2]);
  }
  for (const spans of out) spans.sort((p, q) => p[0] - q[0]);
  return out;
}

/** Whether the spans on a boundary cover the middle half of the edge from `a` to `b` (collinear pieces joined). */
function drawn(spans: number[][], a: number, b: number): boolean {
  const lo = a + (b - a) / 4;
  const hi = b - (b - a) / 4;
  let reach = lo;
  for (const [s, e] of spans) {
    if (s > reach + SNAP) break;
    reach = Math.max(reach, e);
    if (reach >= hi) return true;
  }
  return false;
}

interface Placed {
  table: RuledTable;
  /** The tokens outside the table's box. */
  rest: Token[];
}

function regionTable(page: number, rules: Rule[], tokens: Token[], width: number): Placed | undefined {
  const hs = rules.filter(horizontal);
  const vs = rules.filter((r) => !horizontal(r));
  const x1 = Math.min(...rules.map((r) => r.x1));
  const x2 = Math.max(...rules.map((r) => r.x2));
  const y1 = Math.min(...rules.map((r) => r.y1));
  const y2 = Math.max(...rules.map((r) => r.y2));
  const xs = snap([x1, x2, ...vs.map((r) => r.x1)]);
  const ys = snap([y1, y2, ...hs.map((r) => r.y1)]).reverse();
  const m = xs.length - 1;
  const n = ys.length - 1;
  if (hs.length < 2 || vs.length < 2 || m * n < 2) return undefined;
  // Elementary cells joined where the boundary between them is not drawn.
  const parent = Array.from({ length: n * m }, (_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  const vAt = onBoundaries(vs, xs, false);
  const hAt = onBoundaries(hs, ys, true);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < m; j++) {
      if (j + 1 < m && !drawn(vAt[j + 1], ys[i + 1], ys[i])) parent[find(i * m + j + 1)] = find(i * m + j);
      if (i + 1 < n && !drawn(hAt[i + 1], xs[j], xs[j + 1])) parent[find((i + 1) * m + j)] = find(i * m + j);
    }
  const inside: Token[][] = Array.from({ length: n * m }, () => []);
  const rest: Token[] = [];
  for (const t of tokens) {
    const cy = centreY(t);
    if (cy < y1 || cy > y2 || t.x2 <= x1 + 1 || t.x >= x2 - 1) rest.push(t);
    else for (const part of splitAt(t, xs)) inside[find(indexOf(ys, centreY(part), true) * m + indexOf(xs, (part.x + part.x2) / 2, false))].push(part);
  }
  if (inside.every((c) => c.length === 0)) return undefined;
  // Each merged cell's box: the union of its elementary cells.
  const boxes = new Map<number, { i: number; j: number; x1: number; x2: number; y1: number; y2: number }>();
  for (let i = 0; i < n; i++)
    for (let j = 0; j < m; j++) {
      const r = find(i * m + j);
      const b = boxes.get(r);
      if (!b) boxes.set(r, { i, j, x1: xs[j], x2: xs[j + 1], y1: ys[i + 1], y2: ys[i] });
      else Object.assign(b, { x1: Math.min(b.x1, xs[j]), x2: Math.max(b.x2, xs[j + 1]), y1: Math.min(b.y1, ys[i + 1]) });
    }
  const byRoot = new Map<number, Token[]>();
  inside.forEach((ts, k) => {
    const into = byRoot.get(find(k));
    if (into) into.push(...ts);
    else byRoot.set(find(k), [...ts]);
  });
  const cells = new Map<number, Cell>();
  for (const [r, b] of boxes) cells.set(r, cellOf(page, byRoot.get(r) ?? [], b));
  if (x2 >= width - SNAP) for (const [r, b] of boxes) if (b.x2 >= x2 - SNAP) cells.get(r)!.cutRight = true;
  if (x1 <= SNAP) for (const [r, b] of boxes) if (b.x1 <= x1 + SNAP) cells.get(r)!.cutLeft = true;
  const rows: Cell[][] = [];
  const starts: boolean[][] = [];
  for (let i = 0; i < n; i++) {
    const roots = Array.from({ length: m }, (_, j) => find(i * m + j));
    // A band with no text of its own (only cells spanning from above) adds nothing.
    if (!roots.some((r) => boxes.get(r)!.i === i && cells.get(r)!.text)) continue;
    rows.push(roots.map((r) => cells.get(r)!));
    starts.push(roots.map((r) => boxes.get(r)!.i === i));
  }
  return { table: { page, x1, x2, y1, y2, xs, rows, starts }, rest };
}

/** Vertical centre of a token: baseline plus a third of the font size, or the middle of a vertical run. */
const centreY = (t: Token) => (t.yBottom === undefined ? t.y + 0.3 * t.fs : (t.y + t.yBottom) / 2);

/** Index of the band holding `v` between sorted boundaries (descending when `desc`), clamped to the table. */
function indexOf(bounds: number[], v: number, desc: boolean): number {
  const inner = bounds.slice(1, -1);
  return lowerBound(inner, (b) => (desc ? v > b : v < b));
}

/** A run of text crossing a column boundary (glyphs of two cells closer than a word gap) is cut there, by character share. */
function splitAt(t: Token, xs: number[]): Token[] {
  const chars = [...t.str];
  if (t.yBottom !== undefined || chars.length < 2) return [t];
  const per = (t.x2 - t.x) / chars.length;
  const cuts = xs.filter((x) => x > t.x + per / 2 && x < t.x2 - per / 2).map((x) => Math.round((x - t.x) / per));
  if (cuts.length === 0) return [t];
  const out: Token[] = [];
  let from = 0;
  for (const c of [...cuts, chars.length]) {
    if (c > from) out.push({ ...t, str: chars.slice(from, c).join(''), x: t.x + from * per, x2: t.x + c * per });
    from = c;
  }
  return out;
}

/**
 * A cell's text: its runs by line, top to bottom. A line of digits continues the digits above it only when it
 * could not have fitted beside them (a number wrapped in a narrow cell); otherwise the two stay apart.
 */
function cellOf(page: number, ts: Token[], b: { x1: number; x2: number; y1: number; y2: number }): Cell {
  const box = { x: round(b.x1), y: round(b.y1), w: round(b.x2 - b.x1), h: round(b.y2 - b.y1) };
  if (ts.length === 0) return { text: '', raw: '', loc: { page, box } };
  const lines: Token[][] = [];
  for (const t of [...ts].sort((p, q) => centreY(q) - centreY(p) || p.x - q.x)) {
    const line = lines[lines.length - 1];
    if (line && Math.abs(centreY(line[0]) - centreY(t)) <= 0.4 * Math.min(line[0].fs, t.fs)) line.push(t);
    else lines.push([t]);
  }
  const pad = Math.max(0, Math.min(...ts.map((t) => t.x)) - b.x1);
  const right = b.x2 - pad;
  let raw = '';
  let prev: Token[] | undefined;
  for (const line of lines.map((l) => l.sort((p, q) => p.x - q.x))) {
    const text = line.map((t, k) => (k > 0 && t.x - line[k - 1].x2 > 0.2 * t.fs ? ' ' : '') + t.str).join('');
    if (prev) {
      const end = prev[prev.length - 1];
      const first = line[0];
      const wrapped = /\d$/.test(end.str) && /^\d/.test(first.str) && end.x2 + (first.x2 - first.x) / [...first.str].length > right;
      raw += wrapped ? '' : /\d$/.test(end.str) && /^\d/.test(first.str) ? ' ' : '\n';
    }
    raw += text;
    prev = line;
  }
  const first = lines[0][0];
  return { text: joinCjk(raw), raw, loc: { page, x: round(first.x), y: round(first.y), box } };
}

/** Several separate numbers in one cell contradict the form (one figure per cell): reported, and the cell is not read. */
function cellFindings(t: RuledTable): Finding[] {
  const out: Finding[] = [];
  t.rows.forEach((row, i) =>
    row.forEach((c, j) => {
      const parts = c.text.split(/\s+/).filter(Boolean);
      if (!t.starts[i][j] || parts.length < 2 || !parts.every(isNumeric)) return;
      out.push({
        rule: 'P-CELL-NUMBERS',
        severity: 'warning',
        message: `第 ${t.page} 页表格的一个单元格里有 ${parts.length} 个数字（${parts.join('、')}），表格式每格只有一个数，未读取。`,
        messageEn: `A table cell on page ${t.page} holds ${parts.length} separate numbers (${parts.join(', ')}); the form has one per cell, so it was not read.`,
        keys: [],
        evidence: `page ${t.page} x ${c.loc.box?.x} y ${c.loc.box?.y}`,
      });
      for (const r of t.rows) if (r[j] === c) r[j] = { ...c, text: '' };
    }),
  );
  return out;
}

/**
 * A table broken over a page break continues in the next page's first table when their outer edges match. The
 * two parts may split their label columns differently (a sub-group column starting on the second page): both
 * are then read on the union of their column boundaries. A row cut by the break is joined back (joinRows).
 */
function continues(a: RuledTable, b: RuledTable): boolean {
  return b.page === a.page + 1 && Math.abs(a.xs[0] - b.xs[0]) <= SNAP && Math.abs(a.xs[a.xs.length - 1] - b.xs[b.xs.length - 1]) <= SNAP;
}

/** The table on finer column boundaries: a cell wider than a new column is repeated over it, as a spanning cell is. */
function refine(t: RuledTable, xs: number[]): RuledTable {
  if (xs.length === t.xs.length) return t;
  const from = xs.slice(0, -1).map((x, k) => indexOf(t.xs, (x + xs[k + 1]) / 2, false));
  return { ...t, xs, rows: t.rows.map((r) => from.map((j) => r[j])), starts: t.starts.map((r) => from.map((j) => r[j])) };
}

function joinRows(a: RuledTable, b: RuledTable): void {
  const last = a.rows[a.rows.length - 1];
  const first = b.rows[0];
  const k = labelEnd(last);
  // Only a body row (one with a figure) is continued; header rows cut by the break stay as printed.
  if (k < 0 || !last.some((c) => isNumeric(c.text.replace(/\s+/g, '')))) return;
  // Group labels spanning the break are one cell: its text on both pages, for the rows of both. Not under a
  // repeated header row (text over the figure columns).
  const header = first.slice(k + 1).some((c) => c.text && !isNumeric(c.text.replace(/\s+/g, '')));
  for (let j = 0; j < k && !header; j++) {
    const [ca, cb] = [last[j], first[j]];
    if (!ca.text || NUMBERED.test(cb.text) || isNumeric(cb.text)) continue;
    const whole = { ...ca, text: joinCjk(`${ca.text} ${cb.text}`), raw: cb.raw ? `${ca.raw}\n${cb.raw}` : ca.raw };
    for (const r of [...a.rows, ...b.rows]) if (r[j] === ca || r[j] === cb) r[j] = whole;
  }
  // An item label cut by the break: the rest below, not starting a new numbered label, with no figures of its own.
  // (Were it a blank row of its own, the form's row order still places the joined label on the row above.)
  const [ca, cb] = [last[k], first[k]];
  if (labelEnd(first) === k && cb.text && !NUMBERED.test(cb.text) && first.slice(k + 1).every((c) => !c.text)) {
    last[k] = { ...ca, text: joinCjk(`${ca.text} ${cb.text}`), raw: `${ca.raw}\n${cb.raw}` };
    b.rows.shift();
    b.starts.shift();
  }
}

/**
 * The ruled tables in document order as grid rows, a table broken over pages joined into one. Cells spanning
 * rows or columns are repeated, with the locator of the cell where they start (as HTML spans are).
 */
export function ruledGrids(tables: RuledTable[]): { page: number; y: number; rows: Cell[][] }[] {
  const ordered = [...tables].sort((a, b) => a.page - b.page || b.y2 - a.y2);
  const out: { page: number; y: number; rows: Cell[][]; starts: boolean[][] }[] = [];
  let prev: RuledTable | undefined;
  for (let t of ordered) {
    const lastOnPage = prev && !ordered.some((o) => o.page === prev!.page && o.y2 < prev!.y1);
    const firstOnPage = !ordered.some((o) => o.page === t.page && o.y1 > t.y2);
    if (prev && lastOnPage && firstOnPage && continues(prev, t) && prev.rows.length && t.rows.length) {
      const xs = snap([...prev.xs, ...t.xs]);
      const joined = out[out.length - 1];
      const before = refine({ ...prev, rows: joined.rows, starts: joined.starts }, xs);
      t = refine(t, xs);
      joinRows(before, t);
      out[out.length - 1] = { ...joined, rows: [...before.rows, ...t.rows], starts: [...before.starts, ...t.starts] };
    } else out.push({ page: t.page, y: t.y2, rows: [...t.rows], starts: [...t.starts] });
    prev = t;
  }
  return out;
}

/** Index of a row's last label cell: the last cell with text that is not a figure, -1 when none. */
function labelEnd(r: Cell[]): number {
  let k = -1;
  r.forEach((c, j) => {
    if (c.text && !isNumeric(c.text.replace(/\s+/g, ''))) k = j;
  });
  return k;
}

const round = (v: number) => Math.round(v * 10) / 10;
