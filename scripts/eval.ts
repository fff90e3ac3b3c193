/**
 * `npm run eval -- DIR [--variants]`: parses every document in DIR into a temporary folder and
 * scores the records against DIR's *.labels.json with the corpus scorer (DIR/score.mjs when
 * present, else ../shared/corpus/score.mjs), printing its per-document table and SCORE line, then
 * a `P-FINDINGS` line counting the parser's findings of each `P-` kind over the folder (its noise),
 * each report alone and then with its agency's neighbouring years, and the rows still undecided.
 * `--variants` also scores GBK, Big5-traditional and traditional-UTF-8 copies of DIR's HTML and
 * text documents, made on the fly: a parser that reads garbled sources right scores the same.
 * Under the values table it prints findings precision and recall against the expected-findings file
 * (DIR/expected-findings.json when present, else scripts/expected-findings.json; ./eval-findings.ts).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { idOf, listInputs } from '../local/inputs';
import { parseFiles } from '../local/parse-files';
import { openKeys, remaining } from '../lambdas/core/tables/undecided';
import type { Report } from '../lambdas/core/types';
import { firedRules, parseExpected, renderFindingsScore, scoreFindings } from './eval-findings';
import { buildVariants } from './eval-variants';

/**
 * Parses DIR (its reports of one agency deciding each other's open cells unless `neighbours` is
 * false) into a temporary folder, scores it, and removes the folder.
 */
export async function scoreDir(dir: string, scorer: string, neighbours = true): Promise<{ table: string; reports: Report[] }> {
  const out = mkdtempSync(path.join(tmpdir(), 'ogi-eval-'));
  try {
    const files = listInputs([dir]);
    const reports = await parseFiles(files, { neighbours });
    for (const report of reports) writeFileSync(path.join(out, `${report.id}.json`), JSON.stringify(report));
    return { table: execFileSync(process.execPath, [scorer, dir, out], { encoding: 'utf8' }) + parserFindingsLine(reports), reports };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/** One line on stderr and a non-zero exit: what a user with a mistyped folder needs, not a stack trace. */
function fail(message: string, code = 1): never {
  console.error(`eval: ${message}`);
  process.exit(code);
}

/** `P-FINDINGS docs=11 total=12 P-ROW-SHAPE=3 P-SPLIT-AMBIGUOUS=9`: the parser's findings by kind, over every document. */
export function parserFindingsLine(reports: Report[]): string {
  const counts = new Map<string, number>();
  for (const f of reports.flatMap((r) => r.findings)) if (f.rule.startsWith('P-')) counts.set(f.rule, (counts.get(f.rule) ?? 0) + 1);
  const kinds = [...counts].sort(([a], [b]) => a.localeCompare(b)).map(([rule, n]) => `${rule}=${n}`);
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  return `P-FINDINGS docs=${reports.length} total=${total}${kinds.map((k) => ` ${k}`).join('')}\n`;
}

/** Recall and precision over the HTML and text documents of a scorer table (PDFs are another issue's). */
function htmlTextLine(dir: string, table: string): string {
  const kinds = new Map(listInputs([dir]).map((f) => [idOf(f), path.extname(f).slice(1)]));
  let gold = 0;
  let pred = 0;
  let correct = 0;
  for (const line of table.split('\n')) {
    const [id, g, p, c] = line.split('\t');
    if (!['html', 'htm', 'txt'].includes(kinds.get(id) ?? '')) continue;
    [gold, pred, correct] = [gold + Number(g), pred + Number(p), correct + Number(c)];
  }
  return `HTML+text: gold=${gold} pred=${pred} correct=${correct} recall=${(correct / gold).toFixed(4)} precision=${(pred ? correct / pred : 1).toFixed(4)}`;
}

/** Readings listed per undecided row. */
const SHOWN = 6;

/** The rows no neighbour decided, with the readings still possible. */
function undecidedList(reports: Report[]): string {
  const lines = reports.flatMap((r) =>
    (r.undecided ?? []).flatMap((row) => {
      const open = openKeys(row, r.values);
      if (open.length === 0) return [];
      const left = remaining(row, r.values);
      const texts = row.texts.filter((_, i) => left.includes(row.candidates[i]));
      const shown = texts
        .slice(0, SHOWN)
        .map((t) => t.join('|'))
        .join('；');
      return [`${r.id}\t${row.label}\t${row.printed}\topen: ${open.join(', ')}\t${left.length} readings: ${shown}${left.length > SHOWN ? '；…' : ''}`];
    }),
  );
  return `undecided rows (${lines.length}):\n${lines.join('\n')}\n`;
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
  const alone = await scoreDir(dir, scorer, false);
  process.stdout.write(`== each report alone ==\n${alone.table}${htmlTextLine(dir, alone.table)}\n\n`);
  const { table: original, reports } = await scoreDir(dir, scorer);
  process.stdout.write(`== with neighbours (the same agency's reports of the year before and after) ==\n${original}${htmlTextLine(dir, original)}\n\n`);
  process.stdout.write(undecidedList(reports));
  const ownExpected = path.join(dir, 'expected-findings.json');
  const expected = existsSync(ownExpected) ? ownExpected : path.join(__dirname, 'expected-findings.json');
  const score = scoreFindings(parseExpected(readFileSync(expected, 'utf8')), firedRules(reports, new Date().toISOString().slice(0, 10)));
  process.stdout.write(renderFindingsScore(score, path.relative(process.cwd(), expected)));
  if (!args.includes('--variants')) return;
  const into = mkdtempSync(path.join(tmpdir(), 'ogi-variants-'));
  try {
    for (const v of buildVariants(dir, into)) {
      const { table } = await scoreDir(v.dir, scorer);
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
