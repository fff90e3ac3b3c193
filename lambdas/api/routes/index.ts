import { openApiDocument } from '../openapi';
import { route, Router, type Route } from '../router';
import { agencyHistory, listAgencies } from './agencies';
import { listAudits } from './audits';
import { compare } from './compare';
import { listFindingsRoute, reviewFinding } from './findings';
import { decidePending, listPending } from './pending';
import { listReports, reportDetail, reportFile, reportSource, reportText } from './reports';
import { overview } from './overview';
import { listRules } from './rules';

const openapi = route({
  method: 'GET',
  path: '/openapi.json',
  summary: 'This API described as OpenAPI 3.1',
  responses: { 200: 'The OpenAPI document' },
  async run() {
    return { json: openApiDocument(routes) };
  },
});

/** Every route of the API; the CDK construct declares one API Gateway route for each. */
export const routes: Route[] = [
  listReports,
  reportDetail,
  reportSource,
  reportFile,
  reportText,
  listFindingsRoute,
  reviewFinding,
  listPending,
  decidePending,
  compare,
  agencyHistory,
  listAgencies,
  overview,
  listRules,
  listAudits,
  openapi,
];

export const router = new Router(routes);
