import { countsOf } from '../lambdas/core/findings/counts';
import type { ReportView } from '../lambdas/store';
import { reasonText } from '../lambdas/core/record/reasons';
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
  const head = ['file', 'status', 'agency', 'year', 'format', 'values', ...COUNT_HEAD, 'reason'];
  const blank = COUNT_HEAD.map(() => '');
  const body = rows.map(({ file, report: r, duplicate, refused, notSent }) =>
    refused || notSent
      ? [file, refused ? 'refused' : 'not sent', '', '', '', '', ...blank, clip((refused ?? notSent)!, 60)]
      : r
        ? [
            file,
            duplicate ? `duplicate (${r.status})` : r.status,
            r.agency ?? '—',
            String(r.year ?? '—'),
            r.format,
            String(Object.keys(r.values ?? {}).length),
            ...countCells(r),
            duplicate ? `same bytes as ${r.id}` : r.status === 'parsed' ? '' : clip(reasonLine(r), 60),
          ]
        : [file, 'missing', '', '', '', '', ...blank, 'no record was stored'],
  );
  return renderTable(head, body);
}

/** The count columns of every CLI table: assessable findings by severity, then the checks that could not be made (core/findings/counts.ts). */
export const COUNT_HEAD = ['errors', 'warnings', 'info', 'n/a'];

export function countCells(r: Pick<ReportView, 'findingCounts'>): string[] {
  const c = countsOf(r.findingCounts);
  return [c.error, c.warning, c.info, c.notAssessable].map(String);
}

/** Why a report was not parsed, in Chinese and in English (the reason as stored). */
export function reasonLine(r: Pick<ReportView, 'error' | 'reason'>): string {
  if (r.error) return r.error;
  const text = reasonText(r.reason);
  return text ? (text.zh === text.en ? text.en : `${text.zh} ${text.en}`) : '';
}
