import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import { AttributeType, Billing, ProjectionType, TableEncryptionV2, TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { INDEXES, schema } from '../lambdas/store/keys';

/**
 * The uploads bucket (originals under `incoming/`, parsed record JSON under `records/`) and the
 * single DynamoDB table with its four indexes (README.md, "DynamoDB design"), keys from lambdas/store/keys.ts.
 */
export class Storage extends Construct {
  readonly bucket: Bucket;
  readonly table: TableV2;

  constructor(scope: Construct, id: string) {
    super(scope, id);

    this.bucket = new Bucket(this, 'Reports', {
      // Versioned: an original is never lost, even when the same key is uploaded again.
      versioned: true,
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      lifecycleRules: [{ noncurrentVersionExpiration: Duration.days(365), abortIncompleteMultipartUploadAfter: Duration.days(7) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(this.bucket).acknowledge({
      id: 'AwsSolutions-S1',
      reason: 'Object-level access is recorded by CloudTrail data events for the account; a separate access-log bucket would only duplicate it.',
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
