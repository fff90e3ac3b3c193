import { Duration } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import type { TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Schedule } from 'aws-cdk-lib/aws-events';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { FilterPattern, MetricFilter } from 'aws-cdk-lib/aws-logs';
import type { Bucket } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import path from 'node:path';
import { INCOMING_PREFIX } from '../lambdas/ingest/s3-event';
import { acknowledgeFunction, projectFunction } from './lambda-defaults';
import { logicalId } from './nag';
import { ScheduledInvocation } from './schedule';

const RUN_EVERY_MINUTES = 10;

export interface ReconcileProps {
  bucket: Bucket;
  table: TableV2;
}

/**
 * Nothing lost across outages: every 10 minutes a function compares the originals under
 * `incoming/` with the records and re-announces the uploads without a final status (the object
 * copied onto itself raises a new event for the ingest function). `staleAlarm` fires when an upload
 * stays non-final for over 15 minutes or no run reports; it has no action here, so the monitoring
 * construct can wire it (with the schedule's dead-letter alarm and the function's errors).
 */
export class Reconcile extends Construct {
  readonly fn: NodejsFunction;
  readonly schedule: ScheduledInvocation;
  readonly staleAlarm: Alarm;

  constructor(scope: Construct, id: string, props: ReconcileProps) {
    super(scope, id);
    const { bucket, table } = props;
    this.fn = projectFunction(this, 'Function', {
      entry: path.join(__dirname, '..', 'lambdas', 'reconcile', 'handler.ts'),
      handler: 'handler',
      description: 'Re-announces uploads under incoming/ that have no final record',
      timeout: Duration.minutes(10),
      memorySize: 1024,
      reservedConcurrentExecutions: 1,
      environment: { OGI_TABLE: table.tableName, OGI_BUCKET: bucket.bucketName, POWERTOOLS_SERVICE_NAME: 'ogi-reconcile' },
    });
    this.schedule = new ScheduledInvocation(this, 'Schedule', {
      fn: this.fn,
      schedule: Schedule.rate(Duration.minutes(RUN_EVERY_MINUTES)),
      description: 'Re-drives uploads left without a final record',
    });
    this.fn.addToRolePolicy(
      new PolicyStatement({
        actions: ['s3:ListBucket'],
        resources: [bucket.bucketArn],
        conditions: { StringLike: { 's3:prefix': [`${INCOMING_PREFIX}*`] } },
      }),
    );
    // Copying an object onto itself reads and writes it.
    this.fn.addToRolePolicy(new PolicyStatement({ actions: ['s3:GetObject', 's3:PutObject'], resources: [bucket.arnForObjects(`${INCOMING_PREFIX}*`)] }));
    table.grantReadData(this.fn);

    const metric = new MetricFilter(this, 'StaleReports', {
      logGroup: this.fn.logGroup,
      metricNamespace: 'ogi',
      metricName: 'StaleReports',
      filterPattern: FilterPattern.exists('$.staleReports'),
      metricValue: '$.staleReports',
      defaultValue: 0,
      // Two runs per period: a run a few seconds late never leaves a period empty.
    }).metric({ statistic: 'Maximum', period: Duration.minutes(2 * RUN_EVERY_MINUTES) });
    this.staleAlarm = new Alarm(this, 'StaleAlarm', {
      alarmDescription:
        'An upload has had no final status (parsed or rejected) for over 15 minutes, or the reconciler has stopped reporting (no run, or every run failed); see the reconcile function’s log.',
      metric,
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      // Every run logs staleReports: no data means no run finished, which is no reassurance.
      treatMissingData: TreatMissingData.BREACHING,
    });

    acknowledgeFunction(
      this.fn,
      {
        id: `AwsSolutions-IAM5[Resource::<${logicalId(bucket)}.Arn>/${INCOMING_PREFIX}*]`,
        reason: 'Re-drives any upload: the objects under incoming/ are named by uploaders.',
      },
      {
        id: `AwsSolutions-IAM5[Resource::<${logicalId(table)}.Arn>/index/*]`,
        reason: 'Read access granted by grantReadData covers the table’s own indexes only.',
      },
    );
  }
}
