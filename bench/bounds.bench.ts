/**
 * The bounds of issue 19: the mojibake repair on the worst input (random bytes 0x80–0xFF, every
 * character suspect), in ms per MB of input through `decode`; and the time `parseIsolated` takes to
 * reject the text-operator PDF bomb (3.3 MB inflating to 1.1 GB), generated here with node:zlib.
 */
import iconv from 'iconv-lite';
import { randomBytes } from 'node:crypto';
import { decode } from '../lambdas/core/decode';
import { closeParseWorkers, parseIsolated } from '../lambdas/core/record/parse-isolated';
import { textOperatorBomb } from '../scripts/hostile/bombs';
import { median, type BenchResult } from './result';

const MB = 1024 * 1024;

function highBytes(size: number): Buffer {
  const b = randomBytes(size);
  for (let i = 0; i < b.length; i++) b[i] |= 0x80;
  return b;
}

/** CPU ms of `decode` on `size` MB of high bytes (the whole process: GC threads included). */
function decodeCpuMs(size: number): number {
  const bytes = highBytes(size * MB);
  const t = process.cpuUsage();
  decode(bytes, 'text');
  const { user, system } = process.cpuUsage(t);
  return (user + system) / 1000;
}

/**
 * The repair's cost per MB once its per-character tables are filled (steady state, what each further
 * MB costs), and the first MB's cost with them empty: a one-off per process of a few hundred ms, spent
 * as the first page meets each of GBK's ~21,000 characters.
 */
function repairCost(): { perMb: number; firstMb: number } {
  iconv.decode(Buffer.from([0xb0, 0xa1]), 'gb18030'); // warm the codec tables
  const firstMb = decodeCpuMs(1);
  const perMb = [1, 2, 8].map((size) => decodeCpuMs(size) / size);
  return { perMb: median(perMb), firstMb };
}

export async function run(): Promise<BenchResult[]> {
  const repair = repairCost();
  const bomb = await textOperatorBomb(1100);
  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    const r = await parseIsolated({ id: 'bomb', name: 'bomb.pdf', bytes: bomb });
    if (r.status !== 'rejected') throw new Error(`the bomb was ${r.status}`);
    times.push((performance.now() - t) / 1000);
  }
  await closeParseWorkers();
  return [
    {
      name: 'repair_ms_per_mb',
      value: repair.perMb,
      unit: 'ms/MB',
      note: 'CPU ms of decode() on random bytes 0x80–0xFF, 1/2/8 MB after the first, median; goal ≤ 200',
    },
    { name: 'repair_first_mb_ms', value: repair.firstMb, unit: 'ms', note: 'the first MB of such bytes in a process, its per-character tables still empty' },
    {
      name: 'bomb_reject_s',
      value: median(times),
      unit: 's',
      note: `text-operator PDF bomb, ${(bomb.length / MB).toFixed(1)} MB → 1.1 GB, through parseIsolated`,
    },
  ];
}
