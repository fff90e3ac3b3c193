import { allReportsOfYear, scanReports } from '../lambdas/store';
import { readArgs, yearArg } from './args';
import { requireLocalStack } from './local-stack';
import { renderTable } from '../local/table';
import { UsageError } from './usage';

const CMD = {
  usage: 'ogi pending [--year N] [--json]',
  help: `usage: ogi pending [--year N] [--json]

Lists the values waiting for an officer (待核实) in the stack \`npm start\` runs: rows whose cells
ran together and that neither the report nor the agency's neighbouring years decide, with the
printed text, the readings still possible and the cross-year identities each satisfies.

  --year N    only reports of reporting year N
  --json      print the rows as JSON (every reading listed)
  -h, --help  this help

Exit code 1 when no stack is running, 2 on a bad command line.`,
};
/** Readings shown per row in the terminal; `--json` has them all. */
const SHOWN = 4;

/** `ogi pending [--year N] [--json]`: the values waiting for an officer (待核实) in the running stack. */
export async function runPending(args: string[]): Promise<number> {
  const { values, positionals } = readArgs(CMD, args, { year: { type: 'string' }, json: { type: 'boolean' } });
  if (positionals.length > 0) throw new UsageError(CMD.usage, `unexpected argument ${positionals[0]}`);
  const year = values.year === undefined ? undefined : yearArg(CMD, values.year);
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
