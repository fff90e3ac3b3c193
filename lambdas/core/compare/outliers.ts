/**
 * Robust outlier marking for one metric across agencies: the modified z-score of Iglewicz and
 * Hoaglin (median and MAD), so one extreme agency cannot hide itself by inflating the spread
 * the way it would with mean and standard deviation.
 */

export interface Spread {
  n: number;
  median: number | null;
  /** Median absolute deviation from the median. */
  mad: number | null;
}

/** Below this many agencies a "peer" comparison says nothing; no one is marked. */
export const MIN_PEERS = 5;
/** |modified z| above this is an outlier (Iglewicz & Hoaglin's recommended cut-off). */
export const Z_CUTOFF = 3.5;

export function median(xs: readonly number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

export function spread(xs: readonly number[]): Spread {
  const m = median(xs);
  return { n: xs.length, median: m, mad: m === null ? null : median(xs.map((x) => Math.abs(x - m))) };
}

/**
 * Which of `xs` are outliers, index by index. When more than half the agencies share one value
 * the MAD is 0; the mean absolute deviation (scaled to match, 1.2533) takes its place then.
 */
export const outliers = (xs: readonly number[]): boolean[] => outlierSides(xs).map((side) => side !== null);

/** As `outliers`, with the side: `high` above the median, `low` below it, null for the rest. */
export function outlierSides(xs: readonly number[]): ('high' | 'low' | null)[] {
  const { n, median: m, mad } = spread(xs);
  if (n < MIN_PEERS || m === null || mad === null) return xs.map(() => null);
  const meanAd = xs.reduce((s, x) => s + Math.abs(x - m), 0) / n;
  const scale = mad > 0 ? mad / 0.6745 : meanAd * 1.2533;
  if (scale === 0) return xs.map(() => null);
  return xs.map((x) => (Math.abs(x - m) / scale > Z_CUTOFF ? (x > m ? 'high' : 'low') : null));
}
