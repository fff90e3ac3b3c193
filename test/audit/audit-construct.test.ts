import { App, Duration, Stack, type CfnResource } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { Schedule } from 'aws-cdk-lib/aws-events';
import type { IConstruct } from 'constructs';
import { readFileSync } from 'node:fs';
import { buildApp } from '../../bin/app';
import { Audit } from '../../lib/audit';
import { AUDIT_DEFINITION_FILE, localDefinition } from '../../lib/audit-definition';
import { Storage } from '../../lib/storage';

const noBundling = () => new App({ context: { 'aws:cdk:bundling-stacks': [] } });

// The whole app once, with cdk-nag: an unacknowledged finding on the audit's resources throws.
const { app, stack } = buildApp(noBundling());
let template: Template;
beforeAll(() => {
  expect(() => app.synth()).not.toThrow();
  template = Template.fromStack(stack);
});

const idOf = (c: IConstruct) => stack.getLogicalId(c.node.defaultChild as CfnResource);
const machineRef = () => ({ Ref: idOf(stack.audit.stateMachine) });

type Statement = { Action: string | string[]; Resource: unknown; Condition?: unknown };
type Policy = { Properties: { Roles: { Ref: string }[]; PolicyDocument: { Statement: Statement[] } } };
const statementsOfRole = (roleId: string) =>
  Object.values(template.findResources('AWS::IAM::Policy') as Record<string, Policy>)
    .filter((p) => p.Properties.Roles.some((r) => r.Ref === roleId))
    .flatMap((p) => p.Properties.PolicyDocument.Statement);
const actionsOf = (s: Statement) => [s.Action].flat();
const auditFunctions = () => {
  const { fn, beginFn, shardFn, reduceFn, storeFn, statusFn } = stack.audit;
  return { registry: fn, begin: beginFn, shard: shardFn, reduce: reduceFn, store: storeFn, status: statusFn };
};

interface Definition {
  StartAt: string;
  TimeoutSeconds: number;
  States: Record<string, Record<string, unknown> & { Type: string; Next?: string; End?: boolean }>;
}
const definition = () => localDefinition(template.toJSON() as never) as unknown as Definition;

describe('the audit state machine', () => {
  it('is begin run → a distributed map over the shards of both years (32 children) → the reduce → storing the findings', () => {
    const d = definition();
    expect(d.StartAt).toBe('Begin run');
    expect(d.States['Begin run']).toMatchObject({ Type: 'Task', Next: 'Read shards', Parameters: { 'runId.$': '$$.Execution.Name' } });
    expect(d.States['Read shards']).toMatchObject({
      Type: 'Map',
      Next: 'Audit',
      ItemsPath: '$.shards',
      MaxConcurrency: 32,
      ResultPath: '$.parts',
      ItemProcessor: { ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' }, StartAt: 'Read shard' },
    });
    // No failed child is tolerated: a run audits whole years or fails.
    expect(d.States['Read shards'].ToleratedFailurePercentage ?? 0).toBe(0);
    expect(d.States['Audit']).toMatchObject({ Type: 'Task', Next: 'Store findings', TimeoutSeconds: 900 });
    expect(d.States['Store findings']).toMatchObject({ Type: 'Task', End: true, TimeoutSeconds: 900 });
    // A run held up by another run's lock waits for it; any other failure is retried twice, then fails the run.
    const retried = (state: string) => (d.States[state].Retry as { ErrorEquals: string[] }[]).map((r) => r.ErrorEquals[0]);
    expect(retried('Store findings')).toEqual(expect.arrayContaining(['AuditInProgress', 'States.TaskFailed']));
    expect(retried('Audit')).toContain('States.TaskFailed');
    expect(d.TimeoutSeconds).toBe(3600);
    template.hasResourceProperties('AWS::StepFunctions::StateMachine', {
      StateMachineType: 'STANDARD',
      TracingConfiguration: { Enabled: true },
      LoggingConfiguration: Match.objectLike({ Level: 'ALL' }),
    });
  });

  it('is the definition the local runner reads (npm run audit-definition writes it)', () => {
    expect(JSON.parse(readFileSync(AUDIT_DEFINITION_FILE, 'utf8'))).toEqual(definition());
  });

  const deadLetter = () => ({ Arn: { 'Fn::GetAtt': [idOf(stack.audit.eventFailures), 'Arn'] } });

  it('is started by the schedule, daily at 02:00 UTC from February to April, retried, then dead-lettered', () => {
    template.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: 'cron(0 2 * 2-4 ? *)',
      State: 'ENABLED',
      Targets: [
        Match.objectLike({
          Arn: machineRef(),
          RoleArn: Match.anyValue(),
          RetryPolicy: { MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: 7200 },
          DeadLetterConfig: deadLetter(),
        }),
      ],
    });
  });

  it('lets the schedule start this state machine only, and the undelivered events reach their queue, which is alarmed', () => {
    const rule = template.toJSON().Resources[idOf(stack.audit.rule)] as { Properties: { Targets: { RoleArn: { 'Fn::GetAtt': [string, string] } }[] } };
    const statements = statementsOfRole(rule.Properties.Targets[0].RoleArn['Fn::GetAtt'][0]);
    expect(statements).toEqual([expect.objectContaining({ Action: 'states:StartExecution', Resource: machineRef() })]);
    // EventBridge may send to the queue (a queue policy for events.amazonaws.com from these rules), and the queue TLS only.
    const policies = Object.values(template.findResources('AWS::SQS::QueuePolicy')) as {
      Properties: { Queues: unknown[]; PolicyDocument: { Statement: Statement[] } };
    }[];
    const queuePolicy = policies.find((p) => JSON.stringify(p.Properties.Queues) === JSON.stringify([{ Ref: idOf(stack.audit.eventFailures) }]));
    const sends = queuePolicy!.Properties.PolicyDocument.Statement.filter((s) => actionsOf(s).includes('sqs:SendMessage'));
    expect(JSON.stringify(sends)).toContain('events.amazonaws.com');
    expect(JSON.stringify(sends)).toContain(idOf(stack.audit.rule));
    expect(JSON.stringify(sends)).toContain(idOf(stack.audit.stoppedRule));
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [idOf(stack.audit.eventFailures), 'QueueName'] } }],
      AlarmActions: [{ Ref: idOf(stack.monitoring.topic) }],
    });
  });

  it('records a run whose execution failed, timed out or was aborted, and alarms on each', () => {
    template.hasResourceProperties('AWS::Events::Rule', {
      EventPattern: {
        source: ['aws.states'],
        'detail-type': ['Step Functions Execution Status Change'],
        detail: { status: ['FAILED', 'TIMED_OUT', 'ABORTED'], stateMachineArn: [machineRef()] },
      },
      Targets: [Match.objectLike({ Arn: { 'Fn::GetAtt': [idOf(stack.audit.statusFn), 'Arn'] }, DeadLetterConfig: deadLetter() })],
    });
    for (const metric of ['ExecutionsFailed', 'ExecutionsTimedOut', 'ExecutionsAborted'])
      template.hasResourceProperties('AWS::CloudWatch::Alarm', {
        MetricName: metric,
        Namespace: 'AWS/States',
        Dimensions: [{ Name: 'StateMachineArn', Value: machineRef() }],
        AlarmActions: [{ Ref: idOf(stack.monitoring.topic) }],
      });
  });

  it('may invoke its four step functions and start (and redrive) its own map children, nothing else', () => {
    const role = (template.toJSON().Resources[idOf(stack.audit.stateMachine)] as { Properties: { RoleArn: { 'Fn::GetAtt': [string, string] } } }).Properties
      .RoleArn['Fn::GetAtt'][0];
    const statements = statementsOfRole(role);
    const invoked = statements.filter((s) => actionsOf(s).includes('lambda:InvokeFunction')).flatMap((s) => [s.Resource].flat());
    const { begin, shard, reduce, store } = auditFunctions();
    expect(new Set(invoked.map((r) => JSON.stringify(r).match(/"Fn::GetAtt":\["(\w+)"/)?.[1]))).toEqual(new Set([begin, shard, reduce, store].map(idOf)));
    const other = statements
      .flatMap(actionsOf)
      .filter((a) => !/^(lambda:InvokeFunction|states:(StartExecution|DescribeExecution|StopExecution|RedriveExecution)|logs:|xray:)/.test(a));
    expect(other).toEqual([]);
  });
});

describe('the audit functions (least privilege)', () => {
  const statementsOf = (fn: ReturnType<typeof auditFunctions>['begin']) => statementsOfRole(idOf(fn.role!));
  const dynamo = (fn: ReturnType<typeof auditFunctions>['begin']) => statementsOf(fn).filter((s) => actionsOf(s).some((a) => a.startsWith('dynamodb:')));
  const s3 = (fn: ReturnType<typeof auditFunctions>['begin']) =>
    statementsOf(fn)
      .filter((s) => actionsOf(s).some((a) => a.startsWith('s3:')))
      .map((s) => [actionsOf(s).join(' '), JSON.stringify(s.Resource).match(/\/([^"]*)"\]\]/)?.[1]]);

  it('never reads a record, and touches only the table partitions or the index its step needs', () => {
    for (const [name, fn] of Object.entries(auditFunctions())) {
      expect({ name, records: JSON.stringify(statementsOf(fn)).includes('/records/') }).toEqual({ name, records: false });
      for (const s of dynamo(fn)) {
        const leading = (s.Condition as { 'ForAllValues:StringLike'?: { 'dynamodb:LeadingKeys': string[] } } | undefined)?.['ForAllValues:StringLike']?.[
          'dynamodb:LeadingKeys'
        ];
        const onSummaryIndex = JSON.stringify(s.Resource).endsWith('/index/gsi4"]]}');
        expect({ name, scoped: Boolean(leading) || onSummaryIndex }).toEqual({ name, scoped: true });
      }
    }
  });

  it('gives each step the reads and writes of its own step', () => {
    const { registry, begin, shard, reduce, store, status } = auditFunctions();
    expect(dynamo(shard)).toEqual([expect.objectContaining({ Action: 'dynamodb:Query' })]);
    expect(s3(shard)).toEqual([['s3:PutObject', 'audits/*/summaries/*']]);
    expect(s3(reduce)).toEqual(
      expect.arrayContaining([
        ['s3:GetObject', 'audits/*/summaries/*'],
        ['s3:PutObject', 'audits/*/audit.*'],
      ]),
    );
    expect(s3(reduce)).toHaveLength(2);
    const writes = (fn: typeof reduce) =>
      dynamo(fn)
        .filter((s) => actionsOf(s).some((a) => /(Put|Update|Delete|BatchWrite)/.test(a)))
        .map((s) => (s.Condition as Record<string, Record<string, string[]>>)['ForAllValues:StringLike']['dynamodb:LeadingKeys']);
    expect(writes(reduce)).toEqual([['AUDIT#*']]);
    expect(writes(store)).toEqual([['AUDIT#*']]);
    expect(s3(store)).toEqual([['s3:GetObject', 'audits/*/audit.json']]);
    expect(writes(status)).toEqual([['AUDIT#*']]);
    expect(writes(registry)).toEqual([['REGISTRY']]);
    expect(new Set(writes(begin).flat())).toEqual(new Set(['REGISTRY', 'AUDIT#*']));
    expect(s3(registry)).toEqual([['s3:GetObject', 'registry/*']]);
  });

  it('gives the reduce 15 minutes and several GB, the children a few minutes each', () => {
    const { shard, reduce } = auditFunctions();
    const props = (fn: typeof reduce) => (template.toJSON().Resources[idOf(fn)] as { Properties: { Timeout: number; MemorySize: number } }).Properties;
    expect(props(reduce)).toMatchObject({ Timeout: 900 });
    expect(props(reduce).MemorySize).toBeGreaterThanOrEqual(4096);
    expect(props(shard).Timeout).toBeLessThanOrEqual(300);
  });

  it('sends uploads under registry/ to the registry function', () => {
    template.hasResourceProperties('Custom::S3BucketNotifications', {
      NotificationConfiguration: {
        LambdaFunctionConfigurations: Match.arrayWith([
          Match.objectLike({
            LambdaFunctionArn: { 'Fn::GetAtt': [idOf(stack.audit.fn), 'Arn'] },
            Filter: { Key: { FilterRules: [{ Name: 'prefix', Value: 'registry/' }] } },
          }),
        ]),
      },
    });
  });

  it('takes another schedule from its props', () => {
    const custom = new Stack(noBundling(), 'Custom');
    const storage = new Storage(custom, 'Storage');
    new Audit(custom, 'Audit', { bucket: storage.bucket, table: storage.table, schedule: Schedule.rate(Duration.hours(6)) });
    Template.fromStack(custom).hasResourceProperties('AWS::Events::Rule', { ScheduleExpression: 'rate(6 hours)' });
  });
});
