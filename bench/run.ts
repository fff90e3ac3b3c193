/**
 * `npm run bench`: runs every bench/*.bench.ts (each exports `run(): Promise<BenchResult[]>`),
 * prints one table and writes bench/results.json. Timings live here, never in tests.
 */
import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { BenchResult } from './result';

async function main() {
  const only = process.argv.slice(2);
  const files = readdirSync(__dirname)
    .filter((f) => f.endsWith('.bench.ts'))
    .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
    .sort();
  const results: BenchResult[] = [];
  for (const f of files) {
    const mod = (await import(path.join(__dirname, f))) as { run: () => Promise<BenchResult[]> };
    process.stderr.write(`bench: ${f}\n`);
    results.push(...(await mod.run()));
  }
  const rows = results.map((r) => [r.name, fmt(r.value), r.unit, r.note ?? '']);
  const head = ['name', 'value', 'unit', 'note'];
  const w = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r: string[]) => r.map((c, i) => c.padEnd(w[i])).join('  ');
  console.log(line(head));
  console.log(w.map((n) => '-'.repeat(n)).join('  '));
  for (const r of rows) console.log(line(r));
  writeFileSync(path.join(__dirname, 'results.json'), JSON.stringify(results.map(({ name, value, unit }) => ({ name, value, unit })), null, 2) + '\n');
}

const fmt = (v: number) => (Number.isInteger(v) ? String(v) : v.toFixed(v < 10 ? 3 : 1));

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
