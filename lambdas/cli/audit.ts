import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { importRegistry, REGISTRY_KEY } from '../audit/registry';
import { runAuditJob, type AuditOutcome } from '../audit/run-audit';
import { readText, writeText } from '../audit/s3';
import type { AuditFinding } from '../core/audit';
import { getRegistry } from '../store/audit';
import { renderTable } from './table';
import { UsageError } from './usage';

const USAGE = 'ogi audit --year N [--json] [--today YYYY-MM-DD] [--registry FILE]';
const ROOT = path.resolve(__dirname, '..', '..');
const SAMPLE_REGISTRY = path.join(ROOT, 'samples', 'registry', 'agencies.csv');
const SEVERITY_ORDER: Record<string, number> = { error: 0, warning: 1, info: 2 };

interface Args {
  year: number;
  json: boolean;
  today?: string;
  registry?: string;
}

function parseArgs(args: string[]): Args {
  const out: Partial<Args> = { json: false };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--json') out.json = true;
    else if (a === '--year' && /^\d{4}$/.test(args[i + 1] ?? '')) out.year = Number(args[++i]);
    else if (a === '--today' && /^\d{4}-\d{2}-\d{2}$/.test(args[i + 1] ?? '')) out.today = args[++i];
    else if (a === '--registry' && args[i + 1]) out.registry = args[++i];
    else throw new UsageError(USAGE);
  }
  if (out.year === undefined) throw new UsageError(USAGE);
  return out as Args;
}

/**
 * `ogi audit --year N [--json]`: the audit Lambda's run, in this process, against the local stack:
 * the one whose endpoints are in the environment (`AWS_ENDPOINT_URL_DYNAMODB`, `OGI_TABLE`,
 * `OGI_BUCKET`) or in `.local/endpoints.json` (a running `npm start -- --serve`), else the data
 * `npm start` left in `.local/` (started for the run, then stopped).
 * Writes the three report files to the bucket and prints the findings (all of the run with --json).
 */
export async function runAudit(args: string[]): Promise<number> {
  const opts = parseArgs(args);
  const external = (process.env.AWS_ENDPOINT_URL_DYNAMODB && process.env.OGI_TABLE && process.env.OGI_BUCKET) || (await useRunningStack());
  const stack = external ? undefined : await (await import('../../scripts/local/stack')).startLocalStack({ dataDir: path.join(ROOT, '.local') });
  try {
    const bucket = process.env.OGI_BUCKET!;
    await ensureRegistry(bucket, opts.registry);
    const outcome = await runAuditJob({ bucket, year: opts.year, today: opts.today });
    console.log(opts.json ? JSON.stringify(outcome, null, 2) : summary(outcome, bucket));
    return 0;
  } finally {
    await stack?.stop();
  }
}

/**
 * Uploads `file` as the registry (as a supervisor would) and stores it; without a file, and with no
 * registry stored or uploaded yet, the sample registry of `samples/registry/` is used.
 */
async function ensureRegistry(bucket: string, file: string | undefined): Promise<void> {
  if (!file) {
    if ((await getRegistry()).length > 0 || (await readText(bucket, REGISTRY_KEY)) !== undefined) return;
    if (!existsSync(SAMPLE_REGISTRY)) return;
    console.error(`no registry in s3://${bucket}/${REGISTRY_KEY}: using ${path.relative(process.cwd(), SAMPLE_REGISTRY)}`);
    file = SAMPLE_REGISTRY;
  }
  await writeText(bucket, REGISTRY_KEY, readFileSync(file, 'utf8'), 'text/csv; charset=utf-8');
  await importRegistry(bucket);
}

/** `{s3, dynamodb, bucket, table}` of a running local stack, if its file names one that answers. */
async function useRunningStack(): Promise<boolean> {
  const file = path.join(ROOT, '.local', 'endpoints.json');
  if (!existsSync(file)) return false;
  const e = JSON.parse(readFileSync(file, 'utf8')) as { s3: string; dynamodb: string; bucket: string; table: string };
  const alive = await fetch(e.dynamodb, { signal: AbortSignal.timeout(1000) }).then(
    () => true,
    () => false,
  );
  if (alive)
    Object.assign(process.env, {
      AWS_ENDPOINT_URL_S3: e.s3,
      AWS_ENDPOINT_URL_DYNAMODB: e.dynamodb,
      OGI_BUCKET: e.bucket,
      OGI_TABLE: e.table,
      // What startLocalStack sets in its own process: s3rver's fixed credentials, no chunked checksums.
      AWS_REGION: process.env.AWS_REGION ?? 'us-east-1',
      AWS_ACCESS_KEY_ID: 'S3RVER',
      AWS_SECRET_ACCESS_KEY: 'S3RVER',
      AWS_REQUEST_CHECKSUM_CALCULATION: 'WHEN_REQUIRED',
      AWS_RESPONSE_CHECKSUM_VALIDATION: 'WHEN_REQUIRED',
    });
  return alive;
}

function summary({ run, findings }: AuditOutcome, bucket: string): string {
  const sorted = [...findings].sort(
    (a: AuditFinding, b: AuditFinding) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.rule.localeCompare(b.rule),
  );
  const table = renderTable(
    ['rule', 'severity', 'agency', 'message'],
    sorted.map((f) => [f.rule, f.severity, f.agency ?? '', f.message]),
  );
  const c = run.counts;
  return [
    table,
    '',
    `audit of ${run.year}: ${c.agencies} registered agencies, ${c.reports} reports, ${c.findings} findings (${c.bySeverity.error ?? 0} error, ${c.bySeverity.warning ?? 0} warning, ${c.bySeverity.info ?? 0} info)`,
    ...Object.values(run.files).map((key) => `  s3://${bucket}/${key}`),
  ].join('\n');
}
