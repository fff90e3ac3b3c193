import type { Context } from 'aws-lambda';
import { YEAR_SHARDS } from '../store/keys';
import { startAuditRun } from '../store/audit';
import { instrumented, telemetry } from '../telemetry';
import { ensureRegistryStored } from './registry';
import { runRequest } from './run-request';
import { auditBucket } from './s3';

const t = telemetry('ogi-audit');

/** The first state's input: the execution's own input, name and start (from the context object). */
export interface BeginInput {
  input: unknown;
  runId: string;
  startedAt: string;
}

/** One map item: a shard of one of the two years read. */
export interface ShardRef {
  year: number;
  shard: number;
}

export interface RunPlan {
  runId: string;
  year: number;
  today: string;
  startedAt: string;
  /** Every shard of the audited year and the year before: the map's items. */
  shards: ShardRef[];
}

/**
 * The run's first step: which year, judged on which date; the registry imported from the bucket if
 * none is stored yet; the run recorded as `running` (a redriven run keeps its item); the shards to read.
 */
export function handler(event: BeginInput, context?: Context): Promise<RunPlan> {
  return instrumented(t, context, async () => {
    const { year, today } = runRequest(event.input, event.startedAt);
    await ensureRegistryStored(auditBucket());
    await startAuditRun({ id: event.runId, year, startedAt: event.startedAt, today });
    const shards = [year, year - 1].flatMap((y) => Array.from({ length: YEAR_SHARDS }, (_, shard) => ({ year: y, shard })));
    t.logger.info('audit run started', { runId: event.runId, year, today });
    return { runId: event.runId, year, today, startedAt: event.startedAt, shards };
  });
}
