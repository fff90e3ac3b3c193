import { oneNamePerIdentity } from '../../core/agency/identity';
import { metricInfo, RATE_METRICS } from '../../core/compare';
import { listReportsByAgency, type ReportView } from '../../store';
import { route } from '../router';
import { agencyDirectory, namesOf } from '../directory';
import { agenciesQuery, agencyParam, historyQuery } from '../schemas';
import { reportSummary } from '../views';
import { metricsOf } from './compare';

/** What an agency's history shows by default: the rates and the figures they are made of. */
const HISTORY_METRICS = [
  ...RATE_METRICS.map((m) => m.id),
  't3.newReceived.total',
  't3.carriedOver.total',
  't3.totalProcessed.total',
  't3.carriedForward.total',
  't4.review.total',
  't4.litigation.sum.total',
];

/**
 * Every version of an agency's reports, under each name they were printed with: the years around
 * those of its own name are read to find the aliases the audit's matching puts under the same agency.
 */
async function reportsUnderEveryName(agency: string): Promise<ReportView[]> {
  const own = await listReportsByAgency(agency, { history: true });
  const years = own.map((r) => r.year).filter((y): y is number => y !== null);
  const last = new Date().getUTCFullYear();
  const around = years.length ? range(Math.min(...years) - 1, Math.min(last, Math.max(...years) + 1)) : range(last - 2, last - 1);
  const names = oneNamePerIdentity([agency, ...(await namesOf(agency, around))]).slice(1);
  const others = await Promise.all(names.map((n) => listReportsByAgency(n, { history: true })));
  const seen = new Set<string>();
  return [...own, ...others.flat()].filter((r) => !seen.has(r.id) && seen.add(r.id));
}

const range = (from: number, to: number) => Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);

export const agencyHistory = route({
  method: 'GET',
  path: '/agencies/{agency}/history',
  summary:
    "An agency's years side by side: the current report of each year with its metrics, and every version; reports printed under an alias or without a leading division are merged as the audit matches them",
  params: agencyParam,
  query: historyQuery,
  description: 'An agency with no report under any of its names (registered and never reported, or a name nobody printed) has an empty history: `years: []`.',
  responses: { 200: '`{agency, names, metrics, years: [{year, report, values, versions}]}`' },
  async run({ params, query }) {
    const all = await reportsUnderEveryName(params.agency);
    const metrics = metricsOf(query.metrics ?? HISTORY_METRICS);
    const byYear = new Map<number, ReportView[]>();
    for (const r of all) if (r.year !== null) byYear.set(r.year, [...(byYear.get(r.year) ?? []), r]);
    const years = [...byYear.entries()]
      .sort(([a], [b]) => a - b)
      .map(([year, versions]) => {
        const current = versions.find((v) => v.current) ?? versions[versions.length - 1];
        const values = { ...current.derived, ...current.values };
        return {
          year,
          report: reportSummary(current),
          values: Object.fromEntries(metrics.map((m) => [m.id, m.compute(values)])),
          versions: versions.map((v) => ({ id: v.id, status: v.status, uploadedAt: v.uploadedAt, current: v.current, supersededBy: v.supersededBy ?? null })),
        };
      });
    const names = [...new Set(all.map((r) => r.agency).filter((n): n is string => n !== null))];
    return { json: { agency: params.agency, names, metrics: metrics.map(metricInfo), years } };
  },
});

export const listAgencies = route({
  method: 'GET',
  path: '/agencies',
  summary: "Agencies for pick-lists: the registry, and with `year` the names that year's reports printed",
  query: agenciesQuery,
  responses: { 200: '`{items: [{name, registered, kind, level, region, names}]}`' },
  async run({ query }) {
    const dir = await agencyDirectory(query.year ? [query.year] : []);
    return { json: { items: dir.entries().sort((a, b) => a.name.localeCompare(b.name, 'zh-CN')) } };
  },
});
