import { parseArgs } from 'node:util';
import { allReportsOfYear, scanReports } from '../store';
import { requireLocalStack } from './local-stack';
import { renderTable } from './table';
import { UsageError } from './usage';

const USAGE = 'ogi pending [--year N] [--json]';
/** Readings shown per row in the terminal; `--json` has them all. */
const SHOWN = 4;

/** `ogi pending [--year N] [--json]`: the values waiting for an officer (待核实) in the running stack. */
export async function runPending(args: string[]): Promise<number> {
  let values: { year?: string; json?: boolean };
  try {
    ({ values } = parseArgs({ args, options: { year: { type: 'string' }, json: { type: 'boolean' } }, strict: true, allowPositionals: false }));
  } catch {
    throw new UsageError(USAGE);
  }
  const year = values.year === undefined ? undefined : Number(values.year);
  if (year !== undefined && !Number.isInteger(year)) throw new UsageError(USAGE);
  requireLocalStack('ogi pending');
  const reports = (year === undefined ? await scanReports() : await allReportsOfYear(year)).filter((r) => r.current && r.pending?.length);
  reports.sort((a, b) => (a.year ?? 0) - (b.year ?? 0) || (a.agency ?? '').localeCompare(b.agency ?? '') || a.id.localeCompare(b.id));
  const items = reports.flatMap((r) => r.pending!.map((p) => ({ reportId: r.id, agency: r.agency, year: r.year, ...p })));
  if (values.json) {
    console.log(JSON.stringify(items, null, 2));
    return 0;
  }
  const rows = items.map((p) => [
    p.reportId,
    String(p.year ?? '—'),
    p.label,
    p.printed,
    p.open.join(', '),
    `${p.readings.length}${p.truncated ? '+' : ''}: ${p.readings
      .slice(0, SHOWN)
      .map((r) => `${r.texts.join('|')}${r.satisfies.length ? ' ✓' : ''}`)
      .join('；')}${p.readings.length > SHOWN ? '；…' : ''}`,
  ]);
  console.log(renderTable(['report', 'year', 'row', 'printed', 'open keys', 'readings (✓ satisfies an identity with a neighbouring year)'], rows));
  console.log(`\n${items.length} rows wait for review (待核实); decide them on the web page or with PATCH /reports/{id}/pending/{row}.`);
  return 0;
}
