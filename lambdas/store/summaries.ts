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
 * The attributes that put a report in the summary index (gsi4, sparse): its summary and the index
 * keys; none for a report the audit does not read.
 */
export function summaryAttributes(id: string, report: Report): Record<string, unknown> {
  const summary = summaryOf(report);
  return summary ? summaryIndexAttributes(id, report.year!, summary) : {};
}

/** A summary's attributes and index keys on the item of report `id` of `year` (a bulk load writes these too). */
export function summaryIndexAttributes(id: string, year: number, summary: StoredSummary): Record<string, unknown> {
  return { [schema.bySummary.pk]: keys.summaryShard(year, shardOf(id)), [schema.bySummary.sk]: id, ...summaryItem(summary) };
}

/**
 * The summary as item attributes: `summary`, one JSON string (~1.6 KB, the signature's 512 bytes as
 * base64), and `summaryVersion`, which a reprocess reads. One attribute, not a map of forty: an
 * index item is then read and unmarshalled in one piece, the bulk of the audit's reading.
 */
export function summaryItem({ version, ...s }: StoredSummary): { summary: string; summaryVersion: number } {
  const narrativeSignature = s.narrativeSignature ? Buffer.from(signatureBytes(s.narrativeSignature)).toString('base64') : null;
  return { summary: JSON.stringify({ ...s, narrativeSignature }), summaryVersion: version };
}

function fromSummaryItem(json: string, version: number): StoredSummary {
  const s = JSON.parse(json) as Omit<StoredSummary, 'version' | 'narrativeSignature'> & { narrativeSignature: string | null };
  return { version, ...s, narrativeSignature: s.narrativeSignature ? signatureFromBytes(Buffer.from(s.narrativeSignature, 'base64')) : null };
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
    yield (res.Items ?? []).map(indexedSummary);
    start = res.LastEvaluatedKey;
  } while (start);
}

/** An item of the summary index (as the document client gives it) as a summary with its fields. */
export function indexedSummary(i: Record<string, unknown>): IndexedSummary {
  return {
    fields: {
      id: i.id as string,
      year: i.year as number,
      agencyText: (i.agency as string) ?? null,
      format: i.format as IndexedSummary['fields']['format'],
      publishedAt: (i.publishedAt as string) ?? null,
    },
    summary: fromSummaryItem(i.summary as string, (i.summaryVersion as number) ?? 0),
  };
}
