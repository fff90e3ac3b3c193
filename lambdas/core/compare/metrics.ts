import { figure } from '../audit/figures';
import { figureName, labelOf } from '../form';
import {
  PEER_COUNTS,
  PEER_RATES,
  rateDefinition,
  rateOf,
  rateOutliers,
  zeroOutliers,
  type FigureOf,
  type PeerCheck,
  type PeerRate,
} from '../audit/peer-outliers';
import type { AuditOptions } from '../audit/types';

/**
 * The figures officers compare across agencies: the audit's peer rates (X5, `audit/peer-outliers.ts`)
 * and any canonical key taken as it is. Rates are `null` when their denominator is missing or zero,
 * so an agency with no applications is not ranked as 0 %.
 */

/** One agency's table values with its derived subtotals merged in (table values win). */
export type Values = Readonly<Record<string, number>>;

export interface Metric {
  id: string;
  label: string;
  kind: 'rate' | 'count';
  /** How the figure is computed, for the page and the OpenAPI description. */
  definition: string;
  compute(values: Values): number | null;
  /** The audit's X5 check for this metric within a peer group; absent: the audit checks no such figure among peers. */
  peers?<T>(group: readonly T[], valuesOf: (item: T) => Values, options: AuditOptions): PeerCheck<T>;
}

/** A figure as the audit reads it (`audit/figures.ts`): the value, else a subtotal summed from its parts. */
const figureIn =
  (v: Values): FigureOf =>
  (key) =>
    figure(v, {}, key);

const rateMetric = (rate: PeerRate): Metric => ({
  id: `rate.${rate.name}`,
  label: rate.label,
  kind: 'rate',
  definition: rateDefinition(rate),
  compute: (v) => rateOf(rate, figureIn(v))?.value ?? null,
  peers: (group, valuesOf, options) => rateOutliers(rate, group, (item) => figureIn(valuesOf(item)), options),
});

export const RATE_METRICS: readonly Metric[] = PEER_RATES.map(rateMetric);

export const DEFAULT_METRICS = ['rate.granted', 'rate.noInfo', 'rate.reviewCorrected', 'rate.litigationCorrected', 't3.newReceived.total'];

/** A canonical or derived key of fields.md used as a metric: `t3.newReceived.total`, `t4.litigation.sum.total`. */
export const VALUE_KEY = /^t[234](\.[A-Za-z]+){2,3}$/;

/** The metric for an id, or undefined when it is neither a rate nor a well-formed key. */
export function metricFor(id: string): Metric | undefined {
  const rate = RATE_METRICS.find((m) => m.id === id);
  if (rate) return rate;
  if (!VALUE_KEY.test(id)) return undefined;
  return {
    id,
    label: figureName(id),
    kind: 'count',
    definition: `${labelOf(id)}: the value of ${id}`,
    compute: (v) => figureIn(v)(id) ?? null,
    ...(PEER_COUNTS.includes(id) ? { peers: (group, valuesOf, options) => zeroOutliers(id, group, (item) => figureIn(valuesOf(item)), options) } : {}),
  } satisfies Metric;
}

/** A metric as the API and the page describe it (without its functions). */
export const metricInfo = ({ id, label, kind, definition, peers }: Metric) => ({ id, label, kind, definition, peerCheck: peers !== undefined });
