import { renderTable } from '../../lambdas/cli/table';
import type { ReportView } from '../../lambdas/store';


const clip = (s: string, n: number) => ([...s].length > n ? [...s].slice(0, n - 1).join('') + '…' : s);

export interface SummaryRow {
  file: string;
  report?: ReportView;
  /** Why the file was not sent at all (a key the local store cannot hold). */
  refused?: string;
}

/** The findings summary `npm start` prints: one line per file. */
export function summaryTable(rows: SummaryRow[]): string {
  const head = ['file', 'status', 'agency', 'year', 'format', 'values', 'errors', 'warnings', 'info', 'reason'];
  const body = rows.map(({ file, report: r, refused }) =>
    refused
      ? [file, 'refused', '', '', '', '', '', '', '', clip(refused, 60)]
      : r
      ? [
          file,
          r.status,
          r.agency ?? '—',
          String(r.year ?? '—'),
          r.format,
          String(Object.keys(r.values ?? {}).length),
          String(r.findingCounts.error),
          String(r.findingCounts.warning),
          String(r.findingCounts.info),
          r.status === 'parsed' ? '' : clip(r.error ?? r.reason ?? '', 60),
        ]
      : [file, 'missing', '', '', '', '', '', '', '', 'no record was stored'],
  );
  return renderTable(head, body);
}
