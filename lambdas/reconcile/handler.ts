import type { Context } from 'aws-lambda';
import { instrumented, telemetry } from '../telemetry';
import { reconcile } from './reconcile';

const t = telemetry('ogi-reconcile');
const { logger } = t;

/**
 * Scheduled (lib/reconcile.ts): re-announces uploads without a final record and logs `staleReports`,
 * the count of uploads not final 15 minutes after upload, which a metric filter turns into the alarm.
 */
export function handler(_event?: unknown, context?: Context): Promise<{ redriven: number; stale: number }> {
  return instrumented(t, context, async () => {
    const outcome = await reconcile({ bucket: process.env.OGI_BUCKET! });
    logger.info('reconciled', { objects: outcome.objects, final: outcome.final, redriven: outcome.redriven.length, staleReports: outcome.stale.length });
    if (outcome.stale.length > 0) logger.warn('uploads not final after 15 minutes', { keys: outcome.stale.slice(0, 50) });
    return { redriven: outcome.redriven.length, stale: outcome.stale.length };
  });
}
