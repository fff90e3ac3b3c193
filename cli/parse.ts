import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { countFindings } from '../lambdas/core/findings/counts';
import type { Report } from '../lambdas/core/types';
import { inputsArg, readArgs } from './args';
import { parseFiles } from '../local/parse-files';
import { COUNT_HEAD, countCells, reasonLine } from '../local/summary-table';
import { progress, renderTable } from '../local/table';
import { UsageError } from './usage';

const CMD = {
  usage: 'ogi parse <file|dir>... --out DIR | ogi parse FILE --json',
  help: `usage: ogi parse <file|dir>... --out DIR
       ogi parse FILE --json

Parses annual reports (HTML, PDF or text, any encoding) on this machine; no stack needed.

  --out DIR   write one record per file to DIR/<id>.json and print a summary table
  --json      print the record of the one FILE named
  -h, --help  this help

Folders are read recursively; *.labels.json, *.md, *.json and *.csv files are skipped.
Exit code 1 when a file does not exist or ends rejected or failed (its record says why), 2 on a bad command line.`,
};

/** `ogi parse <file|dir>... --out DIR` | `ogi parse FILE --json` */
export async function runParse(args: string[]): Promise<number> {
  const { values, positionals } = readArgs(CMD, args, { out: { type: 'string' }, json: { type: 'boolean' } });
  if (positionals.length === 0) throw new UsageError(CMD.usage, 'name at least one file or folder');
  const { out, json } = values;
  if (json && out) throw new UsageError(CMD.usage, '--json and --out exclude each other');
  if (!json && !out) throw new UsageError(CMD.usage, 'name an output folder with --out DIR (or --json for one file)');
  const files = inputsArg(positionals);
  if (json && files.length !== 1) throw new UsageError(CMD.usage, '--json prints one record: name exactly one file');
  // Reports of one agency named together decide each other's open cells (neighbouring years).
  const reports = await parseFiles(files, { progress: (done, file) => progress(done, files.length, path.basename(file)) });
  if (out) {
    mkdirSync(out, { recursive: true });
    for (const report of reports) writeFileSync(path.join(out, `${report.id}.json`), JSON.stringify(report, null, 2) + '\n');
  }
  console.log(json ? JSON.stringify(reports[0], null, 2) : summary(files, reports));
  return reports.some((r) => r.status !== 'parsed') ? 1 : 0;
}

export function summary(files: string[], reports: Report[]): string {
  const rows = reports.map((r, i) => [
    path.basename(files[i]),
    r.status,
    r.agency ?? '—',
    String(r.year ?? '—'),
    r.format,
    String(Object.keys(r.values).length),
    ...countCells({ findingCounts: countFindings(r.findings) }),
    r.status === 'parsed' ? '' : reasonLine(r),
  ]);
  return renderTable(['file', 'status', 'agency', 'year', 'format', 'values', ...COUNT_HEAD, 'reason'], rows);
}
