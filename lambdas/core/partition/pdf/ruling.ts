import { multiply } from './layout';

/** A horizontal or vertical rule of a table grid, in displayed-page points (origin bottom-left); `x1 ≤ x2`, `y1 ≤ y2`. */
export interface Rule {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** The pdf.js operator codes read here (pdf.js exports them as `OPS`). */
export interface Ops {
  save: number;
  restore: number;
  transform: number;
  constructPath: number;
  paintFormXObjectBegin: number;
  paintFormXObjectEnd: number;
  setStrokeRGBColor: number;
  setFillRGBColor: number;
  stroke: number;
  closeStroke: number;
  fill: number;
  eoFill: number;
  fillStroke: number;
  eoFillStroke: number;
  closeFillStroke: number;
  closeEOFillStroke: number;
}

/** pdf.js path data codes inside a `constructPath` (pdf.js `DrawOPS`). */
const MOVE = 0;
const LINE = 1;
const CURVE = 2;
const QUAD = 3;
const CLOSE = 4;

/** A filled rectangle no thicker than this (points) is a rule: Chromium and WPS draw borders as thin fills. */
const MAX_THICKNESS = 2.5;

/**
 * The table rules of one page from its pdf.js operator list: stroked axis-parallel segments (LibreOffice, Word)
 * and thin filled rectangles (Chromium, WPS), through the transformation matrix and the page's viewport.
 * Near-white paint is skipped: it draws nothing visible. Curves never make rules.
 */
export function pageRules(fnArray: ArrayLike<number>, argsArray: unknown[], ops: Ops, viewport: number[], height: number): Rule[] {
  const rules: Rule[] = [];
  let ctm = [1, 0, 0, 1, 0, 0];
  let stroke = '#000000';
  let fill = '#000000';
  const stack: { ctm: number[]; stroke: string; fill: string }[] = [];
  const strokeOps = new Set([ops.stroke, ops.closeStroke, ops.fillStroke, ops.eoFillStroke, ops.closeFillStroke, ops.closeEOFillStroke]);
  const fillOps = new Set([ops.fill, ops.eoFill, ops.fillStroke, ops.eoFillStroke, ops.closeFillStroke, ops.closeEOFillStroke]);
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i];
    const args = argsArray[i] as unknown[] | null;
    if (fn === ops.save) stack.push({ ctm, stroke, fill });
    else if (fn === ops.restore) ({ ctm, stroke, fill } = stack.pop() ?? { ctm, stroke, fill });
    else if (fn === ops.transform) ctm = multiply(ctm, args as number[]);
    else if (fn === ops.paintFormXObjectBegin) {
      stack.push({ ctm, stroke, fill });
      const m = (args as [number[] | null])[0];
      if (m) ctm = multiply(ctm, m);
    } else if (fn === ops.paintFormXObjectEnd) ({ ctm, stroke, fill } = stack.pop() ?? { ctm, stroke, fill });
    else if (fn === ops.setStrokeRGBColor) stroke = String((args as unknown[])[0]);
    else if (fn === ops.setFillRGBColor) fill = String((args as unknown[])[0]);
    else if (fn === ops.constructPath) {
      const [paint, [data]] = args as [number, [ArrayLike<number> | null]];
      const stroked = strokeOps.has(paint) && visible(stroke);
      const filled = fillOps.has(paint) && visible(fill);
      if (!data || (!stroked && !filled)) continue;
      for (const p of subpaths(data, multiply(viewport, ctm), height)) {
        if (stroked) strokedRules(p, rules);
        if (filled) filledRule(p, rules);
      }
    }
  }
  return rules;
}

/** Near-white paint (cell backgrounds, white-on-white borders) draws no visible rule. */
const visible = (hex: string) => !/^#(?:[e-f][0-9a-f]){3}$/i.test(hex);

/**
 * Straight-line subpaths as flat point lists (x0, y0, x1, y1, …) through `m`, y measured up from the page's
 * bottom; a curve breaks the subpath (it is no rule). A closed subpath repeats its first point.
 */
function subpaths(data: ArrayLike<number>, m: number[], height: number): number[][] {
  // No closures here: it runs once per path, and tsx names every local function it creates.
  const out: number[][] = [];
  let cur: number[] = [];
  for (let k = 0; k < data.length;) {
    const op = data[k++];
    if (op === CLOSE && cur.length > 2) cur.push(cur[0], cur[1]);
    if (op !== LINE) {
      if (cur.length > 2) out.push(cur);
      cur = [];
    }
    const n = op === MOVE || op === LINE ? 2 : op === CURVE ? 6 : op === QUAD ? 4 : 0;
    if (n === 0) {
      if (op === CLOSE) continue;
      break;
    }
    // The segment's end point (a curve's last control point) starts or continues the subpath.
    const [x, y] = [data[k + n - 2], data[k + n - 1]];
    cur.push(m[0] * x + m[2] * y + m[4], height - (m[1] * x + m[3] * y + m[5]));
    k += n;
  }
  if (cur.length > 2) out.push(cur);
  return out;
}

/** Each axis-parallel segment of a stroked path is a rule (a stroked rectangle gives its four sides). */
function strokedRules(p: number[], rules: Rule[]): void {
  for (let k = 2; k + 1 < p.length; k += 2) {
    const [ax, ay, bx, by] = [p[k - 2], p[k - 1], p[k], p[k + 1]];
    if (Math.abs(ay - by) < 0.5 || Math.abs(ax - bx) < 0.5) addRule(rules, ax, ay, bx, by);
  }
}

/** A filled path whose box is thin in one direction is a rule along its centre line. */
function filledRule(p: number[], rules: Rule[]): void {
  let [x1, x2, y1, y2] = [p[0], p[0], p[1], p[1]];
  for (let k = 2; k + 1 < p.length; k += 2) {
    x1 = Math.min(x1, p[k]);
    x2 = Math.max(x2, p[k]);
    y1 = Math.min(y1, p[k + 1]);
    y2 = Math.max(y2, p[k + 1]);
  }
  const w = x2 - x1;
  const h = y2 - y1;
  if (h <= MAX_THICKNESS && w > 2 * h) addRule(rules, x1, (y1 + y2) / 2, x2, (y1 + y2) / 2);
  else if (w <= MAX_THICKNESS && h > 2 * w) addRule(rules, (x1 + x2) / 2, y1, (x1 + x2) / 2, y2);
}

function addRule(rules: Rule[], ax: number, ay: number, bx: number, by: number): void {
  const r = { x1: Math.min(ax, bx), y1: Math.min(ay, by), x2: Math.max(ax, bx), y2: Math.max(ay, by) };
  if (r.x2 - r.x1 >= 1 || r.y2 - r.y1 >= 1)
    rules.push(horizontal(r) ? { ...r, y1: (r.y1 + r.y2) / 2, y2: (r.y1 + r.y2) / 2 } : { ...r, x1: (r.x1 + r.x2) / 2, x2: (r.x1 + r.x2) / 2 });
}

export const horizontal = (r: Rule) => r.x2 - r.x1 >= r.y2 - r.y1;
