import { App, type CfnResource } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import type { IConstruct } from 'constructs';
import { buildApp } from '../../bin/app';

// cdk-nag runs at synth (it throws on any unacknowledged finding); bundling skipped.
const { app, stack } = buildApp(new App({ context: { 'aws:cdk:bundling-stacks': [] } }));
let template: Template;
beforeAll(() => {
  expect(() => app.synth()).not.toThrow();
  template = Template.fromStack(stack);
});

const idOf = (c: IConstruct) => stack.getLogicalId(c.node.defaultChild as CfnResource);
const topicRef = () => ({ Ref: idOf(stack.monitoring.topic) });

interface AlarmResource {
  Properties: {
    MetricName?: string;
    Namespace?: string;
    Dimensions?: { Name: string; Value: unknown }[];
    AlarmActions?: unknown[];
    OKActions?: unknown[];
    Threshold: number;
    ComparisonOperator: string;
    TreatMissingData?: string;
    Period?: number;
  };
}
const alarms = () => Object.values(template.findResources('AWS::CloudWatch::Alarm')) as AlarmResource[];
const dimensionRefs = (a: AlarmResource) => (a.Properties.Dimensions ?? []).map((d) => JSON.stringify(d.Value));
const refOf = (c: IConstruct) => JSON.stringify({ Ref: idOf(c) });

describe('monitoring', () => {
  it('mails an encrypted, TLS-only SNS topic to the address of the AlarmEmail stack parameter', () => {
    template.hasParameter('AlarmEmail', { Type: 'String' });
    template.hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: Match.anyValue() });
    template.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: { Ref: 'AlarmEmail' }, TopicArn: topicRef() });
    template.hasResourceProperties('AWS::SNS::TopicPolicy', {
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]) },
    });
    template.hasResourceProperties('AWS::KMS::Key', { EnableKeyRotation: true });
  });

  it('gives every alarm the topic as its alarm and OK action, on the first occurrence', () => {
    expect(alarms().length).toBeGreaterThanOrEqual(9);
    for (const a of alarms()) {
      expect(a.Properties.AlarmActions).toEqual([topicRef()]);
      expect(a.Properties.OKActions).toEqual([topicRef()]);
      // A duration alarm fires on the first invocation near its function's timeout (the OCR function's: 10 of 12 minutes).
      const threshold = a.Properties.MetricName === 'Duration' ? 600_000 : 1;
      expect(a.Properties).toMatchObject({ Threshold: threshold, ComparisonOperator: 'GreaterThanOrEqualToThreshold' });
    }
  });

  it('alarms on ingest errors, failed reports, the dead-letter queue, audit failures, API 5xx and throttles of each function', () => {
    const on = (metric: string, dimension?: string) =>
      alarms().filter((a) => a.Properties.MetricName === metric && (!dimension || dimensionRefs(a).includes(dimension)));
    const { ingest, audit, api, monitoring } = stack;
    expect(on('Errors', refOf(ingest.fn))).toHaveLength(1);
    expect(on('Errors', refOf(audit.fn))).toHaveLength(1);
    // Reports that end failed, from the ingest and from the OCR function (the service dimension says which).
    const failed = on('ReportsFailed').map((a) => [a.Properties.Namespace, ...(a.Properties.Dimensions ?? []).map((d) => d.Value)]);
    expect(failed.sort()).toEqual([
      ['OgiAudit', 'ogi-ingest'],
      ['OgiAudit', 'ogi-ocr'],
    ]);
    expect(on('ApproximateNumberOfMessagesVisible', JSON.stringify({ 'Fn::GetAtt': [idOf(ingest.deadLetterQueue), 'QueueName'] }))).toHaveLength(1);
    expect(on('ApproximateNumberOfMessagesVisible', JSON.stringify({ 'Fn::GetAtt': [idOf(monitoring.auditFailures), 'QueueName'] }))).toHaveLength(1);
    expect(on('5xx', refOf(api.httpApi))).toHaveLength(1);
    for (const fn of [ingest.fn, audit.fn, api.fn]) expect(on('Throttles', refOf(fn))).toHaveLength(1);
  });

  it("alarms, with the topic as action, on every function's errors: the project's five and CDK's deploy-time helpers", () => {
    const functions = Object.keys(template.findResources('AWS::Lambda::Function'));
    expect(functions.length).toBeGreaterThanOrEqual(7);
    for (const id of functions) {
      const errors = alarms().filter((a) => a.Properties.MetricName === 'Errors' && dimensionRefs(a).includes(JSON.stringify({ Ref: id })));
      expect({ id, errors: errors.map((a) => a.Properties.AlarmActions) }).toEqual({ id, errors: [[topicRef()]] });
    }
    for (const fn of [stack.redecide.fn, stack.reconcile.fn, stack.ocr.fn])
      expect(alarms().filter((a) => a.Properties.MetricName === 'Throttles' && dimensionRefs(a).includes(refOf(fn)))).toHaveLength(1);
  });

  it('retries every scheduled target and keeps what still fails in a dead-letter queue, alarmed', () => {
    const rules = Object.values(template.findResources('AWS::Events::Rule')) as { Properties: { Targets: Record<string, unknown>[] } }[];
    const targets = rules.flatMap((r) => r.Properties.Targets);
    expect(targets.length).toBeGreaterThanOrEqual(2);
    const queues = template.findResources('AWS::SQS::Queue');
    for (const t of targets) {
      expect(t).toMatchObject({ RetryPolicy: { MaximumRetryAttempts: 2 }, DeadLetterConfig: { Arn: { 'Fn::GetAtt': [expect.any(String), 'Arn'] } } });
      const queue = (t.DeadLetterConfig as { Arn: { 'Fn::GetAtt': [string, string] } }).Arn['Fn::GetAtt'][0];
      expect(queues[queue]).toBeDefined();
      const watched = alarms().filter(
        (a) =>
          a.Properties.MetricName === 'ApproximateNumberOfMessagesVisible' && dimensionRefs(a).includes(JSON.stringify({ 'Fn::GetAtt': [queue, 'QueueName'] })),
      );
      expect(watched.map((a) => a.Properties.AlarmActions)).toEqual([[topicRef()]]);
    }
  });

  it("treats the reconciler's silence as an alarm: no staleReports for a period (two runs) is breaching", () => {
    const stale = alarms().filter((a) => a.Properties.MetricName === 'StaleReports');
    expect(stale).toEqual([expect.objectContaining({ Properties: expect.objectContaining({ TreatMissingData: 'breaching', Period: 1200 }) })]);
  });

  it('sends a failed audit invocation, after two retries, to its on-failure queue', () => {
    template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      FunctionName: { Ref: idOf(stack.audit.fn) },
      MaximumRetryAttempts: 2,
      DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [idOf(stack.monitoring.auditFailures), 'Arn'] } } },
    });
  });

  it('traces every project function with X-Ray', () => {
    for (const fn of [stack.ingest.fn, stack.audit.fn, stack.api.fn])
      expect(template.toJSON().Resources[idOf(fn)].Properties.TracingConfig).toEqual({ Mode: 'Active' });
  });
});
