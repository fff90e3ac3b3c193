import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { db } from './client';

export type WriteRequest = { PutRequest: { Item: Record<string, unknown> } } | { DeleteRequest: { Key: Record<string, unknown> } };

/** BatchWrite in chunks of 25, resending what DynamoDB returns unprocessed (with backoff). */
export async function batchWrite(requests: WriteRequest[]): Promise<void> {
  const { doc, table } = db();
  for (let i = 0; i < requests.length; i += 25) {
    let pending: WriteRequest[] | undefined = requests.slice(i, i + 25);
    for (let attempt = 0; pending?.length; attempt++) {
      if (attempt > 0) await new Promise((r) => setTimeout(r, Math.min(1000, 50 * 2 ** attempt)));
      const res = await doc.send(new BatchWriteCommand({ RequestItems: { [table]: pending } }));
      pending = res.UnprocessedItems?.[table] as WriteRequest[] | undefined;
    }
  }
}
