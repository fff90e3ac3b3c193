import { StoreBusy } from './errors';

/** Attempts of one write before giving up: ~6 s of backoff in all, well inside the ingest function's 2 minutes. */
export const MAX_ATTEMPTS = 8;

/** Exponential backoff with full jitter (AWS's advice for contention): 0–50 ms, 0–100 ms, … capped at 2 s. */
export function backoffMs(attempt: number): number {
  return Math.random() * Math.min(2000, 50 * 2 ** attempt);
}

/**
 * Runs `step` until it reports done, at most MAX_ATTEMPTS times, sleeping with backoff between
 * attempts; then throws StoreBusy naming `what`, so the caller (Lambda's retry) tries later
 * instead of looping for ever.
 */
export async function retryUntilDone(what: string, step: (attempt: number) => Promise<boolean>): Promise<void> {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    if (attempt > 0) await new Promise((r) => setTimeout(r, backoffMs(attempt)));
    if (await step(attempt)) return;
  }
  throw new StoreBusy(what, MAX_ATTEMPTS);
}
