import { compareCsv, compareTable, DEFAULT_METRICS, metricFor, type Metric } from '../../core/compare';
import { valuesForYear } from '../../store';
import { agencyDirectory } from '../directory';
import { route } from '../router';
import { compareQuery } from '../schemas';

/** Metric ids to metrics; the schema has already refused unknown ids. */
export const metricsOf = (ids: string[] | undefined): Metric[] => (ids ?? DEFAULT_METRICS).map((id) => metricFor(id)!);

/** The printed names of the registered agencies in the chosen peer group (kind, level, region); undefined for no group. */
async function peerNames(query: { year: number; kind?: string; level?: string; region?: string }): Promise<Set<string> | undefined> {
  if (!query.kind && !query.level && !query.region) return undefined;
  const dir = await agencyDirectory([query.year]);
  const inGroup = dir.entries.filter((e) => e.registered && (!query.kind || e.kind === query.kind) && (!query.level || e.level === query.level) && (!query.region || e.region === query.region));
  return new Set(inGroup.flatMap((e) => e.names));
}

export const compare = route({
  method: 'GET',
  path: '/compare',
  summary: 'Agency × metric table for a year with computed rates and outliers (JSON or CSV)',
  description:
    'Rates: rate.granted = (granted + partial) / totalProcessed; rate.noInfo = unable.noInfo / totalProcessed; ' +
    'rate.reviewCorrected and rate.litigationCorrected = corrected / concluded (total − pending). ' +
    'Outliers: modified z-score (median, MAD) above 3.5, among at least 5 agencies, with the side (`direction`: high or low). ' +
    'A peer group (`kind`, `level`, `region`, from the registry) limits the table, and so the outliers, to those agencies.',
  query: compareQuery,
  alsoProduces: ['text/csv'],
  responses: { 200: '`{year, metrics, rows, spread}`, or a CSV file with `format=csv`', 400: 'Invalid query' },
  async run({ query }) {
    const wanted = query.agencies ? new Set(query.agencies) : undefined;
    const peers = await peerNames(query);
    const inputs = (await valuesForYear(query.year))
      .filter((a) => (!wanted || wanted.has(a.agency)) && (!peers || peers.has(a.agency)))
      .map((a) => ({ reportId: a.reportId, agency: a.agency, values: { ...a.derived, ...a.values } }));
    const table = compareTable(inputs, metricsOf(query.metrics));
    if (query.format === 'csv')
      return { file: { body: compareCsv(table), contentType: 'text/csv; charset=utf-8', filename: `ogi-compare-${query.year}.csv` } };
    return { json: { year: query.year, ...table } };
  },
});
