import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseIsolated } from '../core/record/parse-isolated';
import type { Finding, Report } from '../core/types';
import { idOf, listInputs } from './inputs';
import { progress, renderTable } from './table';
import { UsageError } from './usage';

const USAGE = 'ogi check <file|dir>... [--json]';
/** Evidence is cut to this many characters in the terminal table; `--json` has it whole. */
const EVIDENCE_CHARS = 90;
const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

/**
 * `ogi check <file|dir>... [--json]`: parses each report and prints its compliance findings.
 * Exit code 0 when every file was checked (findings are the output, not a failure), 1 when a file
 * could not be parsed because of a bug (`status: failed`), 2 on a bad command line.
 */
export async function runCheck(args: string[]): Promise<number> {
  const json = args.includes('--json');
  const unknown = args.filter((a) => a.startsWith('--') && a !== '--json');
  const paths = args.filter((a) => !a.startsWith('--'));
  if (unknown.length > 0 || paths.length === 0) throw new UsageError(USAGE);
  const files = listInputs(paths);
  const reports: Report[] = [];
  for (const [i, file] of files.entries()) {
    reports.push(await parseIsolated({ id: idOf(file), name: path.basename(file), bytes: readFileSync(file) }));
    progress(i + 1, files.length, path.basename(file));
  }
  console.log(json ? JSON.stringify(reports.map(checked), null, 2) : renderFindings(reports));
  return reports.some((r) => r.status === 'failed') ? 1 : 0;
}

/** What `--json` prints per report: its identity and its findings. */
function checked(r: Report) {
  return { id: r.id, status: r.status, reason: r.reason, agency: r.agency, year: r.year, format: r.format, findings: sorted(r.findings) };
}

const sorted = (findings: Finding[]) =>
  [...findings].sort((a, b) => Number(a.outcome === 'not-assessable') - Number(b.outcome === 'not-assessable') || SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);

const cut = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** One row per finding, problems before gaps, then a count per report. */
export function renderFindings(reports: Report[]): string {
  const rows = reports.flatMap((r) =>
    sorted(r.findings).map((f) => [r.id, f.rule, f.outcome === 'not-assessable' ? 'n/a' : f.severity, f.message, cut(f.evidence, EVIDENCE_CHARS)]),
  );
  const totals = reports.map((r) => {
    const count = (s: Finding['severity']) => r.findings.filter((f) => f.severity === s && f.outcome !== 'not-assessable').length;
    const gaps = r.findings.filter((f) => f.outcome === 'not-assessable').length;
    return `${r.id}: ${r.status}, ${count('error')} error, ${count('warning')} warning, ${count('info')} info, ${gaps} not assessable`;
  });
  return [renderTable(['report', 'rule', 'severity', 'message', 'evidence'], rows), '', ...totals].join('\n');
}
