export { compareCsv, csvTable } from './csv';
export { DEFAULT_METRICS, metricFor, metricInfo, RATE_METRICS, VALUE_KEY, type Metric, type Values } from './metrics';
export { median, outliers, spread, MIN_PEERS, Z_CUTOFF, type Spread } from './outliers';
export { compareTable, type CompareCell, type CompareInput, type CompareRow, type CompareTable } from './table';
