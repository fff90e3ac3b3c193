/**
 * Issue 27's process bound: the hostile corpus (scripts/hostile/corpus.ts: every bomb spelling,
 * damaged fonts, HTML at and over the cap, damaged PDFs) through the local stack, four uploads at
 * once (the handler's concurrency 4), with the peak RSS of the whole process (stack, handlers and
 * parse workers) and the slowest upload. Every file must end parsed or rejected.
 */
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { closeParseWorkers } from '../lambdas/core/record/parse-isolated';
import { getReportByContent } from '../lambdas/store';
import { startLocalStack } from '../local/stack';
import { hostileCorpus } from '../scripts/hostile/corpus';
import type { BenchResult } from './result';

const AT_ONCE = 4;
const MB = 1024 * 1024;

/** The process's RSS high-water mark (Linux), worker threads included. */
const highWater = () => Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1] ?? 0) * 1024;

export async function run(): Promise<BenchResult[]> {
  process.env.POWERTOOLS_LOG_LEVEL = 'ERROR';
  const files = await hostileCorpus();
  const stack = await startLocalStack({ concurrency: AT_ONCE, retryDelaysMs: [100, 300] });
  let peak = process.memoryUsage.rss();
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 20);
  const base = peak;
  const seconds: number[] = [];
  const statuses = new Map<string, number>();
  try {
    let next = 0;
    const client = async () => {
      for (let i = next++; i < files.length; i = next++) {
        const t = performance.now();
        await stack.upload(`incoming/hostile/${files[i].name}`, files[i].bytes);
        seconds.push((performance.now() - t) / 1000);
        const r = await getReportByContent(createHash('sha256').update(files[i].bytes).digest('hex'));
        statuses.set(r?.status ?? 'missing', (statuses.get(r?.status ?? 'missing') ?? 0) + 1);
      }
    };
    await Promise.all(Array.from({ length: AT_ONCE }, client));
  } finally {
    clearInterval(sampler);
    await stack.stop();
    await closeParseWorkers();
  }
  const notFinal = [...statuses].filter(([s]) => s !== 'parsed' && s !== 'rejected');
  if (notFinal.length > 0 || stack.invoker.deadLetters.length > 0)
    throw new Error(`hostile corpus: ${JSON.stringify(Object.fromEntries(statuses))}, ${stack.invoker.deadLetters.length} dead letters`);
  peak = Math.max(peak, highWater());
  const counts = [...statuses].map(([s, n]) => `${n} ${s}`).join(', ');
  return [
    {
      name: 'hostile_peak_rss_mb',
      value: Math.round(peak / MB),
      unit: 'MB',
      note: `peak RSS of the stack's process over ${files.length} hostile files, ${AT_ONCE} at a time (${counts}; ${Math.round(base / MB)} MB before the first); goal ≤ 1024`,
    },
    { name: 'hostile_max_s', value: Math.max(...seconds), unit: 's', note: 'the slowest hostile upload, PutObject to its record stored (4 at once)' },
  ];
}
