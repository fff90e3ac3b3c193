/**
 * The cross-agency audit on the local stack (DynamoDB Local + s3rver), the state machine's definition
 * on the local interpreter: `audit_10000_s` and `audit_100000_s` (that many reports in the audited
 * year, none the year before, as the earlier benches measured it), each with the process's peak RSS,
 * and `audit_10000_two_years_s` with as many reports the year before (the pair rules then compare
 * every agency). The summary index is loaded with the items the store keeps for the audit
 * (bench/audit-data.ts); the audit reads nothing else, and each note counts its S3 GETs (the run's
 * own files only: a record GET fails the bench).
 */
import { S3Client } from '@aws-sdk/client-s3';
import { AUDITS_PREFIX } from '../lambdas/audit/report-files';
import { putRegistry } from '../lambdas/store/audit';
import { batchWrite } from '../lambdas/store/batch-write';
import { keys } from '../lambdas/store/keys';
import { summaryIndexAttributes } from '../lambdas/store/summaries';
import { auditLocally } from '../local/audit-machine';
import { startLocalStack } from '../local/stack';
import { registry, summaries } from './audit-data';
import type { BenchResult } from './result';

const CHUNK = 2_000;

/** The reports of `years` (the audited one first), as report items in the summary index (current, parsed), written in parallel batches. */
async function seed(years: number[], n: number): Promise<void> {
  await putRegistry(registry(n));
  for (const y of years)
    for (let from = 0; from < n; from += CHUNK) {
      const items = [...summaries(y, years[0], from, Math.min(n, from + CHUNK))].map(({ fields, summary }) => ({
        ...keys.report(fields.id),
        ...summaryIndexAttributes(fields.id, y, summary),
        ...fields,
        agency: fields.agencyText,
        status: 'parsed',
        current: true,
      }));
      await batchWrite(
        items.map((Item) => ({ PutRequest: { Item } })),
        16,
      );
    }
}

/** Runs `fn` while sampling RSS every 25 ms; returns seconds and the peak in MB. */
async function measured<T>(fn: () => Promise<T>): Promise<{ s: number; peakMb: number; result: T }> {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 25);
  const t0 = performance.now();
  try {
    const result = await fn();
    peak = Math.max(peak, process.memoryUsage.rss());
    return { s: (performance.now() - t0) / 1000, peakMb: peak / 2 ** 20, result };
  } finally {
    clearInterval(timer);
  }
}

/** Counts every S3 GET the process makes, by key (the audit's handlers share the SDK's client class). */
function countGets(): { keys: string[] } {
  const seen = { keys: [] as string[] };
  const send = S3Client.prototype.send;
  S3Client.prototype.send = function (this: S3Client, command: { constructor: { name: string }; input: { Key?: string } }) {
    if (command.constructor.name === 'GetObjectCommand') seen.keys.push(command.input.Key!);
    return (send as (c: unknown) => Promise<unknown>).call(this, command);
  } as never;
  return seen;
}

export async function run(): Promise<BenchResult[]> {
  process.env.POWERTOOLS_LOG_LEVEL ??= 'WARN';
  const stack = await startLocalStack();
  const gets = countGets();
  try {
    const out: BenchResult[] = [];
    for (const [name, n, years] of [
      ['audit_10000', 10_000, [2040]],
      ['audit_10000_two_years', 10_000, [2045, 2044]],
      ['audit_100000', 100_000, [2050]],
    ] as const) {
      const [year] = years;
      const t0 = performance.now();
      await seed([...years], n);
      process.stderr.write(`  audit bench: ${n} reports × ${years.length} years seeded in ${((performance.now() - t0) / 1000).toFixed(0)} s\n`);
      gets.keys.length = 0;
      const { s, peakMb, result } = await measured(() => auditLocally({ year, today: `${year + 1}-06-01` }));
      const others = gets.keys.filter((k) => !k.startsWith(AUDITS_PREFIX));
      if (others.length) throw new Error(`the audit read ${others.length} objects besides its run's files, e.g. ${others[0]}`);
      const what = `${years.map((y) => `${n} reports of ${y}`).join(' and ')} from the summary index; ${result.counts.findings} findings stored; ${gets.keys.length} S3 GETs, all the run's own files`;
      out.push({ name: `${name}_s`, value: s, unit: 's', note: `${name === 'audit_10000' ? 'goal ≤ 10 s; ' : ''}${what}` });
      if (years.length === 1)
        out.push({
          name: `${name}_peak_rss_mb`,
          value: peakMb,
          unit: 'MB',
          note: `peak RSS of the process (s3rver in it; DynamoDB Local apart) auditing ${n}`,
        });
    }
    return out;
  } finally {
    await stack.stop();
  }
}
