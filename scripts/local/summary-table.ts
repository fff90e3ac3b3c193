import type { ReportView } from '../../lambdas/store';

/** Display width: CJK and full-width characters take two terminal columns. */
const width = (s: string) => [...s].reduce((w, c) => w + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(c) ? 2 : 1), 0);
const pad = (s: string, w: number) => s + ' '.repeat(Math.max(0, w - width(s)));

const clip = (s: string, n: number) => ([...s].length > n ? [...s].slice(0, n - 1).join('') + '…' : s);

export interface SummaryRow {
  file: string;
  report?: ReportView;
}

/** The findings summary `npm start` prints: one line per file. */
export function summaryTable(rows: SummaryRow[]): string {
  const head = ['file', 'status', 'agency', 'year', 'format', 'values', 'errors', 'warnings', 'info', 'reason'];
  const body = rows.map(({ file, report: r }) =>
    r
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
  const widths = head.map((h, i) => Math.max(width(h), ...body.map((row) => width(row[i]))));
  const line = (row: string[]) => row.map((c, i) => pad(c, widths[i])).join('  ').trimEnd();
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}
