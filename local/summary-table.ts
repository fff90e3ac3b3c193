import type { ReportView } from '../lambdas/store';
import { renderTable } from './table';

const clip = (s: string, n: number) => ([...s].length > n ? [...s].slice(0, n - 1).join('') + '…' : s);

export interface SummaryRow {
  file: string;
  report?: ReportView;
  /** The same bytes had been stored before: `report` is that first upload's record. */
  duplicate?: boolean;
  /** Why the file was not sent at all (a key the local store cannot hold). */
  refused?: string;
  /** The error that kept sending it from succeeding, every retry spent. */
  notSent?: string;
}

/** The findings summary `npm start` and `ogi upload` print: one line per file. */
export function summaryTable(rows: SummaryRow[]): string {
  const head = ['file', 'status', 'agency', 'year', 'format', 'values', 'errors', 'warnings', 'info', 'reason'];
  const body = rows.map(({ file, report: r, duplicate, refused, notSent }) =>
    refused || notSent
      ? [file, refused ? 'refused' : 'not sent', '', '', '', '', '', '', '', clip((refused ?? notSent)!, 60)]
      : r
        ? [
            file,
            duplicate ? `duplicate (${r.status})` : r.status,
            r.agency ?? '—',
            String(r.year ?? '—'),
            r.format,
            String(Object.keys(r.values ?? {}).length),
            String(r.findingCounts.error),
            String(r.findingCounts.warning),
            String(r.findingCounts.info),
            duplicate ? `same bytes as ${r.id}` : r.status === 'parsed' ? '' : clip(r.error ?? r.reason ?? '', 60),
          ]
        : [file, 'missing', '', '', '', '', '', '', '', 'no record was stored'],
  );
  return renderTable(head, body);
}
