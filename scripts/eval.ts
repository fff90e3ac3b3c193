/**
 * `npm run eval -- DIR [--variants]`: parses every document in DIR into a temporary folder and
 * scores the records against DIR's *.labels.json with the corpus scorer (DIR/score.mjs when
 * present, else ../shared/corpus/score.mjs), printing its per-document table and SCORE line.
 * `--variants` also scores GBK, Big5-traditional and traditional-UTF-8 copies of DIR's HTML and
 * text documents, made on the fly: a parser that reads garbled sources right scores the same.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { idOf, listInputs } from '../cli/inputs';
import { parseReport } from '../lambdas/core/record/parse-report';
import { buildVariants } from './eval-variants';

/** Parses DIR into a temporary folder, scores it, and removes the folder. */
export async function scoreDir(dir: string, scorer: string): Promise<string> {
  const out = mkdtempSync(path.join(tmpdir(), 'ogi-eval-'));
  try {
    for (const file of listInputs([dir])) {
      const report = await parseReport({ id: idOf(file), name: path.basename(file), bytes: readFileSync(file) });
      writeFileSync(path.join(out, `${report.id}.json`), JSON.stringify(report));
    }
    return execFileSync(process.execPath, [scorer, dir, out], { encoding: 'utf8' });
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

const rowOf = (table: string, id: string) => table.split('\n').find((l) => l.startsWith(`${id}\t`));

async function main() {
  const args = process.argv.slice(2);
  const dir = args.find((a) => !a.startsWith('--'));
  if (!dir) {
    console.error('usage: npm run eval -- DIR [--variants]');
    process.exit(2);
  }
  const local = path.join(dir, 'score.mjs');
  const scorer = existsSync(local) ? local : path.resolve(__dirname, '../../shared/corpus/score.mjs');
  const original = await scoreDir(dir, scorer);
  process.stdout.write(original);
  if (!args.includes('--variants')) return;
  const into = mkdtempSync(path.join(tmpdir(), 'ogi-variants-'));
  try {
    for (const v of buildVariants(dir, into)) {
      const table = await scoreDir(v.dir, scorer);
      process.stdout.write(`\n== ${v.name}: ${v.ids.length} HTML/text documents re-encoded on the fly ==\n${table}`);
      // Like for like: the same documents' rows of the original run.
      const same = v.ids.every((id) => rowOf(table, id) === rowOf(original, id));
      process.stdout.write(`${v.name}: ${same ? 'every document scores exactly as the original' : 'DIFFERS from the original'}\n`);
    }
  } finally {
    rmSync(into, { recursive: true, force: true });
  }
}

if (require.main === module)
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
