/**
 * The audit state machine's states (lib/audit.ts builds them; the local runner binds each Task to its
 * handler by these names) and what the map reads: every shard of the audited year and the year before.
 */
export const AUDIT_STATES = {
  begin: 'Begin run',
  shards: 'Read shards',
  shard: 'Read shard',
  reduce: 'Audit',
  store: 'Store findings',
} as const;

/** Parallel children of the map: one per shard of both years, all at once. */
export const SHARD_CONCURRENCY = 32;

/** The longest a run may hold the year's lock while it stores its findings: that function's 15 minutes and a margin. */
export const AUDIT_LOCK_MS = 20 * 60_000;
