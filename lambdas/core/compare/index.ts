export { compareCsv, csvTable } from './csv';
export { DEFAULT_METRICS, metricFor, metricInfo, RATE_METRICS, VALUE_KEY, type Metric, type Values } from './metrics';
export { compareTable, type CompareCell, type CompareInput, type CompareRow, type CompareTable, type Spread } from './table';
