import { Duration } from 'aws-cdk-lib';
import type { TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Schedule } from 'aws-cdk-lib/aws-events';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { EventType, type Bucket } from 'aws-cdk-lib/aws-s3';
import { LambdaDestination } from 'aws-cdk-lib/aws-s3-notifications';
import { Construct } from 'constructs';
import path from 'node:path';
import { REGISTRY_PREFIX } from '../lambdas/audit/registry';
import { AUDITS_PREFIX } from '../lambdas/audit/report-files';
import { RECORDS_PREFIX } from '../lambdas/store/record-object';
import { acknowledgeFunction, projectFunction } from './lambda-defaults';
import { logicalId } from './nag';
import { ScheduledInvocation } from './schedule';

export interface AuditProps {
  bucket: Bucket;
  table: TableV2;
  /**
   * When the audit runs; each run audits the year before the run's date.
   * @default daily at 02:00 UTC from February to April, the season of the reports' deadlines
   */
  schedule?: Schedule;
}

export const DEFAULT_AUDIT_SCHEDULE = Schedule.cron({ minute: '0', hour: '2', month: '2-4' });

/**
 * The cross-agency audit: one function, run by an EventBridge schedule (and on demand) to audit a
 * year, and by uploads under `registry/` to store the agency registry.
 */
export class Audit extends Construct {
  readonly fn: NodejsFunction;
  readonly schedule: ScheduledInvocation;

  constructor(scope: Construct, id: string, props: AuditProps) {
    super(scope, id);
    const { bucket, table } = props;

    this.fn = projectFunction(this, 'Function', {
      entry: path.join(__dirname, '..', 'lambdas', 'audit', 'handler.ts'),
      handler: 'handler',
      description: 'Audits a reporting year across agencies; stores the agency registry uploaded under registry/',
      // 1,769 MB is one full vCPU: the audit is CPU-bound once the records are read.
      memorySize: 1769,
      timeout: Duration.minutes(15),
      // One run at a time: a second would race the first when replacing the year's findings.
      reservedConcurrentExecutions: 1,
      environment: { OGI_TABLE: table.tableName, OGI_BUCKET: bucket.bucketName, POWERTOOLS_SERVICE_NAME: 'ogi-audit' },
    });

    this.schedule = new ScheduledInvocation(this, 'Schedule', {
      fn: this.fn,
      schedule: props.schedule ?? DEFAULT_AUDIT_SCHEDULE,
      description: 'Runs the cross-agency audit of last year’s reports',
    });
    bucket.addEventNotification(EventType.OBJECT_CREATED, new LambdaDestination(this.fn), { prefix: REGISTRY_PREFIX });

    // Reads parsed records and the registry, writes audit reports; the table for registry, runs and findings.
    this.fn.addToRolePolicy(
      new PolicyStatement({
        actions: ['s3:GetObject'],
        resources: [bucket.arnForObjects(`${RECORDS_PREFIX}*`), bucket.arnForObjects(`${REGISTRY_PREFIX}*`)],
      }),
    );
    this.fn.addToRolePolicy(new PolicyStatement({ actions: ['s3:PutObject'], resources: [bucket.arnForObjects(`${AUDITS_PREFIX}*`)] }));
    table.grantReadWriteData(this.fn);

    const b = logicalId(bucket);
    acknowledgeFunction(
      this.fn,
      {
        id: `AwsSolutions-IAM5[Resource::<${b}.Arn>/${RECORDS_PREFIX}*]`,
        reason: 'Reads every parsed record of the audited years: the records are the audit’s input.',
      },
      { id: `AwsSolutions-IAM5[Resource::<${b}.Arn>/${REGISTRY_PREFIX}*]`, reason: 'Reads the registry CSVs supervisors upload under registry/.' },
      {
        id: `AwsSolutions-IAM5[Resource::<${b}.Arn>/${AUDITS_PREFIX}*]`,
        reason: 'Writes one folder of report files per audit run under audits/<year>/<run>/.',
      },
      {
        id: `AwsSolutions-IAM5[Resource::<${logicalId(table)}.Arn>/index/*]`,
        reason: 'Queries the table’s own GSIs (a year’s reports, findings by rule); the wildcard covers only this table’s indexes.',
      },
    );
  }
}
