/**
 * `npm run eval -- DIR [--variants]`: parses every document in DIR into a temporary folder and
 * scores the records against DIR's *.labels.json with the corpus scorer (DIR/score.mjs when
 * present, else ../shared/corpus/score.mjs), printing its per-document table and SCORE line.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { idOf, listInputs } from '../lambdas/cli/inputs';
import { parseReport } from '../lambdas/core/record/parse-report';

export async function parseDir(dir: string): Promise<string> {
  const out = mkdtempSync(path.join(tmpdir(), 'ogi-eval-'));
  for (const file of listInputs([dir])) {
    const report = await parseReport({ id: idOf(file), name: path.basename(file), bytes: readFileSync(file) });
    writeFileSync(path.join(out, `${report.id}.json`), JSON.stringify(report));
  }
  return out;
}

export function score(labelsDir: string, outputs: string, scorer: string): string {
  return execFileSync(process.execPath, [scorer, labelsDir, outputs], { encoding: 'utf8' });
}

async function main() {
  const args = process.argv.slice(2);
  const dir = args.find((a) => !a.startsWith('--'));
  if (!dir) {
    console.error('usage: npm run eval -- DIR [--variants]');
    process.exit(2);
  }
  const local = path.join(dir, 'score.mjs');
  const scorer = existsSync(local) ? local : path.resolve(__dirname, '../../shared/corpus/score.mjs');
  process.stdout.write(score(dir, await parseDir(dir), scorer));
}

if (require.main === module)
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
