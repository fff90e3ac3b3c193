import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { summaryOf, type SummaryFields } from '../core/audit/summarise';
import type { StoredSummary } from '../core/audit/types';
import { signatureBytes, signatureFromBytes } from '../core/audit/similarity';
import type { Report } from '../core/types';
import { db } from './client';
import { keys, schema, shardOf } from './keys';

/** A parsed report as the summary index holds it: the fields a summary is completed with, and the summary. */
export interface IndexedSummary {
  fields: SummaryFields;
  summary: StoredSummary;
}

/**
 * The attributes that put a report in the summary index (gsi4, sparse): its summary (the signature as
 * 512 bytes of binary) and the index keys; none for a report the audit does not read.
 */
export function summaryAttributes(id: string, report: Report): Record<string, unknown> {
  const summary = summaryOf(report);
  if (!summary) return {};
  return {
    [schema.bySummary.pk]: keys.summaryShard(report.year!, shardOf(id)),
    [schema.bySummary.sk]: id,
    ...summaryItem(summary),
  };
}

/** The summary as item attributes: `summary` (the signature as binary) and `summaryVersion`, which a reprocess reads. */
export function summaryItem({ version, ...s }: StoredSummary): { summary: Record<string, unknown>; summaryVersion: number } {
  return { summary: { ...s, narrativeSignature: s.narrativeSignature ? signatureBytes(s.narrativeSignature) : null }, summaryVersion: version };
}

function fromSummaryItem(item: Record<string, unknown>, version: number): StoredSummary {
  const bytes = item.narrativeSignature as Uint8Array | null | undefined;
  return {
    version,
    figures: (item.figures ?? {}) as Record<string, number>,
    tableHash: (item.tableHash as string | null) ?? null,
    narrativeHash: (item.narrativeHash as string | null) ?? null,
    narrativeSignature: bytes ? signatureFromBytes(bytes) : null,
  };
}

/**
 * The current parsed reports of one shard of a year with their summaries, a page (≤ 1 MB, DynamoDB's
 * page) at a time, from the summary index alone: no record is read.
 */
export async function* summariesOfShard(year: number, shard: number): AsyncGenerator<IndexedSummary[]> {
  const { doc, table } = db();
  let start: Record<string, unknown> | undefined;
  do {
    const res = await doc.send(
      new QueryCommand({
        TableName: table,
        IndexName: schema.bySummary.name,
        KeyConditionExpression: `${schema.bySummary.pk} = :p`,
        FilterExpression: '#current = :t AND #status = :parsed',
        ExpressionAttributeNames: { '#current': 'current', '#status': 'status' },
        ExpressionAttributeValues: { ':p': keys.summaryShard(year, shard), ':t': true, ':parsed': 'parsed' },
        ExclusiveStartKey: start,
      }),
    );
    yield (res.Items ?? []).map((i) => ({
      fields: { id: i.id, year: i.year, agencyText: i.agency ?? null, format: i.format, publishedAt: i.publishedAt ?? null },
      summary: fromSummaryItem(i.summary as Record<string, unknown>, (i.summaryVersion as number) ?? 0),
    }));
    start = res.LastEvaluatedKey;
  } while (start);
}
