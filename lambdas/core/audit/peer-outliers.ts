import { cellKey, labelOf, T4_LITIGATION_SUM } from '../form';
import { median, robustSpread } from './stats';
import type { AuditOptions } from './types';

/**
 * X5's comparison among peers, as pure functions over any items: the audit calls them on report
 * summaries grouped by kind and level, the compare view on the agencies of the peer group an
 * officer chose. One method, so the page marks what the audit reports.
 */

/** A report's figure by fields.md key (canonical or derived), undefined when it was not read. */
export type FigureOf = (key: string) => number | undefined;

/** A rate compared among peers: sums of fields.md keys over sums of keys, cases still pending left out. */
export interface PeerRate {
  /** `granted`: the compare metric `rate.granted`, the audit's `X5-RATE` evidence. */
  name: string;
  label: string;
  num: string[];
  den: string[];
  /** Subtracted from the denominator when printed (pending cases are not concluded); a blank counts as none pending. */
  less?: string[];
  /** The audit option giving the smallest denominator that is rated at all. */
  min: 'minApplications' | 'minCases';
}

/** Both litigation groups of table 4 (the form's `t4.litigation.sum`), one column. */
const litigation = (col: string) => T4_LITIGATION_SUM.parts.map((g) => cellKey('t4', g, col));

export const PEER_RATES: readonly PeerRate[] = [
  { name: 'granted', label: '予以公开及部分公开率', num: ['t3.granted.total', 't3.partial.total'], den: ['t3.totalProcessed.total'], min: 'minApplications' },
  { name: 'noInfo', label: '本机关不掌握信息比例', num: ['t3.unable.noInfo.total'], den: ['t3.totalProcessed.total'], min: 'minApplications' },
  { name: 'notProcessed', label: '不予处理比例', num: ['t3.notProcessed.sum.total'], den: ['t3.totalProcessed.total'], min: 'minApplications' },
  { name: 'reviewCorrected', label: '行政复议纠错率', num: ['t4.review.corrected'], den: ['t4.review.total'], less: ['t4.review.pending'], min: 'minCases' },
  {
    name: 'litigationCorrected',
    label: '行政诉讼纠错率',
    num: litigation('corrected'),
    den: litigation('total'),
    less: litigation('pending'),
    min: 'minCases',
  },
];

/** Counts whose zero is suspicious where the peers' median is large (and compared year on year). */
export const PEER_COUNTS: readonly string[] = [
  't3.newReceived.total',
  't4.review.total',
  't4.litigation.sum.total',
  't2.licensing.decisions',
  't2.penalty.decisions',
];

/** Every key the peer checks read. */
export const PEER_KEYS: readonly string[] = [...new Set([...PEER_RATES.flatMap((r) => [...r.num, ...r.den, ...(r.less ?? [])]), ...PEER_COUNTS])];

/** A rate's formula in the form's words (`(表三 · 予以公开 · 总计 + …) / (表三 · 办理结果总计 · 总计)`), as the page shows it under a chart. */
export const rateDefinition = (r: PeerRate): string =>
  `(${r.num.map(labelOf).join(' + ')}) / (${r.den.map(labelOf).join(' + ')}${(r.less ?? []).map((k) => ` − ${labelOf(k)}`).join('')})`;

/** Sum of the keys, or undefined when any is missing: a partial sum would misstate the rate. */
function total(keys: readonly string[], figure: FigureOf): number | undefined {
  let sum = 0;
  for (const k of keys) {
    const x = figure(k);
    if (x === undefined || !Number.isFinite(x)) return undefined;
    sum += x;
  }
  return sum;
}

/** The rate and its denominator; null when a part is missing or nothing was concluded. */
export function rateOf(rate: PeerRate, figure: FigureOf): { value: number; base: number } | null {
  const num = total(rate.num, figure);
  const den = total(rate.den, figure);
  if (num === undefined || den === undefined) return null;
  const base = den - (total(rate.less ?? [], figure) ?? 0);
  return base > 0 ? { value: num / base, base } : null;
}

export interface PeerOutlier<T> {
  item: T;
  value: number;
  side: 'high' | 'low';
  /** Modified z-score against the group (rates only). */
  z?: number;
}

export interface PeerCheck<T> {
  /** Members the check could rate (the rate defined with a large enough denominator; the count printed). */
  n: number;
  median: number | null;
  /** Robust spread (scaled MAD, else IQR) of the rated values; rates only. */
  spread: number | null;
  outliers: PeerOutlier<T>[];
}

type PeerOptions = Pick<AuditOptions, 'minPeers' | 'outlierZ' | 'minRateGap' | 'minApplications' | 'minCases' | 'zeroMedianMin'>;

/**
 * A rate out of line within one peer group: rated only in groups of at least `minPeers` members
 * whose denominator reaches the rate's minimum; an outlier lies beyond `outlierZ` robust spreads
 * from the median and at least `minRateGap` away from it (a tight group makes small gaps significant).
 */
export function rateOutliers<T>(rate: PeerRate, group: readonly T[], figureOf: (item: T) => FigureOf, options: PeerOptions): PeerCheck<T> {
  // Loops, not flatMap: a country-wide peer group is hundreds of thousands of members.
  const rated: { item: T; value: number }[] = [];
  for (const item of group) {
    const r = rateOf(rate, figureOf(item));
    if (r && r.base >= options[rate.min]) rated.push({ item, value: r.value });
  }
  if (rated.length === 0) return { n: 0, median: null, spread: null, outliers: [] };
  const { median: med, spread } = robustSpread(rated.map((x) => x.value));
  const check = { n: rated.length, median: med, spread };
  if (rated.length < options.minPeers || spread === 0) return { ...check, outliers: [] };
  const outliers: PeerOutlier<T>[] = [];
  for (const { item, value } of rated) {
    const z = (value - med) / spread;
    if (Math.abs(z) > options.outlierZ && Math.abs(value - med) >= options.minRateGap) outliers.push({ item, value, z, side: z > 0 ? 'high' : 'low' });
  }
  return { ...check, outliers };
}

/** A zero where the peers' median (groups of at least `minPeers` that printed the count) reaches `zeroMedianMin`. */
export function zeroOutliers<T>(key: string, group: readonly T[], figureOf: (item: T) => FigureOf, options: PeerOptions): PeerCheck<T> {
  const present: { item: T; value: number }[] = [];
  for (const item of group) {
    const value = figureOf(item)(key);
    if (value !== undefined) present.push({ item, value });
  }
  if (present.length === 0) return { n: 0, median: null, spread: null, outliers: [] };
  const med = median(present.map((p) => p.value));
  const check = { n: present.length, median: med, spread: null };
  if (present.length < options.minPeers || med < options.zeroMedianMin) return { ...check, outliers: [] };
  return { ...check, outliers: present.filter((p) => p.value === 0).map((p) => ({ ...p, side: 'low' as const })) };
}
