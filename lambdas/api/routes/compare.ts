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
  const inGroup = dir
    .entries()
    .filter(
      (e) =>
        e.registered && (!query.kind || e.kind === query.kind) && (!query.level || e.level === query.level) && (!query.region || e.region === query.region),
    );
  return new Set(inGroup.flatMap((e) => e.names));
}

export const compare = route({
  method: 'GET',
  path: '/compare',
  summary: 'Agency × metric table for a year with computed rates and outliers (JSON or CSV)',
  description:
    "Rates are the audit's peer rates (each metric's `definition`); correction rates are among concluded cases (total − pending). " +
    "Outliers are the audit's (rule X5, the same functions) among the agencies listed: a rate beyond `method.outlierZ` robust spreads " +
    '(median, scaled MAD) and `method.minRateGap` from the median, among at least `method.minPeers` agencies whose denominator reaches ' +
    "`minApplications`/`minCases`; a zero where the peers' median reaches `zeroMedianMin` (X5's counts). `direction`: high or low; " +
    'metrics the audit does not compare among peers (`peerCheck: false`) mark no one. ' +
    'A peer group (`kind`, `level`, `region`, from the registry) limits the table, and so the outliers, to those agencies.',
  query: compareQuery,
  alsoProduces: ['text/csv'],
  responses: { 200: '`{year, metrics, rows, spread, method}`, or a CSV file with `format=csv`', 400: 'Invalid query' },
  async run({ query }) {
    const wanted = query.agencies ? new Set(query.agencies) : undefined;
    const peers = await peerNames(query);
    const inputs = (await valuesForYear(query.year))
      .filter((a) => (!wanted || wanted.has(a.agency)) && (!peers || peers.has(a.agency)))
      .map((a) => ({ reportId: a.reportId, agency: a.agency, values: { ...a.derived, ...a.values } }));
    const table = compareTable(inputs, metricsOf(query.metrics));
    if (query.format === 'csv') return { file: { body: compareCsv(table), contentType: 'text/csv; charset=utf-8', filename: `ogi-compare-${query.year}.csv` } };
    return { json: { year: query.year, ...table } };
  },
});
