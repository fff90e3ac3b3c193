import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** A file or folder named to be read does not exist. */
export class MissingInput extends Error {
  constructor(readonly input: string) {
    super(`no such file or folder: ${input}`);
    this.name = 'MissingInput';
  }
}

/** Report files named on the command line, folders expanded (labels, hidden files and notes skipped). */
export function listInputs(args: string[]): string[] {
  const out: string[] = [];
  const visit = (p: string) => {
    const st = statSync(p);
    if (st.isDirectory()) {
      for (const f of readdirSync(p).sort()) if (!f.startsWith('.')) visit(path.join(p, f));
    } else if (!/\.(labels\.json|md|mjs|json|csv)$/i.test(p)) out.push(p);
  };
  for (const a of args) {
    if (!existsSync(a)) throw new MissingInput(a);
    visit(a);
  }
  return out;
}

/** Record id: the file name without its extension. */
export const idOf = (file: string) => path.basename(file).replace(/\.[^.]+$/, '');
