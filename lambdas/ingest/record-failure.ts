import { markFailed } from '../store';

/** Pauses between tries, about 16 s in all: rides out a short DynamoDB outage, well within the function's 2 min timeout. */
const RETRY_DELAYS_MS = [250, 500, 1000, 2000, 4000, 8000];

/**
 * Marks the claimed report `failed` with the error that escaped. The error is often the table
 * being unreachable, so the mark is tried again for a few seconds: a report left `received`
 * would make every retry of its event give up (IngestInProgress) until the claim's lease
 * expires. A lost claim (another attempt took over) is not retried. Never throws, so the
 * caller rethrows the original error, not the mark's; if the table stays down the lease
 * still lets a later delivery take the report over.
 */
export async function recordFailure(id: string, claimedAt: string, error: unknown): Promise<void> {
  for (const delay of [...RETRY_DELAYS_MS, undefined]) {
    try {
      await markFailed(id, claimedAt, error);
      return;
    } catch (err) {
      if ((err as Error)?.name === 'ConditionalCheckFailedException' || delay === undefined) return;
      await new Promise((r) => setTimeout(r, delay));
    }
  }
}
