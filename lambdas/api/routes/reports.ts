import { isAssessable } from '../../core/findings/counts';
import type { Report } from '../../core/types';
import {
  countReportsOfYear,
  getRecordObject,
  getReport,
  kinName,
  listFindings,
  listReportsByAgency,
  listReportsByYear,
  valueReviewsOf,
  type FindingView,
  type ReportView,
} from '../../store';
import { getReviews } from '../../store/reviews';
import { BadRequest, NotFound } from '../errors';
import { route } from '../router';
import { readText } from '../../core/partition/read-text';
import { sourceWindow } from '../../core/partition/source-window';
import { limits } from '../../core/record/options';
import { idParam, reportQuery, reportsQuery, reportTextQuery } from '../schemas';
import { sourceBytes } from '../source-bytes';
import { sourceLink, SOURCE_LINK_SECONDS } from '../source-link';
import { findingOut, fingerprintOf, reportSummary } from '../views';

export const listReports = route({
  method: 'GET',
  path: '/reports',
  summary: 'Reports by year or agency, optionally by status',
  description:
    'Give `year` (current version of each agency-year, paginated) or `agency` (its current reports over the years, all at once). ' +
    'Reports that could not be placed in a year (rejected, failed) are listed with `status` alone.',
  query: reportsQuery,
  responses: { 200: '`{items: ReportSummary[], cursor?, total?}` (`total` on the first page of a year: all its current reports)', 400: 'Invalid query' },
  async run({ query }) {
    const keep = (r: ReportView) => (!query.status || r.status === query.status) && (!query.year || r.year === query.year);
    if (query.agency) return { json: { items: (await listReportsByAgency(query.agency)).filter(keep).map(reportSummary) } };
    if (!query.year && (!query.status || query.status === 'parsed'))
      throw new BadRequest('Give year or agency (reports are indexed by reporting year and by agency); status alone lists unplaced reports.');
    // A year lists its current reports; without one, the reports never placed in a year (rejected, failed).
    const page = await listReportsByYear(query.year ?? null, { limit: query.limit, cursor: query.cursor, all: !query.year });
    // The first page of a year's whole list says how many there are in all (a status filter is applied to each page only).
    const total = query.year && !query.status && !query.cursor ? await countReportsOfYear(query.year) : undefined;
    return { json: { items: page.items.filter(keep).map(reportSummary), cursor: page.cursor, total } };
  },
});

/** Every finding of a report, in order, with its review. */
export async function reportFindings(reportId: string) {
  const all: FindingView[] = [];
  let cursor: string | undefined;
  do {
    const page = await listFindings({ reportId }, { limit: 200, cursor });
    all.push(...page.items);
    cursor = page.cursor;
  } while (cursor);
  const reviews = await getReviews(all.map(fingerprintOf));
  return all.map((f) => findingOut(f, reviews.get(fingerprintOf(f))));
}

/** Officers' decisions on this report's open rows, each with its whole trail (a row printed differently elsewhere is another row). */
async function reviewTrail(record: Report) {
  if (!record.undecided?.length || !record.agency || record.year === null) return [];
  const rows = await valueReviewsOf(await kinName(record.agency), record.year);
  return rows.flatMap(({ row, printed, values, by, at, note, before, reverted, history }) => {
    const undecided = record.undecided!.find((u) => u.keys[0] === row && u.printed === printed);
    return undecided ? [{ row, keys: undecided.keys, printed, values, by, at, note, before, reverted: reverted ?? false, history }] : [];
  });
}

async function mustGet(id: string): Promise<ReportView> {
  const r = await getReport(id);
  if (!r) throw new NotFound(`No report with id ${id}`);
  return r;
}

export const reportDetail = route({
  method: 'GET',
  path: '/reports/{id}',
  summary: 'One report: the record with values and evidence, sections, and findings with reviews',
  description: 'Checks that could not be made (outcome `not-assessable`) are listed with `notAssessable=true` only.',
  params: idParam,
  query: reportQuery,
  responses: {
    200: "`{report, findings, valueReviews}`: `valueReviews` is the trail of officers' decisions on the report's open rows (who, when, note, values before and after, reverts)",
    404: 'No such report',
  },
  async run({ params, query }) {
    const item = await mustGet(params.id);
    const record = item.recordKey ? await getRecordObject(process.env.OGI_BUCKET ?? item.source.bucket, item.recordKey) : undefined;
    const report = {
      ...reportSummary(item),
      input: record?.input ?? { kind: item.kind, bytes: item.bytes, sha256: item.sha256 },
      sections: record?.sections ?? [],
      values: record?.values ?? item.values,
      evidence: record?.evidence ?? {},
      derived: record?.derived ?? item.derived,
      narrative: record?.narrative ?? [],
      repairs: record?.repairs ?? [],
    };
    const findings = (await reportFindings(item.id)).filter((f) => query.notAssessable || isAssessable(f));
    return { json: { report, findings, valueReviews: record ? await reviewTrail(record) : [] } };
  },
});

export const reportSource = route({
  method: 'GET',
  path: '/reports/{id}/source',
  summary: `A presigned link to the original uploaded file, valid ${SOURCE_LINK_SECONDS} s`,
  params: idParam,
  responses: { 200: '`{url, expiresAt}`', 404: 'No such report' },
  async run({ params }) {
    const item = await mustGet(params.id);
    const name = item.source.key.split('/').pop() ?? item.id;
    return { json: await sourceLink(item.source, name) };
  },
});

export const reportFile = route({
  method: 'GET',
  path: '/reports/{id}/file',
  summary: 'The original PDF itself, for the page to render the evidence page (same origin, no bucket CORS)',
  description: 'Only PDFs, up to 4 MB (the Lambda response limit once base64-encoded); larger ones answer 413 and are opened through /reports/{id}/source.',
  params: idParam,
  alsoProduces: ['application/pdf'],
  responses: { 200: 'The PDF bytes', 404: 'No such report, or not a PDF', 413: 'Too large to pass through the API' },
  async run({ params }) {
    const item = await mustGet(params.id);
    if (item.kind !== 'pdf') throw new NotFound(`Report ${params.id} is not a PDF`);
    return { bytes: { body: await sourceBytes(item.source), contentType: 'application/pdf' } };
  },
});

export const reportText = route({
  method: 'GET',
  path: '/reports/{id}/text',
  summary: "The report's text around one cell of an HTML or text report, the cell marked",
  description:
    "The original is read again and decoded by the same core as the parse, so `at` (a value's `evidence.loc.offset`) names the same " +
    "character: for HTML the page's text in reading order (a line per block, table rows as `a | b`), for text the decoded text " +
    '(Markdown marks blanked to spaces), both in the script as printed. Answers a few hundred characters in whole lines: ' +
    '`{start, text, mark: {start, end}, before, after}`, `mark` relative to `text`. PDFs have no such text: their evidence is the page (/reports/{id}/file).',
  params: idParam,
  query: reportTextQuery,
  responses: {
    200: '`{kind, start, text, mark, before, after}`',
    400: 'The offset lies past the end of the text',
    404: 'No such report, or a PDF',
    413: 'Too large to read again',
  },
  async run({ params, query }) {
    const item = await mustGet(params.id);
    if (item.kind !== 'html' && item.kind !== 'text')
      throw new NotFound(`Report ${params.id} is a ${item.kind ?? 'file'} with no text to show; its evidence is the page (GET /reports/{id}/file)`);
    const { doc } = readText(await sourceBytes(item.source, limits({}).maxTextBytes), item.kind);
    if (query.at >= doc.raw.length)
      throw new BadRequest(`at ${query.at} lies past the end of the report's text (${doc.raw.length} characters): the offset is not from this report`);
    return { json: { kind: item.kind, ...sourceWindow(doc.raw, query.at, query.len) } };
  },
});
