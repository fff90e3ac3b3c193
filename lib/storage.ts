import { Aspects, CfnResource, Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import { AttributeType, Billing, ProjectionType, TableEncryptionV2, TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { Construct, type IConstruct } from 'constructs';
import { INDEXES, schema } from '../lambdas/store/keys';
import { functionLogs } from './lambda-defaults';

/** Where each access log goes in the access-log bucket. */
export const ACCESS_LOG_PREFIXES = { reports: 'reports-bucket/', page: 'page-bucket/', cloudFront: 'page-cloudfront/' } as const;

/**
 * The uploads bucket (originals under `incoming/`, parsed record JSON under `records/`), its
 * access-log bucket (which the page's bucket and CloudFront log to as well), and the single
 * DynamoDB table with its four indexes (README.md, "DynamoDB design"), keys from lambdas/store/keys.ts.
 */
export class Storage extends Construct {
  readonly bucket: Bucket;
  readonly accessLogs: Bucket;
  readonly table: TableV2;

  constructor(scope: Construct, id: string) {
    super(scope, id);

    this.accessLogs = new Bucket(this, 'AccessLogs', {
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      // CloudFront's standard logs are delivered with an ACL.
      objectOwnership: ObjectOwnership.BUCKET_OWNER_PREFERRED,
      enforceSSL: true,
      lifecycleRules: [{ expiration: Duration.days(365) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(this.accessLogs).acknowledge({ id: 'AwsSolutions-S1', reason: 'The access-log bucket itself: logging its own access would loop.' });

    // CDK's bucket-notification helper, on a role of our own (CDK would add AWSLambdaBasicExecutionRole to one it may change).
    const notifications = functionLogs(this, 'Notifications');
    this.bucket = new Bucket(this, 'Reports', {
      // Versioned: an original is never lost, even when the same key is uploaded again.
      versioned: true,
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      lifecycleRules: [{ noncurrentVersionExpiration: Duration.days(365), abortIncompleteMultipartUploadAfter: Duration.days(7) }],
      removalPolicy: RemovalPolicy.RETAIN,
      serverAccessLogsBucket: this.accessLogs,
      serverAccessLogsPrefix: ACCESS_LOG_PREFIXES.reports,
      notificationsHandlerRole: notifications.role.withoutPolicyUpdates(),
    });
    notifications.role.addToPolicy(new PolicyStatement({ actions: ['s3:PutBucketNotification'], resources: [this.bucket.bucketArn] }));
    // The helper is created with the first notification, as a stack-level function CDK writes out raw: it logs to our group.
    Aspects.of(Stack.of(this)).add({
      visit(node: IConstruct) {
        if (
          node instanceof CfnResource &&
          node.cfnResourceType === 'AWS::Lambda::Function' &&
          node.node.scope?.node.id.startsWith('BucketNotificationsHandler')
        )
          node.addPropertyOverride('LoggingConfig', { LogGroup: notifications.logGroup.logGroupName });
      },
    });

    this.table = new TableV2(this, 'Table', {
      partitionKey: { name: schema.pk, type: AttributeType.STRING },
      sortKey: { name: schema.sk, type: AttributeType.STRING },
      billing: Billing.onDemand(),
      encryption: TableEncryptionV2.awsManagedKey(),
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      globalSecondaryIndexes: INDEXES.map((i) => ({
        indexName: i.name,
        partitionKey: { name: i.pk, type: AttributeType.STRING },
        sortKey: { name: i.sk, type: AttributeType.STRING },
        ...('projected' in i ? { projectionType: ProjectionType.INCLUDE, nonKeyAttributes: [...i.projected] } : {}),
      })),
      removalPolicy: RemovalPolicy.RETAIN,
      // A stack update or a console slip cannot drop the records.
      deletionProtection: true,
    });
  }
}
