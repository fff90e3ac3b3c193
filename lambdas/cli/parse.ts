import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseIsolated } from '../core/record/parse-isolated';
import type { Report } from '../core/types';
import { UsageError } from './usage';
import { idOf, listInputs } from './inputs';
import { progress, renderTable } from './table';

/** `ogi parse <file|dir>... --out DIR` | `ogi parse FILE --json` */
export async function runParse(args: string[]): Promise<number> {
  const json = args.includes('--json');
  const outAt = args.indexOf('--out');
  const out = outAt >= 0 ? args[outAt + 1] : undefined;
  const paths = args.filter((a, i) => !a.startsWith('--') && (outAt < 0 || i !== outAt + 1));
  if (paths.length === 0 || (outAt >= 0 && !out)) throw new UsageError('ogi parse <file|dir>... --out DIR | ogi parse FILE --json');
  const files = listInputs(paths);
  if (json && files.length !== 1) throw new UsageError('--json prints one record: name exactly one file');
  if (!json && !out) throw new UsageError('name an output folder with --out DIR (or --json for one file)');
  const reports: Report[] = [];
  for (const [i, file] of files.entries()) {
    const report = await parseIsolated({ id: idOf(file), name: path.basename(file), bytes: readFileSync(file) });
    reports.push(report);
    if (out) {
      mkdirSync(out, { recursive: true });
      writeFileSync(path.join(out, `${report.id}.json`), JSON.stringify(report, null, 2) + '\n');
    }
    progress(i + 1, files.length, path.basename(file));
  }
  if (json) console.log(JSON.stringify(reports[0], null, 2));
  else console.log(summary(files, reports));
  return 0;
}

export function summary(files: string[], reports: Report[]): string {
  const rows = reports.map((r, i) => [
    path.basename(files[i]),
    r.status,
    r.agency ?? '—',
    String(r.year ?? '—'),
    r.format,
    String(Object.keys(r.values).length),
    findingsText(r),
  ]);
  return renderTable(['file', 'status', 'agency', 'year', 'format', 'values', 'findings'], rows);
}

function findingsText(r: Report): string {
  const by = (s: string) => r.findings.filter((f) => f.severity === s && f.outcome !== 'not-assessable').length;
  const text = `${by('error')} error, ${by('warning')} warning, ${by('info')} info`;
  return r.status === 'parsed' ? text : `${text} — ${r.reason ?? ''}`;
}
