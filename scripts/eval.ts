/**
 * `npm run eval -- DIR [--variants]`: parses every document in DIR into a temporary folder and
 * scores the records against DIR's *.labels.json with the corpus scorer (DIR/score.mjs when
 * present, else ../shared/corpus/score.mjs), printing its per-document table and SCORE line.
 * `--variants` also scores GBK, Big5-traditional and traditional-UTF-8 copies of DIR's HTML and
 * text documents, made on the fly: a parser that reads garbled sources right scores the same.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
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

/** One line on stderr and a non-zero exit: what a user with a mistyped folder needs, not a stack trace. */
function fail(message: string, code = 1): never {
  console.error(`eval: ${message}`);
  process.exit(code);
}

const rowOf = (table: string, id: string) => table.split('\n').find((l) => l.startsWith(`${id}\t`));

async function main() {
  const args = process.argv.slice(2);
  const dir = args.find((a) => !a.startsWith('--'));
  if (!dir) fail('usage: npm run eval -- DIR [--variants]', 2);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) fail(`no such folder: ${dir}`);
  const local = path.join(dir, 'score.mjs');
  const scorer = existsSync(local) ? local : path.resolve(__dirname, '../../shared/corpus/score.mjs');
  if (!existsSync(scorer)) fail(`no scorer: neither ${local} nor ${scorer} exists`);
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

if (require.main === module) main().catch((err: Error) => fail(`${err.name}: ${err.message}`));
