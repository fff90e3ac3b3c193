import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { batchGet } from './batch-get';
import { db } from './client';
import { keys } from './keys';

/**
 * Officers' reviews of findings, one item per finding fingerprint (`REVIEW#<finding.id>`), apart
 * from the finding items: a re-parse rewrites a report's findings, and the same fingerprint then
 * finds its review again. Each decision is appended to `history`, the latest is on top.
 */
export interface Review {
  /** `open`: an earlier decision taken back (core/findings/counts.ts counts the finding as open again). */
  status: 'confirmed' | 'dismissed' | 'open';
  note: string;
  /** Who decided: the IAM principal, or the local user. */
  by: string;
  at: string;
}

export interface ReviewItem extends Review {
  findingId: string;
  reportId: string;
  history: Review[];
}

/** An older decision moved out of the review item: same partition, one item each, in decision order. */
const pastKey = (findingId: string, at: string, n: number) => ({ pk: `REVIEW#${findingId}`, sk: `HISTORY#${at}#${String(n).padStart(6, '0')}` });

/**
 * Decisions kept inline on the review item, the latest last; older ones move to HISTORY# items of
 * the same partition, so the item stays far under DynamoDB's 400 KB whatever the number of reviews.
 */
export const INLINE_HISTORY = 20;

export async function putReview(findingId: string, reportId: string, review: Review): Promise<ReviewItem> {
  const { doc, table } = db();
  const res = await doc.send(
    new UpdateCommand({
      TableName: table,
      Key: keys.review(findingId),
      UpdateExpression:
        'SET findingId = :f, reportId = :r, #status = :s, note = :n, #by = :b, #at = :at, history = list_append(if_not_exists(history, :empty), :entry)',
      ExpressionAttributeNames: { '#status': 'status', '#by': 'by', '#at': 'at' },
      ExpressionAttributeValues: {
        ':f': findingId,
        ':r': reportId,
        ':s': review.status,
        ':n': review.note,
        ':b': review.by,
        ':at': review.at,
        ':empty': [],
        ':entry': [review],
      },
      ReturnValues: 'ALL_NEW',
    }),
  );
  const item = strip(res.Attributes!);
  const excess = item.history.length - INLINE_HISTORY;
  if (excess > 0) await moveOut(findingId, item.history.slice(0, excess), item.history.length);
  return { ...item, history: item.history.slice(Math.max(0, excess)) };
}

/** Writes the oldest decisions as items of their own, then drops them from the list if it is still as long as it was read. */
async function moveOut(findingId: string, oldest: Review[], length: number): Promise<void> {
  const { doc, table } = db();
  // UpdateItem creates each one: the API's role may only update review items (lib/api.ts).
  for (const [i, r] of oldest.entries())
    await doc.send(
      new UpdateCommand({
        TableName: table,
        Key: pastKey(findingId, r.at, i),
        UpdateExpression: 'SET #status = :s, note = :n, #by = :b, #at = :at',
        ExpressionAttributeNames: { '#status': 'status', '#by': 'by', '#at': 'at' },
        ExpressionAttributeValues: { ':s': r.status, ':n': r.note, ':b': r.by, ':at': r.at },
      }),
    );
  await doc
    .send(
      new UpdateCommand({
        TableName: table,
        Key: keys.review(findingId),
        UpdateExpression: `REMOVE ${oldest.map((_, i) => `history[${i}]`).join(', ')}`,
        ConditionExpression: 'size(history) = :n',
        ExpressionAttributeValues: { ':n': length },
      }),
    )
    // A concurrent review changed the list: the next review moves the overflow out.
    .catch((err) => {
      if (err?.name !== 'ConditionalCheckFailedException') throw err;
    });
}

/** Reviews of the given fingerprints (missing ones are unreviewed). */
export async function getReviews(findingIds: string[]): Promise<Map<string, ReviewItem>> {
  const items = await batchGet([...new Set(findingIds)].map(keys.review));
  return new Map(items.map((item) => [item.findingId as string, strip(item)]));
}

function strip(item: Record<string, unknown>): ReviewItem {
  const { pk: _pk, sk: _sk, ...rest } = item;
  return rest as unknown as ReviewItem;
}
