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
 * Table rules by pixel projections on a deskewed page: a horizontal rule is a run of ink along a row, longer than
 * any character's stroke (`minRun`, a third of an inch by default) and thin; a vertical rule the same down a
 * column. Rows one pixel apart are looked at together (OR), so a line that still drifts by a pixel after deskewing
 * is one run; runs on neighbouring rows that overlap are one rule.
 */
export function findRules(ink: Uint8Array, width: number, height: number, dpi: number): PixelRule[] {
  const minH = Math.round(dpi / 3);
  // A table's vertical rule may be one row high (a 10.5 pt line plus padding, about a quarter inch).
  const minV = Math.round(dpi / 5);
  const maxThick = Math.max(3, Math.round(dpi / 40));
  const hs = lines(width, height, (a, b) => ink[b * width + a] | (b + 1 < height ? ink[(b + 1) * width + a] : 0), minH, maxThick);
  const vs = lines(height, width, (a, b) => ink[a * width + b] | (b + 1 < width ? ink[a * width + b + 1] : 0), minV, maxThick);
  const near = maxThick + MAX_GAP;
  // A vertical stroke of a large heading is as long as a one-row rule: a rule meets a horizontal rule, a stroke does not.
  const meets = (v: { from: number; to: number; at: number }) =>
    hs.some((h) => v.at >= h.from - near && v.at <= h.to + near && h.at >= v.from - near && h.at <= v.to + near);
  return [
    ...hs.map((r) => ({ x1: r.from, x2: r.to, y1: r.at, y2: r.at, thick: r.thick })),
    ...vs.filter(meets).map((r) => ({ x1: r.at, x2: r.at, y1: r.from, y2: r.to, thick: r.thick })),
  ];
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
    for (let a = 0; a <= along; a++) {
      const v = a < along ? at(a, b) : 0;
      if (v) {
        if (start < 0) start = a;
        lastInk = a;
      } else if (start >= 0 && a - lastInk > MAX_GAP) {
        if (lastInk - start + 1 >= minRun) runs.push([start, lastInk]);
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
