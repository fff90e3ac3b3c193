import { compareCsv, compareTable, DEFAULT_METRICS, metricFor, type Metric } from '../../core/compare';
import { valuesForYear } from '../../store';
import { route } from '../router';
import { compareQuery } from '../schemas';

/** Metric ids to metrics; the schema has already refused unknown ids. */
export const metricsOf = (ids: string[] | undefined): Metric[] => (ids ?? DEFAULT_METRICS).map((id) => metricFor(id)!);

export const compare = route({
  method: 'GET',
  path: '/compare',
  summary: 'Agency × metric table for a year with computed rates and outliers (JSON or CSV)',
  description:
    'Rates: rate.granted = (granted + partial) / totalProcessed; rate.noInfo = unable.noInfo / totalProcessed; ' +
    'rate.reviewCorrected and rate.litigationCorrected = corrected / concluded (total − pending). ' +
    'Outliers: modified z-score (median, MAD) above 3.5, among at least 5 agencies.',
  query: compareQuery,
  alsoProduces: ['text/csv'],
  responses: { 200: '`{year, metrics, rows, spread}`, or a CSV file with `format=csv`', 400: 'Invalid query' },
  async run({ query }) {
    const wanted = query.agencies ? new Set(query.agencies) : undefined;
    const inputs = (await valuesForYear(query.year))
      .filter((a) => !wanted || wanted.has(a.agency))
      .map((a) => ({ reportId: a.reportId, agency: a.agency, values: { ...a.derived, ...a.values } }));
    const table = compareTable(inputs, metricsOf(query.metrics));
    if (query.format === 'csv')
      return { file: { body: compareCsv(table), contentType: 'text/csv; charset=utf-8', filename: `ogi-compare-${query.year}.csv` } };
    return { json: { year: query.year, ...table } };
  },
});
