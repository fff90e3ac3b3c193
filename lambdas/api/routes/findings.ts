import { matchesRule } from '../../core/rules/family';
import { listFindings, listReportsByAgency } from '../../store';
import { getReviews, putReview } from '../../store/reviews';
import { NotFound } from '../errors';
import { route } from '../router';
import { findingIdParam, findingsQuery, reviewBody } from '../schemas';
import { findingOut, fingerprintOf, parseFindingRef, reviewOut, type FindingOut } from '../views';
import { reportFindings } from './reports';

/** Store pages read to fill one page when the review filter drops items; bounds one request's cost. */
const MAX_ROUNDS = 10;

export const listFindingsRoute = route({
  method: 'GET',
  path: '/findings',
  summary: 'Findings of the current reports of a year, by rule, severity, agency and review state',
  description:
    'Cursor pagination: pass `cursor` from the previous page. A page may hold fewer than `limit` items when the review ' +
    'filter drops some; only a missing `cursor` means the end. With `agency`, all findings of that agency-year come at once.',
  query: findingsQuery,
  responses: { 200: '`{items: Finding[], cursor?}`', 400: 'Invalid query or cursor' },
  async run({ query }) {
    const wanted = (f: FindingOut) =>
      (!query.rule || matchesRule(f.rule, query.rule)) &&
      (!query.severity || f.severity === query.severity) &&
      (query.notAssessable || f.outcome !== 'not-assessable') &&
      (!query.review || (f.review?.status ?? 'open') === query.review);
    if (query.agency) {
      // One agency-year: its current report's findings, read directly rather than filtered out of the year.
      const reports = (await listReportsByAgency(query.agency)).filter((r) => r.year === query.year);
      const items = (await Promise.all(reports.map((r) => reportFindings(r.id)))).flat().filter(wanted);
      return { json: { items } };
    }
    const items: FindingOut[] = [];
    let cursor = query.cursor;
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const page = await listFindings(
        { year: query.year, rule: query.rule, severity: query.severity, hideNotAssessable: !query.notAssessable },
        { limit: query.limit - items.length, cursor },
      );
      const reviews = await getReviews(page.items.map(fingerprintOf));
      items.push(...page.items.map((f) => findingOut(f, reviews.get(fingerprintOf(f)))).filter(wanted));
      cursor = page.cursor;
      if (!cursor || items.length >= query.limit) break;
    }
    return { json: { items, cursor } };
  },
});

export const reviewFinding = route({
  method: 'PATCH',
  path: '/findings/{id}',
  summary: 'Record an officer\'s review of a finding (confirmed or dismissed, with a note)',
  description: 'Kept under the finding\'s fingerprint: a re-parse of the unchanged report finds the review again.',
  params: findingIdParam,
  body: reviewBody,
  responses: { 200: '`{finding}` with its review', 400: 'Invalid body', 404: 'No such finding' },
  async run({ params, body, identity }) {
    const { reportId, fingerprint } = parseFindingRef(params.id);
    const finding = (await reportFindings(reportId)).find((f) => f.fingerprint === fingerprint);
    if (!finding) throw new NotFound(`No finding ${params.id}`);
    const review = await putReview(fingerprint, reportId, { status: body.review, note: body.note, by: identity, at: new Date().toISOString() });
    return { json: { finding: { ...finding, review: reviewOut(review) } } };
  },
});
