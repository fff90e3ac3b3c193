import { BatchGetCommand, type BatchGetCommandOutput } from '@aws-sdk/lib-dynamodb';
import { db } from './client';
import type { ItemKey } from './keys';
import { retryUntilDone } from './retry';

/** The items of the given keys (absent ones are left out), 100 keys per BatchGet, resending what DynamoDB returns unprocessed. */
export async function batchGet(itemKeys: ItemKey[]): Promise<Record<string, unknown>[]> {
  const { doc, table } = db();
  const out: Record<string, unknown>[] = [];
  for (let i = 0; i < itemKeys.length; i += 100) {
    let pending: Record<string, unknown>[] = itemKeys.slice(i, i + 100);
    await retryUntilDone('BatchGetItem', async () => {
      const res: BatchGetCommandOutput = await doc.send(new BatchGetCommand({ RequestItems: { [table]: { Keys: pending } } }));
      out.push(...(res.Responses?.[table] ?? []));
      pending = res.UnprocessedKeys?.[table]?.Keys ?? [];
      return pending.length === 0;
    });
  }
  return out;
}
