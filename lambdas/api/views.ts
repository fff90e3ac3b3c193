import type { FindingView, ReportView } from '../store';
import type { ReviewItem } from '../store/reviews';
import { reasonText } from './names';

/** What the API shows of a report in lists: no values, no internals of the ingest. */
export function reportSummary(r: ReportView) {
  return {
    id: r.id,
    status: r.status,
    reason: r.reason,
    reasonText: reasonText(r.reason),
    agency: r.agency,
    year: r.year,
    format: r.format,
    publishedAt: r.publishedAt,
    kind: r.kind ?? null,
    bytes: r.bytes,
    uploadedAt: r.uploadedAt,
    processedAt: r.processedAt ?? null,
    current: r.current,
    supersededBy: r.supersededBy ?? null,
    tables: r.tables,
    findings: r.findingCounts,
  };
}

export type ReportSummary = ReturnType<typeof reportSummary>;

/** The fingerprint of a finding, given by the core (report rules, parse findings, rejections and audit rules alike). */
export const fingerprintOf = (f: Pick<FindingView, 'id'>): string => f.id;

/** The API's finding id: report id and fingerprint, so a review can find its finding without an index. */
export const findingRef = (reportId: string, fp: string) => `${reportId}~${fp}`;

export function parseFindingRef(ref: string): { reportId: string; fingerprint: string } {
  const at = ref.lastIndexOf('~');
  return { reportId: ref.slice(0, at), fingerprint: ref.slice(at + 1) };
}

export function findingOut(f: FindingView, review: ReviewItem | undefined) {
  const fp = fingerprintOf(f);
  return {
    id: findingRef(f.reportId, fp),
    fingerprint: fp,
    reportId: f.reportId,
    agency: f.agency,
    year: f.year,
    rule: f.rule,
    severity: f.severity,
    outcome: f.outcome ?? 'failed',
    message: f.message,
    messageEn: f.messageEn ?? null,
    basis: f.basis ?? null,
    keys: f.keys,
    evidence: f.evidence,
    review: review ? reviewOut(review) : null,
  };
}

export const reviewOut = (r: ReviewItem) => ({ status: r.status, note: r.note, by: r.by, at: r.at, history: r.history });

export type FindingOut = ReturnType<typeof findingOut>;
