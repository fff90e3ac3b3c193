import type { Context } from 'aws-lambda';
import { SUMMARY_VERSION } from '../core/audit';
import { summariesOfShard, type IndexedSummary } from '../store/summaries';
import { instrumented, telemetry } from '../telemetry';
import { auditBucket, writeText } from './s3';
import { encodeSummaries, summaryFileKey } from './summary-file';

const t = telemetry('ogi-audit');

/** One map item, with the run it belongs to. */
export interface ShardItem {
  runId: string;
  /** The year the run audits (the file goes under its folder). */
  auditYear: number;
  /** The year of the shard read: the audited one or the year before. */
  year: number;
  shard: number;
}

/** What a child hands the reduce: where its partial result is and what it holds. */
export interface ShardPart {
  year: number;
  shard: number;
  key: string;
  reports: number;
  /** Summaries older than SUMMARY_VERSION. */
  stale: number;
}

/**
 * A map child: one shard of a year's summary index, read page by page (the index alone: no record,
 * no S3 read), written as one JSON Lines object under the run's folder. Run again (a retry, a
 * redrive), it writes the same object again.
 */
export function handler(item: ShardItem, context?: Context): Promise<ShardPart> {
  return instrumented(t, context, async () => {
    const rows: IndexedSummary[] = [];
    for await (const page of summariesOfShard(item.year, item.shard)) rows.push(...page);
    const { part, body } = shardFile(item, rows);
    await writeText(auditBucket(), part.key, body, 'application/x-ndjson; charset=utf-8');
    return part;
  });
}

/** A shard's summaries as the child's partial file and what it tells the reduce. */
export function shardFile(item: ShardItem, rows: readonly IndexedSummary[]): { part: ShardPart; body: string } {
  const key = summaryFileKey(item.auditYear, item.runId, item.year, item.shard);
  const stale = rows.filter((r) => r.summary.version < SUMMARY_VERSION).length;
  return { part: { year: item.year, shard: item.shard, key, reports: rows.length, stale }, body: encodeSummaries(rows) };
}
