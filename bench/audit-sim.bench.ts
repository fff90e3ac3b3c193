/**
 * A country-wide year (1,000,000 reports, and 1,000,000 the year before) through the audit's map and
 * reduce code in this process, with no table: what each step of the state machine would take at
 * Step Functions' concurrency. Each of the 32 children is the same size, so the map step takes as
 * long as one child: one child per year runs the child's whole path on its shard (the items as
 * DynamoDB returns them, unmarshalled by the SDK's own code, read as the store reads them, encoded
 * as the child writes its file); the other files are written straight from the generated summaries.
 * The reduce then runs on all 32 files (read line by line from disk, as from S3) with the
 * 1,000,000-agency registry. DynamoDB page round trips, S3 transfers and the findings' writes (the
 * last step, a function of its own) are modelled (figures in the notes), not measured: there is no
 * table here.
 */
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { createReadStream, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { shardFile, type ShardItem, type ShardPart } from '../lambdas/audit/read-shard';
import { auditParts } from '../lambdas/audit/reduce';
import { YEAR_SHARDS } from '../lambdas/store/keys';
import { indexedSummary, summaryItem } from '../lambdas/store/summaries';
import { registry, summaries } from './audit-data';
import type { BenchResult } from './result';

const N = 1_000_000;
const YEAR = 2060;
const OUT = path.join(__dirname, 'out', 'audit-sim');
/** A Query returns at most 1 MB; one such page's round trip, as DynamoDB answers a large query. */
const PAGE_MS = 30;
/** One PutObject or GetObject stream's rate. */
const S3_MB_PER_S = 80;
/** The reduce streams this many partial files at once (lambdas/audit/reduce.ts). */
const READS_AT_ONCE = 8;
/** One partition's write rate (AUDIT#<year> holds every audit finding of the year). */
const PARTITION_WCU_PER_S = 1000;

const lines = (file: string) => createInterface({ input: createReadStream(file), crlfDelay: Infinity });

export async function run(): Promise<BenchResult[]> {
  rmSync(OUT, { recursive: true, force: true });
  const per = N / YEAR_SHARDS;
  const parts: ShardPart[] = [];
  const child: { ms: number; itemBytes: number; fileBytes: number }[] = [];
  const t0 = performance.now();
  for (const year of [YEAR, YEAR - 1])
    for (let shard = 0; shard < YEAR_SHARDS; shard++) {
      const item: ShardItem = { runId: 'sim', auditYear: YEAR, year, shard };
      const rows = [...summaries(year, YEAR, shard * per, (shard + 1) * per)];
      let result: ReturnType<typeof shardFile>;
      if (shard === 0) {
        // The child's whole path on its shard: the items as the index returns them, then its file.
        const wire = rows.map(({ fields, summary }) =>
          marshall({ ...fields, agency: fields.agencyText, status: 'parsed', current: true, ...summaryItem(summary) }),
        );
        const itemBytes = wire.reduce((n, w) => n + JSON.stringify(w).length, 0);
        const c0 = performance.now();
        result = shardFile(
          item,
          wire.map((w) => indexedSummary(unmarshall(w))),
        );
        child.push({ ms: performance.now() - c0, itemBytes, fileBytes: Buffer.byteLength(result.body) });
      } else result = shardFile(item, rows);
      const file = path.join(OUT, result.part.key);
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, result.body);
      parts.push(result.part);
    }
  process.stderr.write(`  audit sim: ${2 * N} summaries in 32 partial files in ${((performance.now() - t0) / 1000).toFixed(0)} s\n`);

  const reg = registry(N);
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 50);
  const r0 = performance.now();
  const { run: audited } = await auditParts({ runId: 'sim', year: YEAR, today: `${YEAR + 1}-06-01`, startedAt: new Date().toISOString(), parts }, reg, (key) =>
    lines(path.join(OUT, key)),
  );
  const reduceS = (performance.now() - r0) / 1000;
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage.rss());
  rmSync(OUT, { recursive: true, force: true });

  const childS = Math.max(...child.map((c) => c.ms)) / 1000;
  const pages = Math.ceil(Math.max(...child.map((c) => c.itemBytes)) / 2 ** 20);
  const fileMb = Math.max(...child.map((c) => c.fileBytes)) / 2 ** 20;
  const mapS = childS + (pages * PAGE_MS) / 1000 + fileMb / S3_MB_PER_S;
  const readS = (2 * YEAR_SHARDS * fileMb) / (READS_AT_ONCE * S3_MB_PER_S);
  const findings = audited.counts.findings;
  // An audit finding is ~1–2 KB: 2 write units, plus its two index entries, all on the year's partition at most.
  const storeS = (findings * 2) / PARTITION_WCU_PER_S;
  // The registry is read from one partition, ~200 bytes an agency.
  const registryS = (Math.ceil((N * 200) / 2 ** 20) * PAGE_MS) / 1000;
  const reduceStepS = registryS + readS + reduceS;
  return [
    { name: 'audit_1000000_map_child_s', value: childS, unit: 's', note: `one child's CPU on its ${per} summaries (unmarshal, read, encode), measured` },
    {
      name: 'audit_1000000_map_s',
      value: mapS,
      unit: 's',
      note: `the map step, 32 children at once: one child + ${pages} Query pages × ${PAGE_MS} ms + its ${fileMb.toFixed(0)} MB file at ${S3_MB_PER_S} MB/s`,
    },
    {
      name: 'audit_1000000_reduce_s',
      value: reduceS,
      unit: 's',
      note: `the reduce on ${2 * N} summaries and ${N} registered agencies, measured (files from disk)`,
    },
    { name: 'audit_1000000_reduce_peak_rss_mb', value: peak / 2 ** 20, unit: 'MB', note: 'peak RSS of the reduce, garbage included (its function has 10 GB)' },
    { name: 'audit_1000000_findings', value: findings, unit: 'findings', note: 'what the generated country gives (X5 rates mostly)' },
    {
      name: 'audit_1000000_store_step_s',
      value: storeS,
      unit: 's',
      note: `Store findings, of its 900 s: ${findings} findings at ${PARTITION_WCU_PER_S} WCU/s, the year's one partition (8 batches in flight are not the limit)`,
    },
    {
      name: 'audit_1000000_reduce_step_s',
      value: reduceStepS,
      unit: 's',
      note: `the reduce function's whole time, of its 900 s: registry ${registryS.toFixed(0)} s + 32 files at ${READS_AT_ONCE}×${S3_MB_PER_S} MB/s ${readS.toFixed(0)} s + reduce`,
    },
    { name: 'audit_1000000_total_s', value: mapS + reduceStepS + storeS, unit: 's', note: 'the run: map + reduce + store steps (Begin run is under a second)' },
  ];
}
