import { listAuditRuns } from '../../store/audit';
import { route } from '../router';
import { overviewQuery } from '../schemas';
import { sourceLink } from '../source-link';

export const listAudits = route({
  method: 'GET',
  path: '/audits',
  summary: 'The audit runs of a year, latest first, each with presigned links to its HTML, CSV and JSON report',
  description: 'Links are valid for 5 minutes; the files stay in the bucket under audits/<year>/<run>/.',
  query: overviewQuery,
  responses: { 200: '`{items: [{id, year, startedAt, finishedAt, counts, files: {html, csv, json: {url, expiresAt}}}]}`' },
  async run({ query }) {
    const bucket = process.env.OGI_BUCKET ?? '';
    const runs = await listAuditRuns(query.year);
    const items = await Promise.all(
      runs.map(async (run) => {
        const link = (key: string) => sourceLink({ bucket, key }, key.split('/').pop()!);
        const [html, csv, json] = await Promise.all([link(run.files.html), link(run.files.csv), link(run.files.json)]);
        return { ...run, files: { html, csv, json } };
      }),
    );
    return { json: { items } };
  },
});
