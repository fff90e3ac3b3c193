import { oneNamePerIdentity } from '../../core/agency/identity';
import { matchesRule } from '../../core/rules/family';
import { csvTable } from '../../core/compare';
import { listFindings, listReportsByAgency, type FindingView } from '../../store';
import { listAuditFindings } from '../../store/audit';
import { getReviews, putReview } from '../../store/reviews';
import { namesOf } from '../directory';
import { NotFound } from '../errors';
import { familyOf, RULE_INFO } from '../names';
import { route } from '../router';
import { findingIdParam, findingsQuery, reviewBody } from '../schemas';
import { findingOut, fingerprintOf, parseFindingRef, reviewOut, type FindingOut } from '../views';
import { reportFindings } from './reports';

/** Store pages read to fill one page when the review filter drops items; bounds one request's cost. */
const MAX_ROUNDS = 10;
/** Rows of one CSV export: a year of a large province stays below it; past it the file says so. */
const CSV_LIMIT = 20_000;

type Query = ReturnType<typeof findingsQuery.parse>;

const wantedBy = (query: Query) => (f: FindingOut) =>
  (!query.rule || matchesRule(f.rule, query.rule)) &&
  (!query.severity || f.severity === query.severity) &&
  (query.notAssessable || f.outcome !== 'not-assessable') &&
  (!query.review || (f.review?.status ?? 'open') === query.review);

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

const CSV_HEADER = [
  'agency',
  'year',
  'rule',
  'rule_name',
  'severity',
  'outcome',
  'message',
  'message_en',
  'keys',
  'evidence',
  'review',
  'review_note',
  'report_id',
  'finding_id',
];

function findingsCsv(items: FindingOut[], truncated: boolean): string {
  const name = (rule: string) => RULE_INFO.find((r) => r.id === familyOf(rule))?.name.zh ?? '';
  const rows = items.map((f) => [
    f.agency ?? '',
    String(f.year ?? ''),
    f.rule,
    name(f.rule),
    f.severity,
    f.outcome,
    f.message,
    f.messageEn ?? '',
    f.keys.join(' '),
    f.evidence ?? '',
    f.review?.status ?? 'open',
    f.review?.note ?? '',
    f.reportId,
    f.id,
  ]);
  if (truncated) rows.push([`… more than ${CSV_LIMIT} findings: narrow the filters`]);
  return csvTable([CSV_HEADER, ...rows]);
}

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
  responses: { 200: '`{items: Finding[], cursor?}`, or a CSV file with `format=csv`', 400: 'Invalid query or cursor' },
  async run({ query }) {
    const csv = query.format === 'csv';
    const result = query.agency
      ? { items: (await agencyFindings(query.agency, query.year)).filter(wantedBy(query)), cursor: undefined }
      : await yearFindings(query, csv ? CSV_LIMIT + 1 : query.limit, query.cursor, csv ? Infinity : MAX_ROUNDS);
    if (!csv) return { json: result };
    const filename = `ogi-findings-${query.year}${query.agency ? `-${query.agency}` : ''}${query.rule ? `-${query.rule}` : ''}.csv`;
    const truncated = result.items.length > CSV_LIMIT;
    return { file: { body: findingsCsv(result.items.slice(0, CSV_LIMIT), truncated), contentType: 'text/csv; charset=utf-8', filename } };
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
