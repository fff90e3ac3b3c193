import { getRecordObject, getReport, kinName, listReportsByAgency, pendingOfYears, putValueReview, type PendingOfReport } from '../../store';
import { requestRedecision } from '../request-redecision';
import { BadRequest, NotFound } from '../errors';
import { route } from '../router';
import { pendingQuery, pendingRowParam, valueReviewBody } from '../schemas';

/** The national format's first year: rows of its tables are what can wait for an officer. */
const FIRST_FORMAT_YEAR = 2019;

const sinceFormat = () => Array.from({ length: new Date().getUTCFullYear() - FIRST_FORMAT_YEAR + 1 }, (_, i) => FIRST_FORMAT_YEAR + i);

/** One open row of one report, as the review list shows it. */
const pendingOut = (r: PendingOfReport) => (r.pending ?? []).map((p) => ({ reportId: r.id, agency: r.agency, year: r.year, ...p }));

export const listPending = route({
  method: 'GET',
  path: '/pending',
  summary: 'Values waiting for an officer (待核实): rows of current reports that neither the report nor a neighbouring year decides',
  description:
    'Each item is one row as printed, with every reading still possible and the cross-year identities (fields.md) each reading satisfies. ' +
    'Every year of the national format by default, newest first; `year` narrows to one, `agency` to one agency. ' +
    '`years` counts the rows waiting in each year (whatever `year` says), so a list can offer the years that have any.',
  query: pendingQuery,
  responses: { 200: '`{items: PendingValue[], years: [{year, rows}]}`', 400: 'Invalid query' },
  async run({ query }) {
    const reports = query.agency ? (await listReportsByAgency(query.agency)).filter((r) => r.pending?.length) : await pendingOfYears(sinceFormat());
    const rows = new Map<number, number>();
    for (const r of reports) if (r.year !== null) rows.set(r.year, (rows.get(r.year) ?? 0) + (r.pending?.length ?? 0));
    const items = reports
      .filter((r) => r.pending?.length && (!query.year || r.year === query.year))
      .sort((a, b) => (b.year ?? 0) - (a.year ?? 0) || (a.agency ?? '').localeCompare(b.agency ?? '', 'zh-CN') || a.id.localeCompare(b.id))
      .flatMap(pendingOut);
    const years = [...rows].sort(([a], [b]) => b - a).map(([year, n]) => ({ year, rows: n }));
    return { json: { items, years } };
  },
});

export const decidePending = route({
  method: 'PATCH',
  path: '/reports/{id}/pending/{row}',
  summary: 'An officer decides an open row (picks one of its readings or types the values), decides it again, or takes the decision back, with a note',
  description:
    'Stored with who, when, the note and the values before and after, apart from the report: a later re-parse of the same printed text keeps it. ' +
    'A row an officer decided can be decided again (typed values) or reverted (`revert: true`): it then waits for review again, and the trail keeps every step. ' +
    'The API stores only the review and answers 202; the re-decision function then gives the record the values with `decidedBy: "review"`, ' +
    "runs the rules again and resolves the neighbouring years again. Done when `GET /reports/{id}` shows `evidence[key].review.at` equal to `review.at` for the row's keys " +
    '(for a revert: the row is in `pending` again).',
  params: pendingRowParam,
  body: valueReviewBody,
  responses: {
    202: '`{status: "accepted", reportId, keys, review}`: the review is stored, the re-decision pending',
    400: 'Invalid body, values that do not fit the row, or a revert of a row no officer decided',
    404: 'No such report or row',
  },
  async run({ params, body, identity }) {
    const view = await getReport(params.id);
    if (!view || view.status !== 'parsed' || !view.current || !view.recordKey) throw new NotFound(`No current parsed report with id ${params.id}`);
    const record = await getRecordObject(process.env.OGI_BUCKET ?? view.source.bucket, view.recordKey);
    const row = record.undecided?.find((r) => r.keys[0] === params.row);
    const pending = record.pending?.find((p) => p.row === params.row);
    const reviewed = row?.keys.some((k) => record.evidence[k]?.decidedBy === 'review') ?? false;
    if (!row || (!pending && !reviewed)) throw new NotFound(`Report ${params.id} has no open or reviewed row ${params.row}`);
    if (body.revert && !reviewed) throw new BadRequest(`Row ${params.row} of ${params.id} has no officer's decision to take back`);
    const values = body.revert ? [] : body.reading !== undefined ? pending?.readings[body.reading]?.values : body.values;
    if (!values)
      throw new BadRequest(
        pending ? `reading must be one of 0…${pending.readings.length - 1}` : `row ${params.row} is decided: type the values to decide it again`,
      );
    if (!body.revert && values.length !== row.keys.length)
      throw new BadRequest(`values must give ${row.keys.length} numbers, one for each of ${row.keys.join(', ')}`);
    const before = row.keys.map((k) => record.values[k] ?? null);
    const review = {
      row: row.keys[0],
      printed: row.printed,
      values,
      by: identity,
      at: new Date().toISOString(),
      note: body.note,
      ...(body.revert ? { reverted: true } : {}),
    };
    await putValueReview(await kinName(record.agency!), record.year!, record.id, review, before);
    await requestRedecision({ reportId: record.id, at: review.at });
    return { status: 202, json: { status: 'accepted', reportId: record.id, keys: row.keys, review } };
  },
});
