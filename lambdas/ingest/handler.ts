import type { Context, S3Event } from 'aws-lambda';
import { countOutcome, INGEST_METRICS, instrumented, MetricUnit, telemetry } from '../telemetry';
import { ingestUpload, type IngestOptions, type IngestResult } from './ingest-upload';
import { uploadsOf } from './s3-event';

const t = telemetry('ogi-ingest');
const { logger, metrics } = t;

/**
 * S3 ObjectCreated (under `incoming/`) → one stored report per upload. Only fetches, calls the
 * core parser and stores; one structured log line per report (id, status, timings), a metric per
 * outcome and findings by severity (lib/monitoring.ts alarms on them), one X-Ray subsegment per
 * invocation. Errors escape after being logged, for Lambda's async retry and then the dead-letter queue.
 */
export function createHandler(opts: IngestOptions = {}) {
  return (event: S3Event, context?: Context): Promise<IngestResult[]> =>
    instrumented(t, context, async () => {
      const results: IngestResult[] = [];
      for (const upload of uploadsOf(event)) {
        try {
          const result = await ingestUpload(upload, opts);
          logger.info('report', { ...result });
          countOutcome(metrics, result);
          results.push(result);
        } catch (err) {
          metrics.addMetric(INGEST_METRICS.failed, MetricUnit.Count, 1);
          logger.error('report failed', { key: upload.source.key, bucket: upload.source.bucket, error: err as Error });
          throw err;
        }
      }
      return results;
    });
}

export const handler = createHandler();
