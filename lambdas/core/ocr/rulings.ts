import type { Gray } from './image';

/** A ruling line found in a page image, in pixels (y down): `x1 ≤ x2`, `y1 ≤ y2`, and its thickness. */
export interface PixelRule {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  thick: number;
}

/** A gap this short (pixels) inside a line is JPEG loss or a faint stretch of the scan, not the line's end. */
const MAX_GAP = 3;
/**
 * A rule is ink nearly all along: the horizontal strokes of a row of characters that a blurred scan runs together
 * leave a gap at every character's edge, and are text.
 */
const MIN_FILL = 0.85;

/**
 * Table rules by pixel projections on a deskewed page: a horizontal rule is a run of ink along a row, longer than
 * any character's stroke (a third of an inch) and thin; a vertical rule the same down a column. Rows one pixel apart
 * are looked at together (OR), so a line that still drifts by a pixel after deskewing is one run; runs on
 * neighbouring rows that overlap are one rule. Only runs that make a lattice are rules (see below). `faint`, the rules
 * found at a lighter level, mend the lattice where a rough scan greyed its hairlines, and only there: they continue a
 * column rule along its line (`continueColumns`), bridge the gap between two pieces of one rule (`joinCollinear`),
 * add a rule the level missed all along where it crosses the lattice, and keep a column the level cut short from
 * reading as a table's open edge (`openEdges`). Nothing else is taken from the lighter level, where rules drift by a
 * pixel and a label's strokes run into a line.
 */
export function findRules(ink: Uint8Array, width: number, height: number, dpi: number, faint: PixelRule[] = []): PixelRule[] {
  const { minH, minV, maxThick, near } = scaleOf(dpi);
  const hs = lines(width, height, (a, b) => ink[b * width + a] | (b + 1 < height ? ink[(b + 1) * width + a] : 0), minH, maxThick);
  const vs = lines(height, width, (a, b) => ink[a * width + b] | (b + 1 < width ? ink[a * width + b + 1] : 0), minV, maxThick);
  const meets = (v: Line, h: Line) => v.at >= h.from - near && v.at <= h.to + near && h.at >= v.from - near && h.at <= v.to + near;
  const endsAt = (h: Line, v: Line, x: number) => Math.abs(v.at - x) <= near && h.at >= v.from - near && h.at <= v.to + near;
  // A table is a lattice: a long rule (an inch or more) is one, a vertical run counts where it meets a rule, and a
  // shorter horizontal run where it ends at such verticals both sides. The strokes of a heading's characters, however
  // long they run together, meet no lattice: they are text.
  const long = Math.round(dpi);
  let rows = hs.filter((h) => h.to - h.from >= long);
  let cols: Line[] = [];
  for (let changed = true; changed;) {
    cols = vs.filter((v) => rows.some((h) => meets(v, h)));
    const more = hs.filter((h) => !rows.includes(h) && cols.some((v) => endsAt(h, v, h.from)) && cols.some((v) => endsAt(h, v, h.to)));
    changed = more.length > 0;
    rows = [...rows, ...more];
  }
  // Where the page has column rules, a long run that meets none is a heading's strokes the blur ran together (a row
  // label's, across its cell), or a page's rule outside any table.
  if (cols.length) rows = rows.filter((h) => cols.some((v) => meets(v, h)));
  const faintCols = faint.filter((r) => r.x1 === r.x2).map((r) => ({ from: r.y1, to: r.y2, at: r.x1, thick: r.thick }));
  const faintRows = faint.filter((r) => r.y1 === r.y2).map((r) => ({ from: r.x1, to: r.x2, at: r.y1, thick: r.thick }));
  cols = [...cols, ...continueColumns(cols, faintCols, dpi)];
  // A rule the scan left grey all along is found at the lighter level only: taken where it crosses the lattice (three
  // of its rules or more, so it spans two cells; a label's strokes run together within one cell do not) and the
  // level drew nothing on its line.
  const free = (f: Line, on: Line[]) => !on.some((l) => Math.abs(l.at - f.at) <= near && l.from <= f.to + near && l.to >= f.from - near);
  rows = [...rows, ...faintRows.filter((f) => free(f, rows) && cols.filter((v) => meets(v, f)).length >= CROSSED)];
  cols = [...cols, ...faintCols.filter((f) => free(f, cols) && rows.filter((h) => meets(f, h)).length >= CROSSED)];
  [rows, cols] = [joinCollinear(rows, near, faintRows), joinCollinear(cols, near, faintCols)];
  rows = [...rows, ...openEdges(cols, rows, near, [...cols, ...faintCols])];
  return [
    ...rows.map((r) => ({ x1: r.from, x2: r.to, y1: r.at, y2: r.at, thick: r.thick })),
    ...cols.map((r) => ({ x1: r.at, x2: r.at, y1: r.from, y2: r.to, thick: r.thick })),
  ];
}

/** Rules of the lattice a rule found only at the lighter level must cross. */
const CROSSED = 3;

/** A rule's sizes at a scan's resolution, in pixels. */
function scaleOf(dpi: number) {
  // A rule's ink is widened by the scan's blur (a 1 pt rule blurred at 150 dpi is 5 or 6 pixels of ink).
  const maxThick = Math.max(4, Math.round(dpi / 25));
  return {
    minH: Math.round(dpi / 3),
    // A table's vertical rule may be one row high (a 10.5 pt line plus padding, about a quarter inch).
    minV: Math.round(dpi / 5),
    maxThick,
    /** Rules this close (their ink's width and a gap) are on one line, or meet. */
    near: maxThick + MAX_GAP,
  };
}

/**
 * The stretches of `faint` column rules (found at a lighter level) that lie on the line of one of `columns` and that
 * none of them covers: a column rule the level cut short runs on.
 */
function continueColumns(columns: Line[], faint: Line[], dpi: number): Line[] {
  const { minV, near } = scaleOf(dpi);
  const extra: Line[] = [];
  for (const f of faint) {
    const line = columns.filter((c) => Math.abs(c.at - f.at) <= near);
    if (line.length === 0) continue;
    // What of the faint rule's span the line's rules leave open, piece by piece, drawn where the line is.
    let open: [number, number][] = [[f.from, f.to]];
    for (const c of line)
      open = open.flatMap(([from, to]): [number, number][] =>
        c.to < from || c.from > to
          ? [[from, to]]
          : (
              [
                [from, c.from - 1],
                [c.to + 1, to],
              ] as [number, number][]
            ).filter(([a, b]) => b >= a),
      );
    for (const [from, to] of open) if (to - from >= minV) extra.push({ from, to, at: line[0].at, thick: line[0].thick });
  }
  return extra;
}

/**
 * Rules on one line (a pixel or two apart across it) as one where the gap between them is up to `near`, or is drawn
 * at a lighter level (`faint`): a rule the scan broke (a blurred or grey stretch, a line drifting a pixel after
 * deskewing) divides the cells it borders all along. A faint stretch only bridges two rules of the level, so it adds
 * no rule the level did not find at both ends.
 */
function joinCollinear(lines: Line[], near: number, faint: Line[]): Line[] {
  const byStart = [...faint].sort((x, y) => x.from - y.from);
  const bridged = (a: Line, b: Line) => {
    let reach = a.to;
    for (const f of byStart.filter((x) => Math.abs(x.at - a.at) <= MAX_GAP)) if (f.from <= reach + near) reach = Math.max(reach, f.to);
    return reach >= b.from - near;
  };
  const out: Line[] = [];
  for (const l of [...lines].sort((a, b) => a.from - b.from)) {
    const on = out.find((o) => Math.abs(o.at - l.at) <= MAX_GAP && (l.from <= o.to + near || bridged(o, l)));
    if (!on) {
      out.push({ ...l });
      continue;
    }
    const [a, b] = [on.to - on.from, l.to - l.from];
    on.at = (on.at * a + l.at * b) / (a + b || 1);
    [on.to, on.thick] = [Math.max(on.to, l.to), Math.max(on.thick, l.thick)];
  }
  return out;
}

/** Verticals ending together make an edge: at least this many of them. */
const EDGE_COLUMNS = 3;

/**
 * The edge of a table broken over a page: its columns' rules run to the top (or bottom) of the page's part with no
 * rule across them there, leaving the row at the break open. Where three or more verticals end at one height that
 * no horizontal rule closes, the edge is drawn, so the row's cells are cells (and their lone figures are looked for);
 * a vertical whose line runs on past its end (among `lines`) does not count.
 */
function openEdges(cols: Line[], rows: Line[], near: number, lines: Line[]): Line[] {
  const out: Line[] = [];
  // A column rule whose line runs on past its end (`lines`: after a stretch the scan blurred, or at a lighter level) ends nowhere.
  const continued = (v: Line, end: 'from' | 'to') =>
    lines.some(
      (u) =>
        u !== v &&
        Math.abs(u.at - v.at) <= near &&
        (end === 'to' ? u.from <= v.to + near && u.to > v.to + near : u.to >= v.from - near && u.from < v.from - near),
    );
  for (const end of ['from', 'to'] as const) {
    const sorted = cols.filter((v) => !continued(v, end)).sort((a, b) => a[end] - b[end]);
    for (let i = 0; i < sorted.length;) {
      let j = i;
      while (j + 1 < sorted.length && sorted[j + 1][end] - sorted[i][end] <= near) j++;
      const group = sorted.slice(i, j + 1);
      i = j + 1;
      if (group.length < EDGE_COLUMNS) continue;
      const at = end === 'from' ? Math.min(...group.map((v) => v.from)) : Math.max(...group.map((v) => v.to));
      const [from, to] = [Math.min(...group.map((v) => v.at)), Math.max(...group.map((v) => v.at))];
      const closed = rows.some((h) => Math.abs(h.at - at) <= near && h.from <= from + near && h.to >= to - near);
      if (!closed) out.push({ from, to, at, thick: 0 });
    }
  }
  return out;
}

interface Line {
  from: number;
  to: number;
  at: number;
  thick: number;
}

interface Run {
  from: number;
  to: number;
  /** First and last line (row or column) it was seen on. */
  first: number;
  last: number;
  sum: number;
  count: number;
}

/**
 * Long runs along one axis (`along` positions per line, `across` lines; `at(a, b)` the ink at position a of line b),
 * joined over consecutive lines while they overlap, kept when thin.
 */
function lines(along: number, across: number, at: (a: number, b: number) => number, minRun: number, maxThick: number) {
  const open: Run[] = [];
  const done: Run[] = [];
  for (let b = 0; b < across; b++) {
    const runs: [number, number][] = [];
    let start = -1;
    let lastInk = -1;
    let inked = 0;
    for (let a = 0; a <= along; a++) {
      const v = a < along ? at(a, b) : 0;
      if (v) {
        if (start < 0) [start, inked] = [a, 0];
        lastInk = a;
        inked++;
      } else if (start >= 0 && a - lastInk > MAX_GAP) {
        const length = lastInk - start + 1;
        if (length >= minRun && inked >= MIN_FILL * length) runs.push([start, lastInk]);
        start = -1;
      }
    }
    const still: Run[] = [];
    for (const [from, to] of runs) {
      const joined = open.find((r) => r.last === b - 1 && from <= r.to && to >= r.from);
      if (joined) {
        joined.from = Math.min(joined.from, from);
        joined.to = Math.max(joined.to, to);
        joined.last = b;
        joined.sum += b;
        joined.count++;
        if (!still.includes(joined)) still.push(joined);
      } else still.push({ from, to, first: b, last: b, sum: b, count: 1 });
    }
    for (const r of open) if (!still.includes(r)) done.push(r);
    open.splice(0, open.length, ...still);
  }
  done.push(...open);
  // The OR of two lines makes every line look a pixel thicker.
  return done.filter((r) => r.last - r.first <= maxThick).map((r) => ({ from: r.from, to: r.to, at: r.sum / r.count + 0.5, thick: r.last - r.first }));
}

/** Paints the rules out of a copy of the image (paper where they were), so they cannot join the text beside them. */
export function eraseRules(img: Gray, rules: PixelRule[]): Gray {
  const data = new Uint8Array(img.data);
  for (const r of rules) {
    const h = r.y1 === r.y2;
    const pad = Math.ceil(r.thick / 2) + 2;
    const [x0, x1] = h ? [r.x1, r.x2] : [Math.floor(r.x1 - pad), Math.ceil(r.x1 + pad)];
    const [y0, y1] = h ? [Math.floor(r.y1 - pad), Math.ceil(r.y1 + pad)] : [r.y1, r.y2];
    for (let y = Math.max(0, y0); y <= Math.min(img.height - 1, y1); y++)
      data.fill(255, y * img.width + Math.max(0, x0), y * img.width + Math.min(img.width, x1 + 1));
  }
  return { width: img.width, height: img.height, data };
}
