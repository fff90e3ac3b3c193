import { metricInfo, RATE_METRICS } from '../../core/compare';
import { listReportsByAgency, type ReportView } from '../../store';
import { NotFound } from '../errors';
import { route } from '../router';
import { agencyParam, historyQuery } from '../schemas';
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

export const agencyHistory = route({
  method: 'GET',
  path: '/agencies/{agency}/history',
  summary: "An agency's years side by side: the current report of each year with its metrics, and every version",
  params: agencyParam,
  query: historyQuery,
  responses: { 200: '`{agency, metrics, years: [{year, report, values, versions}]}`', 404: 'No reports for this agency' },
  async run({ params, query }) {
    const all = await listReportsByAgency(params.agency, { history: true });
    if (all.length === 0) throw new NotFound(`No reports for agency ${params.agency}`);
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
    return { json: { agency: params.agency, metrics: metrics.map(metricInfo), years } };
  },
});
