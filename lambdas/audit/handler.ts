import type { Context, S3Event } from 'aws-lambda';
import { decodeKey } from '../ingest/s3-event';
import { importRegistry, REGISTRY_PREFIX } from './registry';
import { auditBucket } from './s3';
import { instrumented, telemetry } from '../telemetry';

const t = telemetry('ogi-audit');
const { logger } = t;

/**
 * A registry upload (S3 ObjectCreated under `registry/`) is parsed and stored; a bad file is
 * refused with its line named and the stored registry kept. The audit itself is the state machine
 * (lib/audit.ts): begin-run, read-shard, reduce and run-status are its steps.
 */
export function handler(event: S3Event, context?: Context): Promise<{ registry: number }> {
  return instrumented(t, context, async () => {
    const bucket = auditBucket();
    const keys = event.Records.map((r) => decodeKey(r.s3.object.key)).filter((k) => k.startsWith(REGISTRY_PREFIX));
    let count = 0;
    try {
      for (const key of keys) count = (await importRegistry(bucket, key)).length;
    } catch (err) {
      // Logged with the event, then rethrown for Lambda's async retries and then the on-failure destination.
      logger.error('registry import failed', { keys, error: err as Error });
      throw err;
    }
    logger.info('registry stored', { keys, agencies: count });
    return { registry: count };
  });
}
