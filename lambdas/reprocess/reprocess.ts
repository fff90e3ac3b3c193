import { agencyIdentity } from '../core/agency/identity';
import { SUMMARY_VERSION } from '../core/audit/summarise';
import { PARSER_VERSION } from '../core/record/version';
import { redrive } from '../reconcile/reconcile';
import { markForReprocess, scanReports, type ReportView } from '../store';

export interface ReprocessOptions {
  bucket: string;
  year?: number;
  agency?: string;
}

/**
 * Finished reports a parser older than PARSER_VERSION stored, or whose audit summary is older than
 * SUMMARY_VERSION (or missing: stored before summaries, so the audit cannot see them), of the year and
 * agency asked for.
 */
export function outdated(reports: ReportView[], o: Omit<ReprocessOptions, 'bucket'>): ReportView[] {
  const staleSummary = (r: ReportView) => r.status === 'parsed' && r.year !== null && (r.summaryVersion ?? 0) < SUMMARY_VERSION;
  return reports.filter(
    (r) =>
      (r.status === 'parsed' || r.status === 'rejected') &&
      ((r.parserVersion ?? 0) < PARSER_VERSION || staleSummary(r)) &&
      (o.year === undefined || r.year === o.year) &&
      (o.agency === undefined || (r.agency !== null && agencyIdentity(r.agency) === agencyIdentity(o.agency))),
  );
}

/**
 * Re-parses the stored originals of outdated reports through the ingest path itself: each report is
 * marked for reprocessing and its upload announced again (the reconciler's copy in place), so ingest
 * re-claims it under the same id, keeps its reviews and slot history, and stores the new parse.
 * Returns the ids sent; ingest does the rest asynchronously.
 */
export async function reprocess(opts: ReprocessOptions): Promise<ReportView[]> {
  const due = outdated(await scanReports(), opts);
  for (const r of due) {
    await markForReprocess(r.id, r.status);
    await redrive(opts.bucket, { key: r.source.key, lastModified: new Date(r.uploadedAt), uploadedAt: new Date(r.uploadedAt) });
  }
  return due;
}
