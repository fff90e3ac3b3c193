import { allReportsOfYear, scanReports, type ReportView } from '../lambdas/store';
import { requireLocalStack } from './local-stack';
import { renderTable } from './table';
import { UsageError } from './usage';

const USAGE = 'ogi reports [--year N] [--json]';

/** `ogi reports [--year N] [--json]`: the stored reports with status, reason and finding counts. */
export async function runReports(args: string[]): Promise<number> {
  const at = args.indexOf('--year');
  const year = at >= 0 ? Number(args[at + 1]) : undefined;
  if (at >= 0 && !Number.isInteger(year)) throw new UsageError(USAGE);
  if (args.some((a, i) => a !== '--json' && a !== '--year' && (at < 0 || i !== at + 1))) throw new UsageError(USAGE);
  requireLocalStack('ogi reports');
  const reports = year === undefined ? await scanReports() : await allReportsOfYear(year, { all: true });
  reports.sort((a, b) => (a.year ?? 0) - (b.year ?? 0) || (a.agency ?? '').localeCompare(b.agency ?? '') || a.id.localeCompare(b.id));
  if (args.includes('--json')) console.log(JSON.stringify(reports, null, 2));
  else console.log(table(reports));
  return 0;
}

function table(reports: ReportView[]): string {
  return renderTable(
    ['id', 'agency', 'year', 'status', 'errors', 'warnings', 'info', 'reason'],
    reports.map((r) => [
      r.id,
      r.agency ?? '—',
      String(r.year ?? '—'),
      r.status,
      String(r.findingCounts.error),
      String(r.findingCounts.warning),
      String(r.findingCounts.info),
      r.status === 'parsed' ? '' : (r.error ?? r.reason ?? ''),
    ]),
  );
}
