import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseIsolated } from '../lambdas/core/record/parse-isolated';
import { resolveSet } from '../lambdas/core/resolve';
import type { Report } from '../lambdas/core/types';
import { idOf } from './inputs';

/**
 * Parses the files, each in the bounded parse worker (reporting progress per file) and, unless `neighbours` is false, lets the
 * reports of one agency decide each other's open cells: the set of inputs acts as the store.
 */
export async function parseFiles(files: string[], opts: { neighbours?: boolean; progress?: (done: number, file: string) => void } = {}): Promise<Report[]> {
  const reports: Report[] = [];
  for (const [i, file] of files.entries()) {
    reports.push(await parseIsolated({ id: idOf(file), name: path.basename(file), bytes: readFileSync(file) }));
    opts.progress?.(i + 1, file);
  }
  return opts.neighbours === false ? reports : resolveSet(reports);
}
