/** Width of a string in a terminal: Han and full-width characters take two columns. */
const width = (s: string) =>
  [...s].reduce((n, c) => n + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(c) ? 2 : 1), 0);
const pad = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - width(s)));

/** A plain aligned text table for terminals. */
export function renderTable(head: string[], rows: string[][]): string {
  const w = head.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i] ?? ''))));
  const line = (r: string[]) =>
    r
      .map((c, i) => pad(c ?? '', w[i]))
      .join('  ')
      .trimEnd();
  return [line(head), w.map((n) => '-'.repeat(n)).join('  '), ...rows.map(line)].join('\n');
}

/** A one-line progress bar on stderr, only when stderr is a terminal. */
export function progress(done: number, total: number, label: string): void {
  if (!process.stderr.isTTY || total < 2) return;
  const n = Math.round((done / total) * 30);
  process.stderr.write(`\r[${'#'.repeat(n)}${'.'.repeat(30 - n)}] ${done}/${total} ${label.slice(0, 40).padEnd(40)}`);
  if (done === total) process.stderr.write('\n');
}
