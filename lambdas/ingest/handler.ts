import type { S3Event } from 'aws-lambda';
import { SEVERITIES } from '../core/findings/counts';
import { findingsMetric, INGEST_METRICS, instrumented, MetricUnit, telemetry } from '../telemetry';
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
  return (event: S3Event): Promise<IngestResult[]> =>
    instrumented(t, async () => {
      const results: IngestResult[] = [];
      for (const upload of uploadsOf(event)) {
        try {
          const result = await ingestUpload(upload, opts);
          logger.info('report', { ...result });
          count(result);
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

function count(r: IngestResult): void {
  if (r.duplicate) {
    metrics.addMetric(INGEST_METRICS.duplicate, MetricUnit.Count, 1);
    return;
  }
  if (r.status === 'parsed' || r.status === 'rejected' || r.status === 'failed') metrics.addMetric(INGEST_METRICS[r.status], MetricUnit.Count, 1);
  // Assessable findings by severity (core/findings/counts.ts); checks that could not be made are no finding to alarm on.
  if (r.findingCounts) for (const severity of SEVERITIES) metrics.addMetric(findingsMetric(severity), MetricUnit.Count, r.findingCounts[severity]);
}

export const handler = createHandler();
