import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { db } from '../../lambdas/store/client';
import { getReviews, INLINE_HISTORY, putReview } from '../../lambdas/store/reviews';
import { startLocalStack, type LocalStack } from '../../local/stack';

/** The 199th review of one finding with a 2,000-character note used to push the item past 400 KB. */
let stack: LocalStack;
beforeAll(async () => {
  stack = await startLocalStack({ handler: async () => undefined });
});
afterAll(() => stack?.stop());

it('keeps the latest decisions inline and the rest as items of their own, so the 250th review still stores', async () => {
  const note = '审'.repeat(2000);
  for (let i = 0; i < 250; i++)
    await putReview('f~1', 'r', {
      status: i % 2 ? 'confirmed' : 'dismissed',
      note: `${i}:${note}`,
      by: 'officer',
      at: `2025-01-01T00:00:${String(i).padStart(3, '0')}Z`,
    });
  const item = (await db().doc.send(new GetCommand({ TableName: db().table, Key: { pk: 'REVIEW#f~1', sk: 'REVIEW' } }))).Item!;
  expect(Buffer.byteLength(JSON.stringify(item))).toBeLessThan(400 * 1024);
  const review = (await getReviews(['f~1'])).get('f~1')!;
  expect(review.note.startsWith('249:')).toBe(true);
  expect(review.history).toHaveLength(INLINE_HISTORY);
  expect(review.history[INLINE_HISTORY - 1].note.startsWith('249:')).toBe(true);
  let past = 0;
  let start: Record<string, unknown> | undefined;
  do {
    const page = await db().doc.send(
      new QueryCommand({
        TableName: db().table,
        KeyConditionExpression: 'pk = :p AND begins_with(sk, :h)',
        ExpressionAttributeValues: { ':p': 'REVIEW#f~1', ':h': 'HISTORY#' },
        Select: 'COUNT',
        ExclusiveStartKey: start,
      }),
    );
    past += page.Count ?? 0;
    start = page.LastEvaluatedKey;
  } while (start);
  expect(past + review.history.length).toBe(250);
});
