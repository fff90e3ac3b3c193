import type { Context, S3Event, ScheduledEvent } from 'aws-lambda';
import { decodeKey } from '../ingest/s3-event';
import { importRegistry, REGISTRY_PREFIX } from './registry';
import { runAuditJob, type AuditOutcome } from './run-audit';
import { auditBucket } from './s3';
import { findingsMetric, instrumented, MetricUnit, telemetry } from '../telemetry';

const t = telemetry('ogi-audit');
const { logger, metrics } = t;

/** An on-demand run: `{ "year": 2024 }`; without a year, last year is audited. */
export interface AuditRequest {
  year?: number;
  today?: string;
}

export type AuditEvent = S3Event | ScheduledEvent | AuditRequest;

export type AuditHandlerResult = { registry: number } | AuditOutcome['run'];

/**
 * Two triggers, one function: a registry upload (S3 ObjectCreated under `registry/`) is parsed and
 * stored; the schedule (EventBridge, daily February–April) or an on-demand invocation audits a
 * reporting year, by default the year before the event's.
 */
export function handler(event: AuditEvent, context?: Context): Promise<AuditHandlerResult> {
  return instrumented(t, context, async () => {
    try {
      return await handle(event);
    } catch (err) {
      // Logged with the event, then rethrown for Lambda's async retries and then the on-failure destination.
      metrics.addMetric('AuditFailed', MetricUnit.Count, 1);
      logger.error('audit failed', { event, error: err as Error });
      throw err;
    }
  });
}

async function handle(event: AuditEvent): Promise<AuditHandlerResult> {
  const bucket = auditBucket();
  if ('Records' in event) {
    const keys = event.Records.map((r) => decodeKey(r.s3.object.key)).filter((k) => k.startsWith(REGISTRY_PREFIX));
    let count = 0;
    for (const key of keys) count = (await importRegistry(bucket, key)).length;
    logger.info('registry stored', { keys, agencies: count });
    return { registry: count };
  }
  const when = 'time' in event ? new Date(event.time) : new Date();
  const today = ('today' in event && event.today) || when.toISOString().slice(0, 10);
  const year = ('year' in event && event.year) || Number(today.slice(0, 4)) - 1;
  const { run } = await runAuditJob({ bucket, year, today });
  logger.info('audit run', { ...run });
  for (const severity of ['error', 'warning', 'info'] as const)
    metrics.addMetric(`Audit${findingsMetric(severity)}`, MetricUnit.Count, run.counts.bySeverity[severity] ?? 0);
  return run;
}
