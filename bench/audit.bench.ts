/**
 * The cross-agency audit of one generated year on the local stack (DynamoDB Local + s3rver):
 * `audit_10000_s`, and the process's peak RSS while auditing 1,000 and 10,000 reports (flat: the
 * audit holds per-report summaries, not reports). Seeding goes through the store as ingest does.
 */
import { runAuditJob } from '../lambdas/audit/run-audit';
import type { Agency } from '../lambdas/core/audit';
import { claimReport, putRecordObject, saveReport } from '../lambdas/store';
import { putRegistry } from '../lambdas/store/audit';
import { startLocalStack, type LocalStack } from '../local/stack';
import { makeReportSpec } from '../scripts/generate/values';
import { report } from '../test/audit/fixtures';
import type { BenchResult } from './result';

const LEVELS = ['省', '市', '县'];
const STORES_AT_ONCE = 16;

async function seedYear(stack: LocalStack, year: number, n: number): Promise<Agency[]> {
  const registry: Agency[] = Array.from({ length: n }, (_, i) => ({
    name: `样本${year}市第${i}号局`,
    aliases: [],
    kind: 'department',
    region: '样本市',
    level: LEVELS[i % LEVELS.length],
    parent: null,
    deadline: null,
  }));
  await putRegistry(registry);
  for (let i = 0; i < n; i += STORES_AT_ONCE) {
    await Promise.all(
      registry.slice(i, i + STORES_AT_ONCE).map(async (agency, j) => {
        const values = makeReportSpec({ format: '2021', seed: year * 100_000 + i + j, agency: agency.name, year }).values;
        const r = report(agency.name, year, values, `${year + 1}-01-20`);
        const claim = {
          id: r.id,
          sha256: r.input.sha256,
          bytes: 1,
          kind: r.input.kind,
          source: { bucket: stack.bucket, key: `incoming/${r.id}` },
          uploadedAt: new Date().toISOString(),
        };
        const claimed = await claimReport(claim);
        if (claimed.outcome !== 'claimed') throw new Error(`${r.id}: ${claimed.outcome}`);
        const recordKey = await putRecordObject(stack.bucket, r);
        await saveReport({ claim, id: claimed.id, claimedAt: claimed.claimedAt, attempt: claimed.attempt, report: r, recordKey });
      }),
    );
  }
  return registry;
}

/** Runs `fn` while sampling RSS every 25 ms; returns seconds and the peak in MB. */
async function measured(fn: () => Promise<unknown>): Promise<{ s: number; peakMb: number }> {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 25);
  const t0 = performance.now();
  try {
    await fn();
  } finally {
    clearInterval(timer);
  }
  peak = Math.max(peak, process.memoryUsage.rss());
  return { s: (performance.now() - t0) / 1000, peakMb: peak / 2 ** 20 };
}

export async function run(): Promise<BenchResult[]> {
  process.env.POWERTOOLS_LOG_LEVEL ??= 'WARN';
  const stack = await startLocalStack();
  try {
    const out: BenchResult[] = [];
    for (const [n, year] of [
      [1000, 2030],
      [10_000, 2040],
    ]) {
      const t0 = performance.now();
      await seedYear(stack, year, n);
      process.stderr.write(`  audit bench: ${n} reports seeded in ${((performance.now() - t0) / 1000).toFixed(0)} s\n`);
      const { s, peakMb } = await measured(() => runAuditJob({ bucket: stack.bucket, year, today: `${year + 1}-06-01` }));
      if (n === 10_000) out.push({ name: 'audit_10000_s', value: s, unit: 's', note: 'goal ≤ 20 s; local stack, records read from s3rver' });
      out.push({ name: `audit_${n}_peak_rss_mb`, value: peakMb, unit: 'MB', note: `peak RSS while auditing ${n} reports (${s.toFixed(1)} s)` });
    }
    return out;
  } finally {
    await stack.stop();
  }
}
