import { setTimeout as sleep } from 'node:timers/promises';
import type { SourceState } from '../store';
import { reconcile, type ReconcileOptions } from './reconcile';

export interface RecoverOptions extends Omit<ReconcileOptions, 'graceMs' | 'now' | 'announce'> {
  /** How long to keep going: leases to end, re-announced uploads to be processed (default 10 min). */
  waitMs?: number;
  /** The pause between passes (default 2 s). */
  pollMs?: number;
}

export interface RecoverOutcome {
  objects: number;
  final: number;
  passes: number;
  /** Keys announced again, over all passes. */
  redriven: string[];
  /** Keys still without a final status when it ended: their attempts used up, or the wait over. */
  notFinal: string[];
  /** Of those, the ones whose attempts are used up (they stay `failed`). */
  givenUp: string[];
}

/**
 * After an outage, one command: announces again every upload without a final status, waits out
 * the claims interrupted attempts left (until the lease stored with each ends) and the uploads it
 * announced, and goes over the bucket again until every upload under `incoming/` has a final status,
 * only used-up ones are left, or the wait is over. An upload it announced is announced again only
 * once an attempt has taken it up and ended (its attempt count moved): never while its event waits,
 * which would meet its own claim. In AWS the scheduled reconciler does the same every 10 minutes.
 */
export async function recover(opts: RecoverOptions): Promise<RecoverOutcome> {
  const deadline = Date.now() + (opts.waitMs ?? 10 * 60_000);
  const pollMs = opts.pollMs ?? 2_000;
  /** Each key announced, with the attempt count it had then. */
  const announced = new Map<string, number>();
  const attemptsOf = (s: SourceState | undefined) => s?.attempts ?? 0;
  const announce = (key: string, state: SourceState | undefined) => !announced.has(key) || attemptsOf(state) > announced.get(key)!;
  for (let passes = 1; ; passes++) {
    const states = new Map<string, SourceState | undefined>();
    const out = await reconcile({ ...opts, graceMs: 0, announce: (key, state) => (states.set(key, state), announce(key, state)) });
    for (const key of out.redriven) announced.set(key, attemptsOf(states.get(key)));
    if (out.notFinal.length === out.givenUp.length || Date.now() >= deadline)
      return { objects: out.objects, final: out.final, passes, redriven: [...announced.keys()], notFinal: out.notFinal, givenUp: out.givenUp };
    const leaseEnds = out.inFlight.map((f) => f.leaseUntil - Date.now() + 100);
    await sleep(Math.max(100, Math.min(pollMs, deadline - Date.now(), ...leaseEnds)));
  }
}
