import { allReportsOfYear, scanReports, type ReportView } from '../lambdas/store';
import { readArgs, yearArg } from './args';
import { requireLocalStack } from './local-stack';
import { COUNT_HEAD, countCells, reasonLine } from '../local/summary-table';
import { renderTable } from '../local/table';
import { UsageError } from './usage';

const CMD = {
  usage: 'ogi reports [--year N] [--json]',
  help: `usage: ogi reports [--year N] [--json]

Lists the reports stored in the stack \`npm start\` runs: status, reason, finding counts, and
which version of an agency-year is current (a corrected upload supersedes the earlier one).

  --year N    only reports of reporting year N (every version)
  --json      print the stored items as JSON (\`current\`, \`supersededBy\` included)
  -h, --help  this help

Exit code 1 when no stack is running, 2 on a bad command line.`,
};

/** `ogi reports [--year N] [--json]`: the stored reports with status, version, reason and finding counts. */
export async function runReports(args: string[]): Promise<number> {
  const { values, positionals } = readArgs(CMD, args, { year: { type: 'string' }, json: { type: 'boolean' } });
  if (positionals.length > 0) throw new UsageError(CMD.usage, `unexpected argument ${positionals[0]}`);
  const year = values.year === undefined ? undefined : yearArg(CMD, values.year);
  requireLocalStack('ogi reports');
  const reports = year === undefined ? await scanReports() : await allReportsOfYear(year, { all: true });
  reports.sort(
    (a, b) =>
      (a.year ?? 0) - (b.year ?? 0) || (a.agency ?? '').localeCompare(b.agency ?? '') || a.uploadedAt.localeCompare(b.uploadedAt) || a.id.localeCompare(b.id),
  );
  console.log(values.json ? JSON.stringify(reports, null, 2) : table(reports));
  return 0;
}

const slotOf = (r: ReportView) => `${r.agency}#${r.year}`;

/**
 * Which version of its agency-year a report is; unplaced reports (rejected, no agency or year) have
 * none. An older version stored before history named its successor is superseded by the slot's current one.
 */
function version(r: ReportView, currentOf: Map<string, string>): string {
  if (r.current) return 'current';
  const by = r.supersededBy ?? currentOf.get(slotOf(r));
  if (by) return `superseded by ${by}`;
  return r.status === 'parsed' && r.agency !== null && r.year !== null ? 'superseded' : '';
}

function table(reports: ReportView[]): string {
  const currentOf = new Map(reports.filter((r) => r.current).map((r) => [slotOf(r), r.id]));
  return renderTable(
    ['id', 'agency', 'year', 'status', 'version', ...COUNT_HEAD, 'reason'],
    reports.map((r) => [
      r.id,
      r.agency ?? '—',
      String(r.year ?? '—'),
      r.status,
      version(r, currentOf),
      ...countCells(r),
      r.status === 'parsed' ? '' : reasonLine(r),
    ]),
  );
}
