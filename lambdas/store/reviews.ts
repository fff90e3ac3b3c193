import { BatchGetCommand, UpdateCommand, type BatchGetCommandOutput } from '@aws-sdk/lib-dynamodb';
import { db } from './client';
import { keys } from './keys';
import { retryUntilDone } from './retry';

/**
 * Officers' reviews of findings, one item per finding fingerprint (`REVIEW#<finding.id>`), apart
 * from the finding items: a re-parse rewrites a report's findings, and the same fingerprint then
 * finds its review again. Each decision is appended to `history`, the latest is on top.
 */
export interface Review {
  status: 'confirmed' | 'dismissed';
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
  return strip(res.Attributes!);
}

/** Reviews of the given fingerprints (missing ones are unreviewed), 100 keys per BatchGet. */
export async function getReviews(findingIds: string[]): Promise<Map<string, ReviewItem>> {
  const { doc, table } = db();
  const out = new Map<string, ReviewItem>();
  const ids = [...new Set(findingIds)];
  for (let i = 0; i < ids.length; i += 100) {
    let pending: Record<string, unknown>[] = ids.slice(i, i + 100).map(keys.review);
    await retryUntilDone('BatchGetItem', async () => {
      const res: BatchGetCommandOutput = await doc.send(new BatchGetCommand({ RequestItems: { [table]: { Keys: pending } } }));
      for (const item of res.Responses?.[table] ?? []) out.set(item.findingId as string, strip(item));
      pending = res.UnprocessedKeys?.[table]?.Keys ?? [];
      return pending.length === 0;
    });
  }
  return out;
}

function strip(item: Record<string, unknown>): ReviewItem {
  const { pk: _pk, sk: _sk, ...rest } = item;
  return rest as unknown as ReviewItem;
}
