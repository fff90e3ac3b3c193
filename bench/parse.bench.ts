/**
 * Parser throughput on one core: reports per second for the HTML and the text samples,
 * the median of several timed rounds after a warm-up.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseReport } from '../lambdas/core/record/parse-report';
import { median, type BenchResult } from './result';

const SAMPLES = path.join(__dirname, '..', 'samples');
const ROUNDS = 7;
const ROUND_MS = 400;

function load(ext: string): { id: string; bytes: Buffer }[] {
  return readdirSync(SAMPLES)
    .filter((f) => f.endsWith(ext))
    .map((f) => ({ id: f, bytes: readFileSync(path.join(SAMPLES, f)) }));
}

async function rate(files: { id: string; bytes: Buffer }[]): Promise<number> {
  for (const f of files) await parseReport(f);
  const rounds: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    let n = 0;
    const t0 = performance.now();
    while (performance.now() - t0 < ROUND_MS) await parseReport(files[n++ % files.length]);
    rounds.push((n * 1000) / (performance.now() - t0));
  }
  return median(rounds);
}

export async function run(): Promise<BenchResult[]> {
  const html = load('.html');
  const text = load('.txt');
  return [
    { name: 'html_reports_per_s', value: await rate(html), unit: 'reports/s', note: `median of ${ROUNDS}, ${html.length} samples` },
    { name: 'text_reports_per_s', value: await rate(text), unit: 'reports/s', note: `median of ${ROUNDS}, ${text.length} samples` },
  ];
}
