import { metricInfo, type Metric, type Values } from './metrics';
import { outlierSides, spread, type Spread } from './outliers';

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

export interface CompareTable {
  metrics: ReturnType<typeof metricInfo>[];
  rows: CompareRow[];
  /** Per metric: how many agencies have a value, their median and MAD. */
  spread: Record<string, Spread>;
}

/** Agency × metric table with outliers marked per metric; rows in agency order (zh collation). */
export function compareTable(inputs: readonly CompareInput[], metrics: readonly Metric[]): CompareTable {
  const rows: CompareRow[] = [...inputs]
    .sort((a, b) => a.agency.localeCompare(b.agency, 'zh-Hans-CN'))
    .map((input) => ({
      agency: input.agency,
      reportId: input.reportId,
      cells: Object.fromEntries(metrics.map((m) => [m.id, { value: m.compute(input.values), outlier: false, direction: null }])),
    }));
  const spreads: Record<string, Spread> = {};
  for (const m of metrics) {
    const present = rows.filter((r) => r.cells[m.id].value !== null);
    const values = present.map((r) => r.cells[m.id].value as number);
    const sides = outlierSides(values);
    present.forEach((r, i) => Object.assign(r.cells[m.id], { outlier: sides[i] !== null, direction: sides[i] }));
    spreads[m.id] = spread(values);
  }
  return { metrics: metrics.map(metricInfo), rows, spread: spreads };
}
