import { Duration, Validations } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import type { TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import path from 'node:path';
import { RECORDS_PREFIX } from '../lambdas/store/record-object';
import { acknowledgeFunction, projectFunction } from './lambda-defaults';
import { logicalId } from './nag';

export interface RedecideProps {
  bucket: IBucket;
  table: TableV2;
}

/**
 * The re-decision after an officer's value review, apart from the API so the API writes only
 * reviews: the API stores the review and invokes this function asynchronously; it re-resolves the
 * reviewed agency-year and its neighbours and stores the revised records. Lambda retries twice,
 * then the event waits in the failure queue (alarmed); the stored review is never lost, and the next
 * upload of the agency's neighbouring years applies it too.
 */
export class Redecide extends Construct {
  readonly fn: NodejsFunction;
  readonly failures: Queue;
  readonly failureAlarm: Alarm;

  constructor(scope: Construct, id: string, props: RedecideProps) {
    super(scope, id);
    const { bucket, table } = props;

    this.fn = projectFunction(this, 'Function', {
      entry: path.join(__dirname, '..', 'lambdas', 'redecide', 'handler.ts'),
      handler: 'handler',
      description: 'Applies an officer’s value review: re-decides the agency-year and its neighbours, re-runs the rules, stores the revisions',
      memorySize: 512,
      timeout: Duration.minutes(1),
      environment: { OGI_TABLE: table.tableName, OGI_BUCKET: bucket.bucketName, POWERTOOLS_SERVICE_NAME: 'ogi-redecide' },
    });
    this.failures = new Queue(this, 'Failures', { encryption: QueueEncryption.SQS_MANAGED, enforceSSL: true, retentionPeriod: Duration.days(14) });
    this.fn.configureAsyncInvoke({ onFailure: new SqsDestination(this.failures), retryAttempts: 2 });
    this.failureAlarm = new Alarm(this, 'FailuresAlarm', {
      alarmDescription:
        'A value review could not be applied after retries; the event is in the re-decision failure queue (invoke the function with its body again).',
      metric: this.failures.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5), statistic: 'Maximum' }),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });

    // Reads and revises reports, findings, kin and reviews; reads and rewrites parsed records.
    table.grantReadWriteData(this.fn);
    this.fn.addToRolePolicy(new PolicyStatement({ actions: ['s3:GetObject', 's3:PutObject'], resources: [bucket.arnForObjects(`${RECORDS_PREFIX}*`)] }));

    Validations.of(this.failures).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason: 'This queue is itself the on-failure destination of the re-decision function; its events are inspected and re-invoked by hand.',
    });
    acknowledgeFunction(
      this.fn,
      {
        id: `AwsSolutions-IAM5[Resource::<${logicalId(bucket)}.Arn>/${RECORDS_PREFIX}*]`,
        reason: 'Reads and rewrites the parsed-record JSON of any report it revises.',
      },
      {
        id: `AwsSolutions-IAM5[Resource::<${logicalId(table)}.Arn>/index/*]`,
        reason: 'Queries the table’s own GSIs (an agency’s reports); the wildcard covers only this table’s indexes.',
      },
    );
  }
}
