import type { TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { INCOMING_PREFIX } from '../lambdas/ingest/s3-event';
import { RECORDS_PREFIX } from '../lambdas/store/record-object';
import { acknowledgeFunction } from './lambda-defaults';
import { logicalId } from './nag';

/**
 * What a function that reads uploads into records may do, least privilege and prefix-scoped: read originals (any
 * version) under incoming/, write parsed records under records/, read and write the table; nothing else. `reads` says
 * which uploads it reads, for cdk-nag's acknowledgement of the prefix wildcard.
 */
export function grantReportIo(fn: NodejsFunction, bucket: IBucket, table: TableV2, reads: string): void {
  fn.addToRolePolicy(new PolicyStatement({ actions: ['s3:GetObject', 's3:GetObjectVersion'], resources: [bucket.arnForObjects(`${INCOMING_PREFIX}*`)] }));
  fn.addToRolePolicy(new PolicyStatement({ actions: ['s3:PutObject'], resources: [bucket.arnForObjects(`${RECORDS_PREFIX}*`)] }));
  table.grantReadWriteData(fn);
  acknowledgeFunction(
    fn,
    { id: `AwsSolutions-IAM5[Resource::<${logicalId(bucket)}.Arn>/${INCOMING_PREFIX}*]`, reason: reads },
    {
      id: `AwsSolutions-IAM5[Resource::<${logicalId(bucket)}.Arn>/${RECORDS_PREFIX}*]`,
      reason: 'Writes one parsed-record JSON per report under records/, named by the record id.',
    },
    {
      id: `AwsSolutions-IAM5[Resource::<${logicalId(table)}.Arn>/index/*]`,
      reason: "Queries the table's own GSIs (slot history, superseded findings); the wildcard covers only this table's indexes.",
    },
  );
}
