import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { db } from './client';
import { retryUntilDone } from './retry';

export type WriteRequest = { PutRequest: { Item: Record<string, unknown> } } | { DeleteRequest: { Key: Record<string, unknown> } };

/** BatchWrite in chunks of 25, resending what DynamoDB returns unprocessed, with capped backoff (then StoreBusy). */
export async function batchWrite(requests: WriteRequest[]): Promise<void> {
  const { doc, table } = db();
  for (let i = 0; i < requests.length; i += 25) {
    let pending: WriteRequest[] = requests.slice(i, i + 25);
    await retryUntilDone('BatchWriteItem', async () => {
      const res = await doc.send(new BatchWriteCommand({ RequestItems: { [table]: pending } }));
      pending = (res.UnprocessedItems?.[table] as WriteRequest[] | undefined) ?? [];
      return pending.length === 0;
    });
  }
}
