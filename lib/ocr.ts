import { Duration, Validations } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, Metric, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import type { TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import path from 'node:path';
import { INGEST_METRICS, METRICS_NAMESPACE } from '../lambdas/telemetry';
import { projectFunction } from './lambda-defaults';
import { ocrBundleHooks } from './ocr-bundle';
import { grantReportIo } from './report-io';

export interface OcrProps {
  bucket: IBucket;
  table: TableV2;
}

/** Memory of the OCR function: the OCR process's bound (1.5 GB, `parseScanIsolated`) plus the handler; more memory is more CPU. */
export const OCR_MEMORY_MB = 2048;
/** One scan's deadline inside the function is 10 min; the function's own is a little longer. */
export const OCR_TIMEOUT = Duration.minutes(12);
/** Scans read at once: each holds a vCPU-bound process for seconds a page; ingest keeps its own 20. */
export const OCR_CONCURRENCY = 4;

/**
 * The OCR function: ingest hands it each scan (an image-only PDF, a JPEG, PNG or TIFF) asynchronously, with the
 * upload's claim. Its own reserved concurrency and async queue keep a batch of scans from starving text uploads;
 * its own timeout, two retries, then its dead-letter queue (alarmed). A zip package, no container: onnxruntime's
 * linux-arm64 library (≈ 26 MB) and the PP-OCRv4 models (≈ 16 MB) are copied beside the bundle (lib/ocr-bundle.ts),
 * well under Lambda's 250 MB, and `cdk synth` needs no Docker.
 */
export class Ocr extends Construct {
  readonly fn: NodejsFunction;
  readonly deadLetterQueue: Queue;
  readonly alarms: Alarm[];

  constructor(scope: Construct, id: string, props: OcrProps) {
    super(scope, id);
    const { bucket, table } = props;
    this.deadLetterQueue = new Queue(this, 'DeadLetters', { encryption: QueueEncryption.SQS_MANAGED, enforceSSL: true, retentionPeriod: Duration.days(14) });
    Validations.of(this.deadLetterQueue).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason:
        'This queue is itself the dead-letter queue of the OCR function; its events are inspected and re-invoked by hand (or the reconciler re-drives the upload).',
    });

    this.fn = projectFunction(this, 'Function', {
      entry: path.join(__dirname, '..', 'lambdas', 'ocr', 'handler.ts'),
      handler: 'handler',
      description: 'Reads a scanned report by OCR into the same grids as a text PDF, stores the record',
      memorySize: OCR_MEMORY_MB,
      timeout: OCR_TIMEOUT,
      reservedConcurrentExecutions: OCR_CONCURRENCY,
      retryAttempts: 2,
      deadLetterQueue: this.deadLetterQueue,
      bundling: { commandHooks: ocrBundleHooks, externalModules: ['onnxruntime-node'] },
      environment: {
        OGI_TABLE: table.tableName,
        POWERTOOLS_SERVICE_NAME: 'ogi-ocr',
        MAX_REPORT_BYTES: String(50 * 1024 * 1024),
        OGI_OCR_MODELS: '/var/task/models',
      },
    });
    grantReportIo(this.fn, bucket, table, 'Reads the uploaded scan it was handed: the objects under incoming/ are named by uploaders.');

    const alarm = (name: string, description: string, metric: Metric, threshold = 1) =>
      new Alarm(this, name, {
        alarmDescription: description,
        metric,
        threshold,
        evaluationPeriods: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      });
    const period = Duration.minutes(5);
    // Its errors and throttles are alarmed with every project function's (lib/monitoring.ts).
    this.alarms = [
      alarm(
        'DeadLettersAlarm',
        'A scan could not be read after retries; see the OCR dead-letter queue.',
        this.deadLetterQueue.metricApproximateNumberOfMessagesVisible({ period, statistic: 'Maximum' }),
      ),
      // The one alarm not on a first occurrence: a scan near the timeout is read before the next one is cut off.
      alarm(
        'DurationAlarm',
        'A scan took over 10 minutes to read: near the function timeout.',
        this.fn.metricDuration({ period, statistic: 'Maximum' }),
        10 * 60_000,
      ),
      alarm(
        'FailedScansAlarm',
        'A scan ended `failed`: an unexpected error while reading or storing it (the record says which).',
        new Metric({ namespace: METRICS_NAMESPACE, metricName: INGEST_METRICS.failed, dimensionsMap: { service: 'ogi-ocr' }, statistic: 'Sum', period }),
      ),
    ];
  }
}
