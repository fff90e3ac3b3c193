import path from 'node:path';
import { countFindings, isAssessable, severityOrder } from '../lambdas/core/findings/counts';
import type { Finding, Report } from '../lambdas/core/types';
import { inputsArg, readArgs } from './args';
import { parseFiles } from '../local/parse-files';
import { progress, renderTable } from '../local/table';
import { UsageError } from './usage';

const CMD = {
  usage: 'ogi check <file|dir>... [--json]',
  help: `usage: ogi check <file|dir>... [--json]

Parses each report on this machine and prints its compliance findings (rules S1–S14): a table,
problems before gaps, then one count line per report; no stack needed.

  --json      print the findings as JSON, one entry per report, evidence whole
  -h, --help  this help

Exit code 1 when a file does not exist, a report has an error finding or ended rejected or failed, 2 on a bad command line.`,
};
/** Evidence is cut to this many characters in the terminal table; `--json` has it whole. */
const EVIDENCE_CHARS = 90;

/**
 * `ogi check <file|dir>... [--json]`: parses each report and prints its compliance findings.
 * Exit code 1 when any report has an error finding or is not parsed, so a script can gate on it.
 */
export async function runCheck(args: string[]): Promise<number> {
  const { values, positionals } = readArgs(CMD, args, { json: { type: 'boolean' } });
  if (positionals.length === 0) throw new UsageError(CMD.usage, 'name at least one file or folder');
  const files = inputsArg(positionals);
  const reports = await parseFiles(files, { progress: (done, file) => progress(done, files.length, path.basename(file)) });
  console.log(values.json ? JSON.stringify(reports.map(checked), null, 2) : renderFindings(reports));
  return reports.some((r) => r.status !== 'parsed' || r.findings.some(isError)) ? 1 : 0;
}

const isError = (f: Finding) => f.severity === 'error' && isAssessable(f);

/** What `--json` prints per report: its identity and its findings. */
function checked(r: Report) {
  return { id: r.id, status: r.status, reason: r.reason, agency: r.agency, year: r.year, format: r.format, findings: sorted(r.findings) };
}

const sorted = (findings: Finding[]) =>
  [...findings].sort((a, b) => Number(!isAssessable(a)) - Number(!isAssessable(b)) || severityOrder(a.severity) - severityOrder(b.severity));

const cut = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** One row per finding, problems before gaps, then a count per report. */
export function renderFindings(reports: Report[]): string {
  const rows = reports.flatMap((r) =>
    sorted(r.findings).map((f) => [r.id, f.rule, isAssessable(f) ? f.severity : 'n/a', f.message, cut(f.evidence, EVIDENCE_CHARS)]),
  );
  const totals = reports.map((r) => {
    const c = countFindings(r.findings);
    return `${r.id}: ${r.status}, ${c.error} error, ${c.warning} warning, ${c.info} info, ${c.notAssessable} not assessable`;
  });
  return [renderTable(['report', 'rule', 'severity', 'message', 'evidence'], rows), '', ...totals].join('\n');
}
