import { Duration, Validations } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import type { TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { EventType, type Bucket } from 'aws-cdk-lib/aws-s3';
import { LambdaDestination } from 'aws-cdk-lib/aws-s3-notifications';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import path from 'node:path';
import { INCOMING_PREFIX } from '../lambdas/ingest/s3-event';
import { projectFunction } from './lambda-defaults';
import { parseWorkerHooks } from './parse-worker-bundle';
import { grantReportIo } from './report-io';

export interface IngestProps {
  bucket: Bucket;
  table: TableV2;
  /** The function scans are handed to (lib/ocr.ts), asynchronously. */
  ocrFn: IFunction;
}

/**
 * S3 ObjectCreated under `incoming/` → the ingest function → the table. Failed invocations are
 * retried twice by Lambda's async invocation, then kept in an SQS dead-letter queue with an alarm.
 */
export class Ingest extends Construct {
  readonly fn: NodejsFunction;
  readonly deadLetterQueue: Queue;
  readonly deadLetterAlarm: Alarm;

  constructor(scope: Construct, id: string, props: IngestProps) {
    super(scope, id);
    const { bucket, table } = props;

    this.deadLetterQueue = new Queue(this, 'DeadLetters', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    Validations.of(this.deadLetterQueue).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason: 'This queue is itself the dead-letter queue of the ingest function; its messages are inspected and redriven by hand.',
    });

    this.fn = projectFunction(this, 'Function', {
      entry: path.join(__dirname, '..', 'lambdas', 'ingest', 'handler.ts'),
      handler: 'handler',
      description: 'Parses and checks an uploaded annual report, stores the record',
      // Lambda's CPU share grows with memory and parsing a PDF is CPU-bound; 1 GB also holds a
      // report at the 50 MB cap with its decoded text (larger uploads are only hashed, streamed).
      memorySize: 1024,
      // Shorter than the store's claim lease (DEFAULT_LEASE_MS, 2.5 min), so a live attempt is never overtaken.
      timeout: Duration.minutes(2),
      // Caps the load one upload burst puts on the table and leaves the account's pool to the API.
      reservedConcurrentExecutions: 20,
      retryAttempts: 2,
      deadLetterQueue: this.deadLetterQueue,
      // The parse runs in a worker thread with its own bounds (parseIsolated): its file ships beside the handler.
      bundling: { commandHooks: parseWorkerHooks },
      environment: {
        OGI_TABLE: table.tableName,
        POWERTOOLS_SERVICE_NAME: 'ogi-ingest',
        MAX_REPORT_BYTES: String(50 * 1024 * 1024),
        OGI_OCR_FUNCTION: props.ocrFn.functionName,
      },
    });
    // The OCR function itself, not its versions or aliases (`grantInvoke` would add `:*`).
    this.fn.addToRolePolicy(new PolicyStatement({ actions: ['lambda:InvokeFunction'], resources: [props.ocrFn.functionArn] }));

    grantReportIo(this.fn, bucket, table, "Reads any uploaded original: the objects under incoming/ are the function's input, named by uploaders.");

    bucket.addEventNotification(EventType.OBJECT_CREATED, new LambdaDestination(this.fn), { prefix: INCOMING_PREFIX });

    this.deadLetterAlarm = new Alarm(this, 'DeadLettersAlarm', {
      alarmDescription: 'An upload could not be ingested after retries; see the ingest dead-letter queue.',
      metric: this.deadLetterQueue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5) }),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
  }
}
