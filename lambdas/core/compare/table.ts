import { DEFAULT_AUDIT_OPTIONS } from '../audit/options';
import { median } from '../audit/stats';
import type { AuditOptions } from '../audit/types';
import { metricInfo, type Metric, type Values } from './metrics';

/** One agency's report for the compared year: its table values and derived subtotals merged. */
export interface CompareInput {
  reportId: string;
  agency: string;
  values: Values;
}

export interface CompareCell {
  value: number | null;
  outlier: boolean;
  /** Which side of the median an outlier lies on: ▲ high, ▼ low. */
  direction: 'high' | 'low' | null;
}

export interface CompareRow {
  agency: string;
  reportId: string;
  cells: Record<string, CompareCell>;
}

/** Per metric: how many agencies the audit's check could rate, their median and robust spread (rates). */
export interface Spread {
  n: number;
  median: number | null;
  spread: number | null;
}

export interface CompareTable {
  metrics: ReturnType<typeof metricInfo>[];
  rows: CompareRow[];
  spread: Record<string, Spread>;
  /** The audit's thresholds the outliers were marked with. */
  method: Pick<AuditOptions, 'minPeers' | 'outlierZ' | 'minRateGap' | 'minApplications' | 'minCases' | 'zeroMedianMin'>;
}

/**
 * Agency × metric table, rows in agency order (zh collation). Outliers are the audit's (X5) among
 * the agencies given, which are the peer group: a rate out of line, a suspicious zero; a metric the
 * audit does not check among peers marks no one.
 */
export function compareTable(inputs: readonly CompareInput[], metrics: readonly Metric[], options: AuditOptions = DEFAULT_AUDIT_OPTIONS): CompareTable {
  const pairs = [...inputs]
    .sort((a, b) => a.agency.localeCompare(b.agency, 'zh-Hans-CN'))
    .map((input) => ({
      input,
      row: {
        agency: input.agency,
        reportId: input.reportId,
        cells: Object.fromEntries(metrics.map((m): [string, CompareCell] => [m.id, { value: m.compute(input.values), outlier: false, direction: null }])),
      },
    }));
  const rows: CompareRow[] = pairs.map((p) => p.row);
  const spreads: Record<string, Spread> = {};
  for (const m of metrics) {
    if (m.peers) {
      const check = m.peers(pairs, (p) => p.input.values, options);
      for (const o of check.outliers) Object.assign(o.item.row.cells[m.id], { outlier: true, direction: o.side });
      spreads[m.id] = { n: check.n, median: check.median, spread: check.spread };
    } else {
      const values = rows.map((r) => r.cells[m.id].value).filter((v): v is number => v !== null);
      spreads[m.id] = { n: values.length, median: values.length ? median(values) : null, spread: null };
    }
  }
  const { minPeers, outlierZ, minRateGap, minApplications, minCases, zeroMedianMin } = options;
  return { metrics: metrics.map(metricInfo), rows, spread: spreads, method: { minPeers, outlierZ, minRateGap, minApplications, minCases, zeroMedianMin } };
}
