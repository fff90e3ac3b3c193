import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { importRegistry, REGISTRY_KEY } from '../lambdas/audit/registry';
import { readText, writeText } from '../lambdas/audit/s3';
import type { AuditFinding, AuditRun } from '../lambdas/core/audit';
import { parseRegistry } from '../lambdas/core/audit';
import { getRegistry } from '../lambdas/store/audit';
import { runAuditMachine } from '../local/audit-machine';
import { startLocalStack } from '../local/stack';
import { dateArg, readArgs, yearArg } from './args';
import { connectLocalStack, localDir } from './local-stack';
import { renderTable } from '../local/table';
import { CommandError, UsageError } from './usage';

const CMD = {
  usage: 'ogi audit --year N [--json] [--today YYYY-MM-DD] [--registry FILE] [--out DIR]',
  help: `usage: ogi audit --year N [--json] [--today YYYY-MM-DD] [--registry FILE] [--out DIR]

Runs the cross-agency audit (rules X1–X7) of reporting year N: the audit's state machine (the
definition synthesized from lib/audit.ts) on a local Step Functions interpreter, each step the
handler its Lambda runs, against the stack \`npm start\` runs; with no stack running, against the
data it left in .local/ (started for the run, then stopped). Prints the findings and the run's counts.

  --year N          the reporting year to audit (last year's reports are read too)
  --json            print the whole run (counts, report files, findings) as JSON
  --today DATE      judge deadlines on DATE (YYYY-MM-DD) instead of today
  --registry FILE   upload FILE as registry/agencies.csv and store it first (checked before upload);
                    without it the stored registry is used, else samples/registry/agencies.csv
  --out DIR         copy the run's audit.html, audit.csv and audit.json into DIR
  -h, --help        this help

Exit code 1 when the registry is missing or bad (its line is named) or the run failed (recorded as
failed, with its error, in the runs), 2 on a bad command line.`,
};
const ROOT = path.resolve(__dirname, '..');
const SAMPLE_REGISTRY = path.join(ROOT, 'samples', 'registry', 'agencies.csv');
const SEVERITY_ORDER: Record<string, number> = { error: 0, warning: 1, info: 2 };

interface Args {
  year: number;
  json: boolean;
  today?: string;
  registry?: string;
  out?: string;
}

function parseArgs(args: string[]): Args {
  const { values, positionals } = readArgs(CMD, args, {
    year: { type: 'string' },
    json: { type: 'boolean' },
    today: { type: 'string' },
    registry: { type: 'string' },
    out: { type: 'string' },
  });
  if (positionals.length > 0) throw new UsageError(CMD.usage, `unexpected argument ${positionals[0]}`);
  if (values.year === undefined) throw new UsageError(CMD.usage, 'name the year to audit with --year N');
  if (values.registry !== undefined) registryText(values.registry);
  return {
    year: yearArg(CMD, values.year),
    json: values.json ?? false,
    today: values.today === undefined ? undefined : dateArg(CMD, '--today', values.today),
    registry: values.registry,
    out: values.out,
  };
}

/** The registry file's text, checked before anything starts: a bad line is named, nothing is uploaded. */
function registryText(file: string): string {
  if (!existsSync(file)) throw new CommandError(`no such registry file: ${file}`);
  const text = readFileSync(file, 'utf8');
  try {
    parseRegistry(text);
  } catch (err) {
    throw new CommandError(`${file}: ${(err as Error).message}`);
  }
  return text;
}

interface Outcome {
  run: AuditRun;
  findings: AuditFinding[];
}

/**
 * `ogi audit --year N [--json]`: the audit state machine run in this process, against the local stack:
 * the one whose endpoints are in the environment (`OGI_TABLE`, `OGI_BUCKET`, `AWS_ENDPOINT_URL_*`)
 * or in `.local/endpoints.json` (a running `npm start`), else the data `npm start` left in
 * `.local/` (started for the run, then stopped).
 * Writes the three report files to the bucket (and copies them to --out) and prints the findings
 * (the whole run with --json).
 */
export async function runAudit(args: string[]): Promise<number> {
  const opts = parseArgs(args);
  // The running `npm start` (or the services the environment names); else the data it left, for this run only.
  const stack = connectLocalStack() ? undefined : await startLocalStack({ dataDir: localDir() });
  try {
    const bucket = process.env.OGI_BUCKET!;
    await ensureRegistry(bucket, opts.registry);
    const result = await runAuditMachine({ year: opts.year, ...(opts.today ? { today: opts.today } : {}) });
    if (!result.ok) throw new CommandError(`the audit run ${result.status}: ${result.error}`);
    // The run's own JSON report: the run and its findings in the order the rules gave them.
    const outcome = JSON.parse((await readText(bucket, result.run.files.json))!) as Outcome;
    if (opts.out) await copyFiles(bucket, outcome, opts.out);
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
  await writeText(bucket, REGISTRY_KEY, registryText(file), 'text/csv; charset=utf-8');
  await importRegistry(bucket);
}

/** Copies the run's three report files from the bucket into `dir`, to open or send on. */
async function copyFiles(bucket: string, { run }: Outcome, dir: string): Promise<void> {
  mkdirSync(dir, { recursive: true });
  for (const key of Object.values(run.files)) writeFileSync(path.join(dir, path.basename(key)), (await readText(bucket, key)) ?? '');
  console.error(`report files copied to ${dir}`);
}

function summary({ run, findings }: Outcome, bucket: string): string {
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
