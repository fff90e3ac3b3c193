import { listAuditRuns } from '../../store/audit';
import { route } from '../router';
import { overviewQuery } from '../schemas';
import { sourceLink } from '../source-link';

export const listAudits = route({
  method: 'GET',
  path: '/audits',
  summary: 'The audit runs of a year, latest first, each with its status and, once it succeeded, presigned links to its HTML, CSV and JSON report',
  description:
    'Status is running, succeeded, failed, timed-out or aborted (with `error`); a run that did not succeed has no counts or files. Links are valid for 5 minutes; the files stay in the bucket under audits/<year>/<run>/.',
  query: overviewQuery,
  responses: { 200: '`{items: [{id, year, status, startedAt, finishedAt?, error?, counts?, files?: {html, csv, json: {url, expiresAt}}}]}`' },
  async run({ query }) {
    const bucket = process.env.OGI_BUCKET ?? '';
    const runs = await listAuditRuns(query.year);
    const items = await Promise.all(
      runs.map(async (run) => {
        if (!run.files) return { ...run, files: undefined };
        const link = (key: string) => sourceLink({ bucket, key }, key.split('/').pop()!);
        const [html, csv, json] = await Promise.all([link(run.files.html), link(run.files.csv), link(run.files.json)]);
        return { ...run, files: { html, csv, json } };
      }),
    );
    return { json: { items } };
  },
});
