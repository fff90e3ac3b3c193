import { binarize, otsu, resize, type Gray } from './image';

/** Skew searched: flatbed scans and photocopies are off by a degree or so. */
const MAX_SKEW = 1.5;
/** The projections are taken at a quarter of the scan's size: lines stay lines, and the search is cheap. */
const WORK_WIDTH = 600;

/**
 * The page's skew in degrees (counter-clockwise as seen; `rotate(img, -skew)` straightens it): the angle at which
 * the rows of ink line up best. Text lines and table rules are horizontal on a straight page, so the profile of
 * ink per row along the right angle has the sharpest peaks (the largest sum of squares). Coarse steps of 0.25°
 * over ±1.5° on a small copy, then 0.05° and 0.01° around the best on the page itself.
 */
export function findSkew(img: Gray): number {
  const small = resize(img, WORK_WIDTH, Math.max(1, Math.round((img.height * WORK_WIDTH) / img.width)));
  const coarse = inkPoints(small);
  const score = (points: Points, deg: number) => profileSharpness(points.xy, points.height, points.width, deg);
  let best = search(coarse, score, -MAX_SKEW, MAX_SKEW, 0.25, 0);
  // A table rule one pixel thick drifts a pixel for every 0.04° over a page 1,400 pixels wide: the finer steps are
  // taken at full resolution, where the rules' own rows are sharpest.
  const full = inkPoints(img);
  best = search(full, score, best - 0.25, best + 0.25, 0.05, best);
  best = search(full, score, best - 0.05, best + 0.05, 0.01, best);
  return Math.round(best * 100) / 100;
}

interface Points {
  xy: number[];
  width: number;
  height: number;
}

/** The ink of an image as x, y pairs. */
function inkPoints(img: Gray): Points {
  const ink = binarize(img, otsu(img));
  const xy: number[] = [];
  for (let y = 0; y < img.height; y++) for (let x = 0; x < img.width; x++) if (ink[y * img.width + x]) xy.push(x, y);
  return { xy, width: img.width, height: img.height };
}

/** The angle in [from, to] by `step` (and `start`) whose profile is sharpest. */
function search(points: Points, score: (p: Points, deg: number) => number, from: number, to: number, step: number, start: number): number {
  let [best, bestScore] = [start, score(points, start)];
  // Counted in whole steps: adding `step` up to `to` would drift past it and miss the last angle.
  for (let i = 0, n = Math.round((to - from) / step); i <= n; i++) {
    const d = from + i * step;
    const s = score(points, d);
    if (s > bestScore) [best, bestScore] = [d, s];
  }
  return best;
}

/** Sum of squares of the ink per row when the page is read along `deg` (a shear: rows rise by tan(deg) per pixel). */
function profileSharpness(points: number[], height: number, width: number, deg: number): number {
  const tan = Math.tan((deg * Math.PI) / 180);
  const pad = Math.ceil(Math.abs(tan) * width) + 1;
  const bins = new Float64Array(height + 2 * pad);
  // y grows downward: a line that rises to the right (counter-clockwise skew) has y falling as x grows.
  for (let i = 0; i < points.length; i += 2) bins[Math.round(points[i + 1] + points[i] * tan) + pad]++;
  let s = 0;
  for (const b of bins) s += b * b;
  return s;
}
