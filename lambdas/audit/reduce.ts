import type { Context } from 'aws-lambda';
import { AgencyMatcher, auditYear, withAgency, type Agency, type AuditFinding, type AuditRun, type ReportSummary } from '../core/audit';
import { getRegistry, startAuditRun } from '../store/audit';
import { instrumented, telemetry } from '../telemetry';
import type { ShardPart } from './read-shard';
import { reportFileKeys, writeReportFiles } from './report-files';
import { auditBucket, readLines } from './s3';
import { decodeSummaries } from './summary-file';

const t = telemetry('ogi-audit');

/** The reduce's input: the run (from the first step) and the children's partial results. */
export interface ReduceInput {
  runId: string;
  year: number;
  today: string;
  startedAt: string;
  parts: ShardPart[];
}

/** Partial files read at once. */
const READS_AT_ONCE = 8;

/**
 * The reduce: every child's summaries of both years, matched to the registry, through the pure audit
 * (pair rules by agency, peers by kind and level, copies by hash, X6 by parent government, all in
 * one pass); then the three report files. The next step stores the findings (from the JSON file)
 * and records the run, with a lambda's time of its own. Run again (a retry, a redrive) it writes the
 * same files: one run id, one set of findings.
 */
export function handler(input: ReduceInput, context?: Context): Promise<AuditRun> {
  return instrumented(t, context, async () => {
    const bucket = auditBucket();
    // A redriven run shows as running again until it ends.
    await startAuditRun({ id: input.runId, year: input.year, startedAt: input.startedAt, today: input.today });
    const { run, findings } = await auditParts(input, await getRegistry(), (key) => readLines(bucket, key));
    await writeReportFiles(bucket, run, findings);
    if (run.staleSummaries) t.logger.warn('summaries older than this version were audited: reprocess those reports', { stale: run.staleSummaries });
    return run;
  });
}

/** The reduce's computing, its reads given (`lines` of a partial file): the run and its findings, nothing stored. */
export async function auditParts(
  input: ReduceInput,
  registry: Agency[],
  lines: (key: string) => AsyncIterable<string>,
): Promise<{ run: AuditRun; findings: AuditFinding[] }> {
  const reports = await readParts(input.parts, new AgencyMatcher(registry), lines);
  const result = auditYear({ year: input.year, registry, reports, today: input.today });
  const stale = input.parts.reduce((n, p) => n + p.stale, 0);
  const run: AuditRun = {
    id: input.runId,
    year: input.year,
    status: 'succeeded',
    startedAt: input.startedAt,
    today: input.today,
    finishedAt: new Date().toISOString(),
    counts: result.counts,
    files: reportFileKeys(input.year, input.runId),
    ...(stale ? { staleSummaries: stale } : {}),
  };
  return { run, findings: result.findings };
}

/** The summaries of every part, READS_AT_ONCE objects streamed at a time, each matched to the registry as it is read. */
async function readParts(parts: ShardPart[], matcher: AgencyMatcher, lines: (key: string) => AsyncIterable<string>): Promise<ReportSummary[]> {
  const out: ReportSummary[] = [];
  let next = 0;
  const reader = async () => {
    while (next < parts.length) {
      const part = parts[next++];
      for await (const { fields, summary } of decodeSummaries(lines(part.key))) out.push(withAgency(fields, summary, matcher));
    }
  };
  await Promise.all(Array.from({ length: Math.min(READS_AT_ONCE, parts.length) }, reader));
  return out;
}
