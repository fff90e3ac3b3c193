import { renderAuditCsv, renderAuditHtml, type AuditFinding, type AuditRun } from '../core/audit';
import { writeText } from './s3';

export const AUDITS_PREFIX = 'audits/';

/** S3 keys of one run's report files: `audits/<year>/<run id>/audit.{html,csv,json}`. */
export function reportFileKeys(year: number, runId: string): AuditRun['files'] {
  const base = `${AUDITS_PREFIX}${year}/${runId}/audit`;
  return { html: `${base}.html`, csv: `${base}.csv`, json: `${base}.json` };
}

/** Writes the HTML an officer sends on, the CSV for spreadsheets and the JSON of the whole run. */
export async function writeReportFiles(bucket: string, run: AuditRun, findings: AuditFinding[]): Promise<void> {
  await Promise.all([
    writeText(bucket, run.files.html, renderAuditHtml(run, findings), 'text/html; charset=utf-8'),
    writeText(bucket, run.files.csv, renderAuditCsv(findings), 'text/csv; charset=utf-8'),
    writeText(bucket, run.files.json, JSON.stringify({ run, findings }, null, 2), 'application/json; charset=utf-8'),
  ]);
}
