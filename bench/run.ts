/**
 * `npm run bench [filter...]`: runs every bench/*.bench.ts (each exports
 * `run(): Promise<BenchResult[]>`), prints one table and writes bench/results.json.
 * Timings live here, never in tests.
 *
 * Each bench runs in its own child process: a local stack, its invoker and its memory
 * high-water mark then belong to that bench alone, and one bench's shutdown cannot cut
 * off another's in-flight work (a shared process did exactly that). A filtered run
 * replaces only its own entries in results.json.
 */
import { fork } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { BenchResult } from './result';

const RESULTS = path.join(__dirname, 'results.json');
/** Benches that hold more than Node's default heap: the audit simulation keeps 2,000,000 summaries and a 1,000,000-agency registry. */
const HEAP_MB: Record<string, number> = { 'audit-sim.bench.ts': 12_288 };

async function runChild(file: string): Promise<void> {
  const mod = (await import(path.join(__dirname, file))) as { run: () => Promise<BenchResult[]> };
  const results = await mod.run();
  await new Promise<void>((resolve, reject) => process.send!(results, (err: Error | null) => (err ? reject(err) : resolve())));
  process.exit(0); // a stray timer or socket must not keep a finished bench alive
}

function runInChild(file: string): Promise<BenchResult[]> {
  return new Promise((resolve, reject) => {
    let results: BenchResult[] | undefined;
    const heap = HEAP_MB[file] ? [`--max-old-space-size=${HEAP_MB[file]}`] : [];
    const child = fork(__filename, ['--child', file], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], execArgv: [...process.execArgv, ...heap] });
    child.on('message', (m) => (results = m as BenchResult[]));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 && results ? resolve(results) : reject(new Error(`bench ${file} exited with ${code}${results ? '' : ' before reporting'}`)),
    );
  });
}

async function main() {
  const only = process.argv.slice(2);
  const files = readdirSync(__dirname)
    .filter((f) => f.endsWith('.bench.ts'))
    .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
    .sort();
  const results: BenchResult[] = [];
  const failed: string[] = [];
  for (const f of files) {
    process.stderr.write(`bench: ${f}\n`);
    try {
      results.push(...(await runInChild(f)));
    } catch (err) {
      failed.push(f);
      process.stderr.write(`${(err as Error).message}\n`);
    }
  }
  const rows = results.map((r) => [r.name, fmt(r.value), r.unit, r.note ?? '']);
  const head = ['name', 'value', 'unit', 'note'];
  const w = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r: string[]) => r.map((c, i) => c.padEnd(w[i])).join('  ');
  console.log(line(head));
  console.log(w.map((n) => '-'.repeat(n)).join('  '));
  for (const r of rows) console.log(line(r));
  writeFileSync(RESULTS, JSON.stringify(merge(previous(), results), null, 2) + '\n');
  if (failed.length > 0) {
    console.error(`failed: ${failed.join(', ')}`);
    process.exit(1);
  }
}

function previous(): BenchResult[] {
  return existsSync(RESULTS) ? (JSON.parse(readFileSync(RESULTS, 'utf8')) as BenchResult[]) : [];
}

/** Fresh figures replace old ones of the same name; figures of benches not run stay. */
function merge(old: BenchResult[], fresh: BenchResult[]): BenchResult[] {
  const byName = new Map(old.map((r) => [r.name, r]));
  for (const { name, value, unit } of fresh) byName.set(name, { name, value, unit });
  return [...byName.values()];
}

const fmt = (v: number) => (Number.isInteger(v) ? String(v) : v.toFixed(v < 10 ? 3 : 1));

const child = process.argv[2] === '--child';
(child ? runChild(process.argv[3]) : main()).catch((err) => {
  console.error(err);
  process.exit(1);
});
