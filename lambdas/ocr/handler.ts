import type { Context } from 'aws-lambda';
import path from 'node:path';
import { storeReport } from '../ingest/ingest-upload';
import { readObject } from '../ingest/read-object';
import { recordFailure } from '../ingest/record-failure';
import type { OcrEvent } from '../ingest/request-ocr';
import type { IngestResult } from '../ingest/ingest-upload';
import { countOutcome, INGEST_METRICS, instrumented, MetricUnit, OCR_METRICS, telemetry } from '../telemetry';
import { parseScanIsolated } from './ocr-isolated';

const t = telemetry('ogi-ocr');
const { logger, metrics } = t;

export interface OcrOptions {
  /** The scan parser (default: OCR in a child process of its own, `parseScanIsolated`). */
  parse?: typeof parseScanIsolated;
}

/**
 * A scan handed on by ingest (status `ocr`) → read by OCR → stored under ingest's claim, like any parsed upload.
 * Only fetches, calls the core and stores; one log line and the outcome's metrics per scan (as ingest counts a report),
 * with the pages read, the figures held back and the seconds a page. An error marks the report `failed` and escapes, for Lambda's two
 * async retries and then the OCR dead-letter queue; a retry claims nothing anew (the claim travels in the event).
 */
export function createHandler(opts: OcrOptions = {}) {
  return (event: OcrEvent, context?: Context): Promise<IngestResult> =>
    instrumented(t, context, async () => {
      const { claim, id, claimedAt, attempt } = event;
      try {
        const t0 = performance.now();
        const object = await readObject(claim.source, Number(process.env.MAX_REPORT_BYTES) || 50 * 1024 * 1024);
        const readMs = performance.now() - t0;
        if (!object.bytes) throw new Error('The scan is over the size cap: ingest should have refused it');
        const t1 = performance.now();
        const report = await (opts.parse ?? parseScanIsolated)({ id, name: path.posix.basename(claim.source.key), bytes: object.bytes });
        const parseMs = performance.now() - t1;
        const result = await storeReport({ claim, id, claimedAt, attempt, report, readMs, parseMs });
        const pages = report.input.pages ?? 0;
        const uncertain = report.findings.filter((f) => f.rule === 'P-OCR-UNCERTAIN').length;
        logger.info('scan', { ...result, pages, uncertain });
        countOutcome(metrics, result);
        if (!result.duplicate && pages > 0) {
          metrics.addMetric(OCR_METRICS.pages, MetricUnit.Count, pages);
          metrics.addMetric(OCR_METRICS.uncertain, MetricUnit.Count, uncertain);
          metrics.addMetric(OCR_METRICS.secondsPerPage, MetricUnit.Seconds, parseMs / 1000 / pages);
        }
        return result;
      } catch (err) {
        metrics.addMetric(INGEST_METRICS.failed, MetricUnit.Count, 1);
        logger.error('scan failed', { id, key: claim.source.key, error: err as Error });
        await recordFailure(id, claimedAt, err);
        throw err;
      }
    });
}

export const handler = createHandler();
