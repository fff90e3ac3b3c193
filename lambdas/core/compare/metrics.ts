/**
 * The figures officers compare across agencies: four rates computed from table 3 and table 4
 * (fields.md keys), and any canonical key taken as it is. Rates are `null` when their
 * denominator is missing or zero, so an agency with no applications is not ranked as 0 %.
 */

export type Values = Readonly<Record<string, number>>;

export interface Metric {
  id: string;
  label: string;
  kind: 'rate' | 'count';
  /** How the figure is computed, for the page and the OpenAPI description. */
  definition: string;
  compute(values: Values): number | null;
}

const get = (v: Values, key: string): number | undefined => (Number.isFinite(v[key]) ? v[key] : undefined);

/** Sum of the keys, or undefined when any is missing: a partial sum would understate the rate. */
function sum(v: Values, keys: string[]): number | undefined {
  let total = 0;
  for (const k of keys) {
    const x = get(v, k);
    if (x === undefined) return undefined;
    total += x;
  }
  return total;
}

function ratio(numerator: number | undefined, denominator: number | undefined): number | null {
  if (numerator === undefined || denominator === undefined || denominator <= 0) return null;
  return numerator / denominator;
}

/** Concluded cases of table 4 groups: everything except those still pending. */
function corrected(v: Values, groups: string[]): number | null {
  const correctedCount = sum(v, groups.map((g) => `t4.${g}.corrected`));
  const total = sum(v, groups.map((g) => `t4.${g}.total`));
  const pending = sum(v, groups.map((g) => `t4.${g}.pending`)) ?? 0;
  return ratio(correctedCount, total === undefined ? undefined : total - pending);
}

export const RATE_METRICS: readonly Metric[] = [
  {
    id: 'rate.granted',
    label: '公开或部分公开率',
    kind: 'rate',
    definition: '(t3.granted.total + t3.partial.total) / t3.totalProcessed.total',
    compute: (v) => ratio(sum(v, ['t3.granted.total', 't3.partial.total']), get(v, 't3.totalProcessed.total')),
  },
  {
    id: 'rate.noInfo',
    label: '本机关不掌握相关信息比例',
    kind: 'rate',
    definition: 't3.unable.noInfo.total / t3.totalProcessed.total',
    compute: (v) => ratio(get(v, 't3.unable.noInfo.total'), get(v, 't3.totalProcessed.total')),
  },
  {
    id: 'rate.reviewCorrected',
    label: '行政复议纠错率',
    kind: 'rate',
    definition: 't4.review.corrected / (t4.review.total − t4.review.pending), among concluded reviews',
    compute: (v) => corrected(v, ['review']),
  },
  {
    id: 'rate.litigationCorrected',
    label: '行政诉讼纠错率',
    kind: 'rate',
    definition: 'corrected / concluded over t4.litigationDirect and t4.litigationAfterReview',
    compute: (v) => corrected(v, ['litigationDirect', 'litigationAfterReview']),
  },
];

export const DEFAULT_METRICS = [...RATE_METRICS.map((m) => m.id), 't3.newReceived.total'];

/** A canonical or derived key of fields.md used as a metric: `t3.newReceived.total`, `t4.litigation.sum.total`. */
export const VALUE_KEY = /^t[234](\.[A-Za-z]+){2,3}$/;

/** Labels of the totals officers look at most; other keys are labelled by the key itself. */
const KEY_LABELS: Record<string, string> = {
  't3.newReceived.total': '本年新收申请',
  't3.carriedOver.total': '上年结转申请',
  't3.totalProcessed.total': '办理结果总计',
  't3.carriedForward.total': '结转下年度办理',
  't4.review.total': '行政复议总计',
  't4.litigation.sum.total': '行政诉讼总计',
};

/** The metric for an id, or undefined when it is neither a rate nor a well-formed key. */
export function metricFor(id: string): Metric | undefined {
  const rate = RATE_METRICS.find((m) => m.id === id);
  if (rate) return rate;
  if (!VALUE_KEY.test(id)) return undefined;
  return { id, label: KEY_LABELS[id] ?? id, kind: 'count', definition: `the value of ${id}`, compute: (v) => get(v, id) ?? null };
}

/** A metric as the API and the page describe it (without its function). */
export const metricInfo = ({ id, label, kind, definition }: Metric) => ({ id, label, kind, definition });
