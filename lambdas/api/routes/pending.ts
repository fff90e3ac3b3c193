import { allReportsOfYear, getRecordObject, getReport, kinName, listReportsByAgency, putValueReview, type ReportView } from '../../store';
import { requestRedecision } from '../request-redecision';
import { BadRequest, NotFound } from '../errors';
import { route } from '../router';
import { pendingQuery, pendingRowParam, valueReviewBody } from '../schemas';

/** One open row of one report, as the review list shows it. */
const pendingOut = (r: ReportView) => (r.pending ?? []).map((p) => ({ reportId: r.id, agency: r.agency, year: r.year, ...p }));

export const listPending = route({
  method: 'GET',
  path: '/pending',
  summary: 'Values waiting for an officer (待核实): rows of current reports that neither the report nor a neighbouring year decides',
  description:
    'Each item is one row as printed, with every reading still possible and the cross-year identities (fields.md) each reading satisfies. ' +
    'Give `year` (all agencies) and optionally `agency`.',
  query: pendingQuery,
  responses: { 200: '`{items: PendingValue[]}`', 400: 'Invalid query' },
  async run({ query }) {
    const reports = query.agency ? (await listReportsByAgency(query.agency)).filter((r) => r.year === query.year) : await allReportsOfYear(query.year);
    const items = reports
      .filter((r) => r.pending?.length)
      .sort((a, b) => (a.agency ?? '').localeCompare(b.agency ?? '') || a.id.localeCompare(b.id))
      .flatMap(pendingOut);
    return { json: { items } };
  },
});

export const decidePending = route({
  method: 'PATCH',
  path: '/reports/{id}/pending/{row}',
  summary: 'An officer decides an open row: picks one of its readings or types the values, with a note',
  description:
    'Stored with who, when, the note and the values before and after, apart from the report: a later re-parse of the same printed text keeps it. ' +
    'The API stores only the review and answers 202; the re-decision function then gives the record the values with `decidedBy: "review"`, ' +
    "runs the rules again and resolves the neighbouring years again. Done when `GET /reports/{id}` shows `evidence[key].review.at` equal to `review.at` for the row's keys.",
  params: pendingRowParam,
  body: valueReviewBody,
  responses: {
    202: '`{status: "accepted", reportId, review}`: the review is stored, the re-decision pending',
    400: 'Invalid body, or values that do not fit the row',
    404: 'No such report or open row',
  },
  async run({ params, body, identity }) {
    const view = await getReport(params.id);
    if (!view || view.status !== 'parsed' || !view.current || !view.recordKey) throw new NotFound(`No current parsed report with id ${params.id}`);
    const record = await getRecordObject(process.env.OGI_BUCKET ?? view.source.bucket, view.recordKey);
    const pending = record.pending?.find((p) => p.row === params.row);
    if (!pending) throw new NotFound(`Report ${params.id} has no open row ${params.row}`);
    const values = body.reading !== undefined ? pending.readings[body.reading]?.values : body.values;
    if (!values) throw new BadRequest(`reading must be one of 0…${pending.readings.length - 1}`);
    if (values.length !== pending.keys.length)
      throw new BadRequest(`values must give ${pending.keys.length} numbers, one for each of ${pending.keys.join(', ')}`);
    const before = pending.keys.map((k) => record.values[k] ?? null);
    const review = { row: pending.row, printed: pending.printed, values, by: identity, at: new Date().toISOString(), note: body.note };
    await putValueReview(await kinName(record.agency!), record.year!, record.id, review, before);
    await requestRedecision({ reportId: record.id, at: review.at });
    return { status: 202, json: { status: 'accepted', reportId: record.id, keys: pending.keys, review } };
  },
});
