import { noFindings } from '../core/findings/counts';
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { db } from './client';
import { IngestInProgress } from './errors';
import type { S3Source } from './items';
import { keys, schema, shardOf } from './keys';

/** What is known about an upload before it is parsed. */
export interface Claim {
  /** Record id for new content; a duplicate resolves to the id first given to the same bytes. */
  id: string;
  sha256: string;
  bytes: number;
  source: S3Source;
  uploadedAt: string;
}

export type ClaimResult = { outcome: 'claimed'; id: string; claimedAt: string; attempt: number } | { outcome: 'duplicate'; id: string; status: string };

/**
 * How long a `received` claim blocks other attempts: longer than the ingest function's timeout
 * (2 min, lib/ingest.ts), so a live attempt is never overtaken, and shorter than the time to
 * Lambda's first async retry after a timeout (~1 min later), so a crashed attempt is taken over
 * by a retry instead of ending in the dead-letter queue.
 */
export const DEFAULT_LEASE_MS = 2.5 * 60_000;

/**
 * Idempotency on content: one transaction creates both the content item (`CONTENT#sha256`) and
 * the report in status `received`, each only if absent, and links the object to the report
 * (`SOURCE#…`, also on every later claim of the same bytes). When the content is known already:
 * a finished report (`parsed`/`rejected`) → duplicate; `failed` or an expired claim → claimed
 * again (same id); a fresh claim → IngestInProgress (retry later).
 */
export async function claimReport(c: Claim, leaseMs = DEFAULT_LEASE_MS): Promise<ClaimResult> {
  const { doc, table } = db();
  const claimedAt = new Date().toISOString();
  try {
    await doc.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: table,
              Item: { ...keys.content(c.sha256), reportId: c.id, sha256: c.sha256, firstSeenAt: claimedAt },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          {
            Put: {
              TableName: table,
              Item: receivedItem(c, claimedAt),
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          { Put: { TableName: table, Item: sourceItem(c.source, c.id) } },
        ],
      }),
    );
    return { outcome: 'claimed', id: c.id, claimedAt, attempt: 1 };
  } catch (err) {
    if (!(err instanceof TransactionCanceledException)) throw err;
  }
  return reclaim(c, claimedAt, leaseMs);
}

async function reclaim(c: Claim, claimedAt: string, leaseMs: number): Promise<ClaimResult> {
  const { doc, table } = db();
  // A cancelled transaction may also be a conflict with a concurrent claim not yet committed:
  // then the content item is absent and the other attempt owns the upload.
  const content = (await doc.send(new GetCommand({ TableName: table, Key: keys.content(c.sha256), ConsistentRead: true }))).Item;
  if (!content) throw new IngestInProgress(c.id);
  const id = content.reportId as string;
  await doc.send(new PutCommand({ TableName: table, Item: sourceItem(c.source, id) }));
  const existing = (await doc.send(new GetCommand({ TableName: table, Key: keys.report(id), ConsistentRead: true }))).Item;
  if (!existing) throw new IngestInProgress(id);
  const status = existing.status as string;
  const expired = status === 'received' && Date.parse(existing.claimedAt as string) + leaseMs < Date.parse(claimedAt);
  if (status === 'parsed' || status === 'rejected') return { outcome: 'duplicate', id, status };
  if (status !== 'failed' && !expired) throw new IngestInProgress(id);
  const attempt = ((existing.attempts as number) ?? 1) + 1;
  await doc
    .send(
      new UpdateCommand({
        TableName: table,
        Key: keys.report(id),
        UpdateExpression: 'SET #status = :received, claimedAt = :now, attempts = :attempt, receivedAt = :now',
        // Only one of several concurrent re-claimers wins; the others see a fresh claim next time.
        ConditionExpression: 'claimedAt = :seen',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':received': 'received', ':now': claimedAt, ':attempt': attempt, ':seen': existing.claimedAt },
      }),
    )
    .catch((err) => {
      throw err?.name === 'ConditionalCheckFailedException' ? new IngestInProgress(id) : err;
    });
  return { outcome: 'claimed', id, claimedAt, attempt };
}

/** The object → report link the reconciler looks up (rewritten as it is on a redelivered event). */
function sourceItem(source: S3Source, reportId: string): Record<string, unknown> {
  return { ...keys.source(source.bucket, source.key), bucket: source.bucket, key: source.key, reportId };
}

function receivedItem(c: Claim, claimedAt: string): Record<string, unknown> {
  return {
    ...keys.report(c.id),
    // Unplaced until parsed: listed under year `none`, so nothing received is invisible.
    [schema.byYear.pk]: keys.yearShard(null, shardOf(c.id)),
    [schema.byYear.sk]: keys.yearSort(null, c.uploadedAt, c.id),
    id: c.id,
    status: 'received',
    reason: null,
    agency: null,
    year: null,
    format: 'unknown',
    publishedAt: null,
    sha256: c.sha256,
    bytes: c.bytes,
    source: c.source,
    uploadedAt: c.uploadedAt,
    receivedAt: claimedAt,
    claimedAt,
    attempts: 1,
    current: false,
    tables: [],
    values: {},
    derived: {},
    findingCounts: noFindings(),
  };
}
