/**
 * The report store: one DynamoDB table (design in README.md, "DynamoDB design") plus the full record JSON in S3.
 * Environment only: `OGI_TABLE` (table name), `AWS_REGION`, and on a laptop `AWS_ENDPOINT_URL_DYNAMODB`
 * / `AWS_ENDPOINT_URL_S3`. All functions are async and throw the typed errors of ./errors.
 *
 * Reading (API, audit, CLI):
 *   getReport(id)                                  → ReportView | undefined
 *   getReportByContent(sha256)                     → ReportView | undefined  (wait for an upload: poll until status ≠ received)
 *   listReportsByAgency(agency, {history?})        → ReportView[]   current per year unless history
 *   slotHistory(agency, year)                      → ReportView[]   every version, upload order
 *   listReportsByYear(year, {limit?, cursor?, all?}) → Page<ReportView>  current reports, paginated
 *       (year null + all: reports not placed in a year, e.g. rejected)
 *   allReportsOfYear(year, {all?})                 → ReportView[]   whole year, shards in parallel
 *   valuesForYear(year)                            → AgencyValues[] agency × metric matrix (current reports)
 *   listFindings({reportId} | {year, rule?, severity?}, {limit?, cursor?}) → Page<FindingView>
 *       year queries return findings of current reports only
 *   scanReports()                                  → ReportView[]   small tables / local CLI only
 *   getRecordObject(bucket, report.recordKey)      → Report         the full parsed record
 * Cursors are opaque strings; a foreign one throws InvalidCursor.
 *
 * Writing (ingest only):
 *   claimReport(claim) → {outcome:'claimed', id, claimedAt, attempt} | {outcome:'duplicate', id, status}
 *       idempotency on content sha256; throws IngestInProgress while another attempt holds the claim
 *   putRecordObject(bucket, report) → recordKey
 *   saveReport({claim, id, claimedAt, attempt, report, recordKey, timings}) → ReportView
 *       stores item + findings, makes the latest upload of an agency-year current, keeps history
 *   markFailed(id, claimedAt, error)
 *
 * Status: received → parsed | rejected | failed. `current` is true for the current version of an
 * agency-year slot; a replaced version has `supersededBy`.
 */
export { claimReport, DEFAULT_LEASE_MS, OCR_LEASE_MS, type Claim, type ClaimResult } from './claim';
export { ClaimLost, IngestInProgress, InvalidCursor, StoreBusy, StoreConfigError } from './errors';
export type { FindingCounts, FindingView, Page, PageRequest, ReportView, S3Source, StoredStatus, Timings } from './items';
export { keys, schema, shardOf, YEAR_SHARDS, type AnyItemKey, type ItemKey } from './keys';
export {
  allReportsOfYear,
  countReportsOfYear,
  pendingOfYears,
  type PendingOfReport,
  getReport,
  getReportByContent,
  findingTally,
  listFindings,
  listReportsByAgency,
  listReportsByYear,
  scanReports,
  slotHistory,
  sourceStates,
  valuesForYear,
  type SourceState,
  type AgencyValues,
  type FindingFilter,
  type FindingTally,
  type YearQuery,
} from './queries';
export { getRecordObject, putRecordObject, recordKey, RECORDS_PREFIX } from './record-object';
export { markFailed, markForReprocess, markOcr, saveReport, type SaveInput } from './save-report';
export { currentKin, kinName, putKin } from './kin';
export { reviseReport, TRANSACT_ITEMS, type ReviseOptions } from './revise-report';
export { putValueReview, valueReviewsOf, type ValueReviewItem } from './value-reviews';
export { tableDefinition } from './table';
