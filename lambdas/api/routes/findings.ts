import { oneNamePerIdentity } from '../../core/agency/identity';
import { isAssessable, isOpen } from '../../core/findings/counts';
import { matchesRule } from '../../core/rules/family';
import { findingsCsv } from '../../core/findings/csv';
import { findingTally, listFindings, listReportsByAgency, type FindingView } from '../../store';
import { listAuditFindings } from '../../store/audit';
import { getReviews, putReview, type ReviewItem } from '../../store/reviews';
import { namesOf } from '../directory';
import { NotFound } from '../errors';
import { route } from '../router';
import { findingIdParam, findingsQuery, reviewBody } from '../schemas';
import { findingOut, fingerprintOf, parseFindingRef, reviewOut, type FindingOut } from '../views';
import { reportFindings } from './reports';

/** Store pages read to fill one page when the review filter drops items; bounds one request's cost. */
const MAX_ROUNDS = 10;
/** Rows of one CSV export: a year of a large province stays below it; past it the file says so. */
const CSV_LIMIT = 20_000;

type Query = ReturnType<typeof findingsQuery.parse>;

/** The list's filters, in the counts' own terms (core/findings/counts.ts): `review=open` lists exactly what the overview counts as open. */
const wantedBy = (query: Query) => (f: Pick<FindingOut, 'rule' | 'severity' | 'outcome' | 'review'>) =>
  (!query.rule || matchesRule(f.rule, query.rule)) &&
  (!query.severity || f.severity === query.severity) &&
  (query.notAssessable || isAssessable(f)) &&
  (!query.review || (query.review === 'open' ? isOpen(f, f.review) : f.review?.status === query.review));

async function withReviews(items: FindingView[]): Promise<FindingOut[]> {
  const reviews = await getReviews(items.map(fingerprintOf));
  return items.map((f) => findingOut(f, reviews.get(fingerprintOf(f))));
}

/** One agency-year: its reports' findings under every name it printed, and the audit's findings about it. */
async function agencyFindings(agency: string, year: number): Promise<FindingOut[]> {
  const names = await namesOf(agency, [year]);
  const reports = (await Promise.all(oneNamePerIdentity(names).map((n) => listReportsByAgency(n)))).flat().filter((r) => r.year === year);
  const own = (await Promise.all(reports.map((r) => reportFindings(r.id)))).flat();
  const audit = (await listAuditFindings(year))
    .filter((f) => f.agency !== null && names.includes(f.agency))
    .map((f, n) => ({ ...f, reportId: f.reports[0] ?? '', n }));
  return [...own, ...(await withReviews(audit))];
}

/** One page (or, for `limit` past a page, several) of a year's findings through the indexes. */
async function yearFindings(query: Query, limit: number, cursor: string | undefined, rounds: number) {
  const wanted = wantedBy(query);
  const items: FindingOut[] = [];
  for (let round = 0; round < rounds; round++) {
    const page = await listFindings(
      { year: query.year, rule: query.rule, severity: query.severity, hideNotAssessable: !query.notAssessable },
      { limit: Math.min(200, limit - items.length), cursor },
    );
    items.push(...(await withReviews(page.items)).filter(wanted));
    cursor = page.cursor;
    if (!cursor || items.length >= limit) break;
  }
  return { items, cursor };
}

/**
 * How many findings of the year the filters match, all pages together: the overview's own tally
 * (five attributes each) with the same reviews and the same filter, so the list's total and the
 * overview's counts are one count.
 */
async function yearTotal(query: Query): Promise<number> {
  const tally = await findingTally(query.year);
  const reviews = await getReviews(tally.map(fingerprintOf));
  const wanted = wantedBy(query);
  return tally.filter((f) => wanted({ ...f, outcome: f.outcome ?? 'failed', review: reviewState(reviews.get(fingerprintOf(f))) })).length;
}

const reviewState = (r: ReviewItem | undefined) => (r ? reviewOut(r) : null);

export const listFindingsRoute = route({
  method: 'GET',
  path: '/findings',
  summary: 'Findings of the current reports of a year, by rule, severity, agency and review state (JSON or CSV)',
  description:
    'Cursor pagination: pass `cursor` from the previous page. A page may hold fewer than `limit` items when the review ' +
    'filter drops some; only a missing `cursor` means the end. With `agency`, all findings of that agency-year come at once, ' +
    "under every name its reports printed (aliases, a leading division) and with the audit's findings about it. " +
    '`rule` takes a rule id (`S5-balance`) or a family (`S5`). `format=csv` downloads every matching finding (formula-safe).',
  query: findingsQuery,
  alsoProduces: ['text/csv'],
  responses: {
    200: '`{items: Finding[], cursor?, total?}` (`total` on the first page: every matching finding), or a CSV file with `format=csv`',
    400: 'Invalid query or cursor',
  },
  async run({ query }) {
    const csv = query.format === 'csv';
    const result = query.agency
      ? { items: (await agencyFindings(query.agency, query.year)).filter(wantedBy(query)), cursor: undefined }
      : await yearFindings(query, csv ? CSV_LIMIT + 1 : query.limit, query.cursor, csv ? Infinity : MAX_ROUNDS);
    if (!csv) {
      // The first page says how many there are in all; later pages need not count again.
      const total = query.agency ? result.items.length : query.cursor ? undefined : await yearTotal(query);
      return { json: { ...result, total } };
    }
    const filename = `ogi-findings-${query.year}${query.agency ? `-${query.agency}` : ''}${query.rule ? `-${query.rule}` : ''}.csv`;
    const truncated = result.items.length > CSV_LIMIT;
    return {
      file: {
        body: findingsCsv(result.items.slice(0, CSV_LIMIT), truncated ? `… more than ${CSV_LIMIT} findings: narrow the filters` : undefined),
        contentType: 'text/csv; charset=utf-8',
        filename,
      },
    };
  },
});

export const reviewFinding = route({
  method: 'PATCH',
  path: '/findings/{id}',
  summary: "Record an officer's review of a finding (confirmed or dismissed, with a note)",
  description: "Kept under the finding's fingerprint: a re-parse of the unchanged report finds the review again.",
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
