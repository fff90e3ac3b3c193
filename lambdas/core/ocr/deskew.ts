import { binarize, otsu, resize, type Gray } from './image';

/** Skew searched: flatbed scans and photocopies are off by a degree or so. */
const MAX_SKEW = 1.5;
/** The projections are taken at a quarter of the scan's size: lines stay lines, and the search is cheap. */
const WORK_WIDTH = 600;

/**
 * The page's skew in degrees (counter-clockwise as seen; `rotate(img, -skew)` straightens it): the angle at which
 * the rows of ink line up best. Text lines and table rules are horizontal on a straight page, so the profile of
 * ink per row along the right angle has the sharpest peaks (the largest sum of squares). Coarse steps of 0.25°
 * over ±1.5°, then 0.05° around the best.
 */
export function findSkew(img: Gray): number {
  const small = resize(img, WORK_WIDTH, Math.max(1, Math.round((img.height * WORK_WIDTH) / img.width)));
  const ink = binarize(small, otsu(small));
  const points: number[] = [];
  for (let y = 0; y < small.height; y++) for (let x = 0; x < small.width; x++) if (ink[y * small.width + x]) points.push(x, y);
  const score = (deg: number) => profileSharpness(points, small.height, small.width, deg);
  let best = 0;
  let bestScore = score(0);
  for (let d = -MAX_SKEW; d <= MAX_SKEW + 1e-9; d += 0.25) {
    const s = score(d);
    if (s > bestScore) [best, bestScore] = [d, s];
  }
  const around = best;
  for (let d = around - 0.25; d <= around + 0.25 + 1e-9; d += 0.05) {
    const s = score(d);
    if (s > bestScore) [best, bestScore] = [d, s];
  }
  return Math.round(best * 100) / 100;
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
