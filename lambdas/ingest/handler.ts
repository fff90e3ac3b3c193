import { Logger } from '@aws-lambda-powertools/logger';
import type { S3Event } from 'aws-lambda';
import { ingestUpload, type IngestOptions, type IngestResult } from './ingest-upload';
import { uploadsOf } from './s3-event';

const logger = new Logger({ serviceName: 'ogi-ingest' });

/**
 * S3 ObjectCreated (under `incoming/`) → one stored report per upload. Only fetches, calls the
 * core parser and stores; one structured log line per report (id, status, timings). Errors
 * escape after being logged, for Lambda's async retry and then the dead-letter queue.
 */
export function createHandler(opts: IngestOptions = {}) {
  return async (event: S3Event): Promise<IngestResult[]> => {
    const results: IngestResult[] = [];
    for (const upload of uploadsOf(event)) {
      try {
        const result = await ingestUpload(upload, opts);
        logger.info('report', { ...result });
        results.push(result);
      } catch (err) {
        logger.error('report failed', { key: upload.source.key, bucket: upload.source.bucket, error: err as Error });
        throw err;
      }
    }
    return results;
  };
}

export const handler = createHandler();
