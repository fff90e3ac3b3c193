import { AgencyMatcher, auditYear, type AuditFinding, type AuditRun } from '../core/audit';
import { saveAuditRun } from '../store/audit';
import { loadSummaries } from './load-summaries';
import { loadRegistry } from './registry';
import { reportFileKeys, writeReportFiles } from './report-files';

export interface AuditJob {
  bucket: string;
  year: number;
  /** The audit's date, YYYY-MM-DD (deadlines are judged against it); default today (UTC). */
  today?: string;
}

export interface AuditOutcome {
  run: AuditRun;
  findings: AuditFinding[];
}

/**
 * One audit run of a reporting year: the registry and the year's and last year's reports from the
 * store, the pure audit, then its findings and run record stored and the report files written.
 */
export async function runAuditJob(job: AuditJob): Promise<AuditOutcome> {
  const started = new Date();
  const today = job.today ?? started.toISOString().slice(0, 10);
  const registry = await loadRegistry(job.bucket);
  const matcher = new AgencyMatcher(registry);
  const [current, previous] = await Promise.all([loadSummaries(job.bucket, job.year, matcher), loadSummaries(job.bucket, job.year - 1, matcher)]);
  const result = auditYear({ year: job.year, registry, reports: [...current, ...previous], today });
  const finishedAt = new Date().toISOString();
  // Sortable and safe in S3 keys: 20250201T020000123Z.
  const id = finishedAt.replace(/[-:.]/g, '');
  const run: AuditRun = {
    id,
    year: job.year,
    startedAt: started.toISOString(),
    finishedAt,
    counts: result.counts,
    files: reportFileKeys(job.year, id),
  };
  await writeReportFiles(job.bucket, run, result.findings);
  await saveAuditRun(run, result.findings);
  return { run, findings: result.findings };
}
