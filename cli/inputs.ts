import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { CommandError } from './usage';

/**
 * Report files named on the command line, folders expanded (labels, hidden files and notes skipped).
 * A name that does not exist is a file the command could not read (exit 1, as `--help` says), not a bad command line.
 */
export function listInputs(args: string[]): string[] {
  const out: string[] = [];
  const visit = (p: string) => {
    const st = statSync(p);
    if (st.isDirectory()) {
      for (const f of readdirSync(p).sort()) if (!f.startsWith('.')) visit(path.join(p, f));
    } else if (!/\.(labels\.json|md|mjs|json|csv)$/i.test(p)) out.push(p);
  };
  for (const a of args) {
    if (!existsSync(a)) throw new CommandError(`no such file or folder: ${a}`);
    visit(a);
  }
  return out;
}

/** Record id: the file name without its extension. */
export const idOf = (file: string) => path.basename(file).replace(/\.[^.]+$/, '');
