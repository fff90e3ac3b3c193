import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { db } from './client';
import { retryUntilDone } from './retry';

export type WriteRequest = { PutRequest: { Item: Record<string, unknown> } } | { DeleteRequest: { Key: Record<string, unknown> } };

/**
 * BatchWrite in chunks of 25, `inFlight` chunks at once (default one after another), resending what
 * DynamoDB returns unprocessed, with capped backoff (then StoreBusy).
 */
export async function batchWrite(requests: WriteRequest[], inFlight = 1): Promise<void> {
  const { doc, table } = db();
  let next = 0;
  const worker = async () => {
    for (let i = next; i < requests.length; i = next) {
      next += 25;
      let pending: WriteRequest[] = requests.slice(i, i + 25);
      await retryUntilDone('BatchWriteItem', async () => {
        const res = await doc.send(new BatchWriteCommand({ RequestItems: { [table]: pending } }));
        pending = (res.UnprocessedItems?.[table] as WriteRequest[] | undefined) ?? [];
        return pending.length === 0;
      });
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(inFlight, Math.ceil(requests.length / 25))) }, worker));
}
