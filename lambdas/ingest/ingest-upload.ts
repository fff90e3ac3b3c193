import path from 'node:path';
import { parseIsolated } from '../core/record/parse-isolated';
import type { parseReport } from '../core/record/parse-report';
import type { InputInfo, Report } from '../core/types';
import { decideOwn, loadNeighbourhood, redecideAround, type Neighbourhood } from '../redecide/neighbourhood';
import { claimReport, kinName, markOcr, putKin, putRecordObject, saveReport, type Claim, type FindingCounts, type StoredStatus, type Timings } from '../store';
import { requestOcr } from './request-ocr';
import { oversizeReport } from './oversize';
import { readObject } from './read-object';
import { recordFailure } from './record-failure';
import { recordId } from './record-id';
import type { Upload } from './s3-event';

export interface IngestOptions {
  /** The parser (default: in a bounded worker, `parseIsolated`); replaceable so tests can make it throw. */
  parse?: typeof parseReport;
  /** Size cap: larger uploads are rejected without being held in memory. Default 50 MB (env `MAX_REPORT_BYTES`). */
  maxBytes?: number;
  /** How long a claim blocks other attempts (default DEFAULT_LEASE_MS); tests of stuck claims shorten it. */
  leaseMs?: number;
}

export interface IngestResult {
  id: string;
  key: string;
  status: StoredStatus;
  /** The same content was ingested before (redelivered event, or the same bytes under another key). */
  duplicate: boolean;
  agency?: string | null;
  year?: number | null;
  findings?: number;
  /** Findings of the stored report by severity (for the metrics). */
  findingCounts?: FindingCounts;
  timings?: Timings;
}

const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;

/**
 * One upload: read → claim (idempotency on content) → parse → decide its open cells from the
 * agency's neighbouring years and reviews → full record to S3 → store, once; then, if it became the
 * current version, the neighbouring years it decides are stored again, each once.
 * An error after the claim marks the report `failed` with it and is rethrown, so Lambda's async
 * retry (then the DLQ) sees it; the retry may claim the failed report again.
 */
export async function ingestUpload(upload: Upload, opts: IngestOptions = {}): Promise<IngestResult> {
  const maxBytes = opts.maxBytes ?? (Number(process.env.MAX_REPORT_BYTES) || DEFAULT_MAX_BYTES);
  const parse = opts.parse ?? parseIsolated;
  const { source } = upload;
  const t0 = performance.now();
  const object = await readObject(source, maxBytes);
  const readMs = performance.now() - t0;
  const claim = {
    id: recordId(source.key, object.sha256),
    sha256: object.sha256,
    bytes: object.size,
    source,
    // A re-drive (reconciler) copies the object onto itself: its slot order is the first upload's.
    uploadedAt: object.uploadedAt ?? upload.uploadedAt,
  };
  const claimed = await claimReport(claim, opts.leaseMs);
  if (claimed.outcome === 'duplicate') return { id: claimed.id, key: source.key, status: claimed.status as StoredStatus, duplicate: true };

  const { id, claimedAt, attempt } = claimed;
  try {
    const t1 = performance.now();
    const report: Report = object.bytes
      ? await parse({ id, name: path.posix.basename(source.key), bytes: object.bytes }, { maxBytes })
      : oversizeReport(id, info(object.size, object.sha256), maxBytes);
    const parseMs = performance.now() - t1;
    // A scan goes on to the OCR function with the claim: a batch of scans waits in its queue, never in this one.
    if (report.status === 'ocr') {
      await markOcr(id, claimedAt, report.reason ?? '');
      await requestOcr({ claim, id, claimedAt, attempt });
      return { id, key: source.key, status: 'ocr', duplicate: false, timings: { readMs: round(readMs), parseMs: round(parseMs) } };
    }
    return await storeReport({ claim, id, claimedAt, attempt, report, readMs, parseMs });
  } catch (err) {
    await recordFailure(id, claimedAt, err);
    throw err;
  }
}

export interface ParsedUpload {
  claim: Claim;
  id: string;
  claimedAt: string;
  attempt: number;
  report: Report;
  readMs: number;
  parseMs: number;
}

/**
 * A parsed report under its claim: its open cells decided from the agency's neighbouring years, full
 * record to S3, report and findings to the table, once; then, if it became the current version, the
 * neighbouring years it decides are stored again, each once.
 */
export async function storeReport({ claim, id, claimedAt, attempt, report: parsed, readMs, parseMs }: ParsedUpload): Promise<IngestResult> {
  const { source } = claim;
  const t2 = performance.now();
  const hood = await neighbourhoodOf(source.bucket, parsed);
  const report = hood ? decideOwn(parsed, hood) : parsed;
  const recordKey = await putRecordObject(source.bucket, report);
  const saved = await saveReport({
    claim,
    id,
    claimedAt,
    attempt,
    report,
    recordKey,
    timings: { readMs: round(readMs), parseMs: round(parseMs) },
    storeStartedAt: t2,
  });
  if (saved.current && hood) {
    await putKin(hood.name, hood.year, id);
    // The years either side read what it decided itself and may decide more now. Read again, not
    // reused: a neighbour stored meanwhile by a concurrent ingest is in the store, not in `hood`.
    await redecideAround(source.bucket, hood.name, hood.year);
  }
  // The log line has the whole store time, the report item's own write included.
  const timings: Timings = { ...saved.timings!, storeMs: round(performance.now() - t2) };
  return {
    id,
    key: source.key,
    status: saved.status,
    duplicate: false,
    agency: saved.agency,
    year: saved.year,
    findings: report.findings.length,
    findingCounts: saved.findingCounts,
    timings,
  };
}

/** The agency's neighbouring years for a report they can decide cells of (parsed, with agency and year). */
async function neighbourhoodOf(bucket: string, report: Report): Promise<Neighbourhood | undefined> {
  if (report.status !== 'parsed' || report.agency === null || report.year === null) return undefined;
  return loadNeighbourhood(bucket, await kinName(report.agency), report.year);
}

const info = (bytes: number, sha256: string): InputInfo => ({ kind: 'text', bytes, sha256, encoding: 'unknown', script: 'simplified' });

const round = (ms: number) => Math.round(ms * 10) / 10;
