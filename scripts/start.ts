/**
 * `npm start`: the whole pipeline on this machine. Starts DynamoDB Local and s3rver (data kept
 * in `.local/`), uploads every file of `samples/` to `incoming/`, waits until the ingest handler
 * has processed each, and prints the findings summary; runs the cross-agency audit of the busiest
 * year (the audit's state machine on the local interpreter); then serves the API and the web page on
 * 127.0.0.1, prints `ready` and keeps running until Ctrl-C, so `npx ogi upload|reports|audit`
 * can work against it. `--once` exits after the summary instead; `--samples=DIR` uploads
 * another folder.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { startApiServer } from '../lambdas/api/local-server';
import { INCOMING_PREFIX } from '../lambdas/ingest/s3-event';
import { reconcile } from '../lambdas/reconcile/reconcile';
import { getReportByContent } from '../lambdas/store';
import { readText, writeText } from '../lambdas/audit/s3';
import { REGISTRY_KEY } from '../lambdas/audit/registry';
import { runAuditMachine } from '../local/audit-machine';
import { keepPort, keptPorts, portOr } from '../local/ports';
import { LocalStackRunning, startLocalStack, type LocalStack } from '../local/stack';
import { summaryTable, type SummaryRow } from '../local/summary-table';

const ROOT = path.resolve(__dirname, '..');
const UPLOADS_AT_ONCE = 8;

/** The agency registry the audit reads (samples/registry/): data, not a report to upload. */
const NOT_REPORTS = `registry${path.sep}`;

/** Every sample report, recursively, without the hand-made label files and the registry. */
function sampleFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && !e.name.endsWith('.labels.json') && !e.name.startsWith('.'))
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .filter((f) => !f.startsWith(NOT_REPORTS))
    .sort();
}

async function uploadSamples(stack: LocalStack, dir: string, files: string[]): Promise<SummaryRow[]> {
  const rows: SummaryRow[] = [];
  for (let i = 0; i < files.length; i += UPLOADS_AT_ONCE) {
    await Promise.all(
      files.slice(i, i + UPLOADS_AT_ONCE).map(async (file) => {
        const body = readFileSync(path.join(dir, file));
        await stack.upload(INCOMING_PREFIX + file.split(path.sep).join('/'), body);
        const sha256 = createHash('sha256').update(body).digest('hex');
        rows.push({ file, report: await getReportByContent(sha256) });
      }),
    );
  }
  return rows.sort((a, b) => a.file.localeCompare(b.file));
}

/** The samples' registry, uploaded as a supervisor uploads one when the bucket has none: the audit's first run imports it. */
async function uploadSampleRegistry(bucket: string, samples: string): Promise<void> {
  const file = path.join(samples, 'registry', 'agencies.csv');
  if ((await readText(bucket, REGISTRY_KEY)) !== undefined || !existsSync(file)) return;
  await writeText(bucket, REGISTRY_KEY, readFileSync(file, 'utf8'), 'text/csv; charset=utf-8');
}

/** The audit of `year` (and its previous year's reports) as the schedule would run it: one line with its counts. */
async function auditYear(bucket: string, samples: string, year: number): Promise<void> {
  await uploadSampleRegistry(bucket, samples);
  const t0 = performance.now();
  const result = await runAuditMachine({ year });
  const s = ((performance.now() - t0) / 1000).toFixed(1);
  if (!result.ok) {
    console.log(`audit of ${year}: ${result.status} (${result.error}) in ${s} s`);
    return;
  }
  const c = result.run.counts;
  console.log(
    `audit of ${year}: ${c.reports} reports, ${c.findings} findings (${
      Object.entries(c.byRule)
        .map(([r, n]) => `${r} ${n}`)
        .join(', ') || 'none'
    }) in ${s} s`,
  );
}

/** The year with the most reports: where the page has most to show first. */
function busiestYear(rows: SummaryRow[]): number | undefined {
  const counts = new Map<number, number>();
  for (const r of rows) if (r.report?.year) counts.set(r.report.year, (counts.get(r.report.year) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]?.[0];
}

async function main() {
  const once = process.argv.includes('--once');
  const samplesArg = process.argv.find((a) => a.startsWith('--samples='));
  const samples = samplesArg ? path.resolve(samplesArg.slice('--samples='.length)) : path.join(ROOT, 'samples');
  // One JSON log line per report is for CloudWatch; here the summary table says it.
  process.env.POWERTOOLS_LOG_LEVEL ??= 'WARN';
  const started = performance.now();
  const dataDir = path.join(ROOT, '.local');
  const stack = await startLocalStack({ dataDir });
  console.log(`S3 (s3rver) ${stack.endpoints.s3}  bucket ${stack.bucket}`);
  console.log(`DynamoDB Local ${stack.endpoints.dynamodb}  table ${stack.table}`);
  // Uploads an earlier run left without a final record (it was stopped, or DynamoDB was down): announced again first.
  const recovered = await reconcile({ bucket: stack.bucket, graceMs: 0 });
  if (recovered.redriven.length > 0) {
    console.log(`reconcile: ${recovered.redriven.length} earlier uploads had no final record; processing them again …`);
    // A fresh invoker: each re-driven key settles for the first time.
    await Promise.all(recovered.redriven.map((key) => stack.invoker.waitFor(key, 0)));
  }
  const files = sampleFiles(samples);
  console.log(`uploading ${files.length} sample files to s3://${stack.bucket}/${INCOMING_PREFIX} …`);
  const rows = await uploadSamples(stack, samples, files);
  console.log('\n' + summaryTable(rows) + '\n');
  const lost = stack.invoker.deadLetters.length;
  console.log(
    `${rows.length} files, ${rows.filter((r) => r.report?.status === 'parsed').length} parsed, ${lost} dead-lettered, in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  const year = busiestYear(rows);
  if (year) await auditYear(stack.bucket, samples, year);
  if (once) {
    await stack.stop();
    return;
  }
  // The page keeps its address across restarts while the port is free: bookmarked links keep working.
  const web = await startApiServer({ port: await portOr(keptPorts(dataDir).web) });
  keepPort(dataDir, 'web', Number(new URL(web.url).port));
  console.log(`web: ${web.url}${year ? `#/overview?year=${year}` : ''}  (API on the same origin: ${web.url}openapi.json)`);
  console.log('ready');
  const stop = async () => {
    await web.close();
    await stack.stop();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((err) => {
  if (err instanceof LocalStackRunning)
    console.error(
      `npm start is already running (pid ${err.endpoints.pid}, S3 ${err.endpoints.s3}, DynamoDB ${err.endpoints.dynamodb}); use \`npx ogi upload\` against it, or stop it first.`,
    );
  else console.error(err);
  process.exit(1);
});
