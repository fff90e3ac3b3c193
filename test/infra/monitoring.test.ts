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
      expect(a.Properties).toMatchObject({ Threshold: 1, ComparisonOperator: 'GreaterThanOrEqualToThreshold' });
    }
  });

  it('alarms on ingest errors, failed reports, the dead-letter queue, audit failures, API 5xx and throttles of each function', () => {
    const on = (metric: string, dimension?: string) =>
      alarms().filter((a) => a.Properties.MetricName === metric && (!dimension || dimensionRefs(a).includes(dimension)));
    const { ingest, audit, api, monitoring } = stack;
    expect(on('Errors', refOf(ingest.fn))).toHaveLength(1);
    expect(on('Errors', refOf(audit.fn))).toHaveLength(1);
    expect(on('ReportsFailed').map((a) => a.Properties.Namespace)).toEqual(['OgiAudit']);
    expect(on('ApproximateNumberOfMessagesVisible', JSON.stringify({ 'Fn::GetAtt': [idOf(ingest.deadLetterQueue), 'QueueName'] }))).toHaveLength(1);
    expect(on('ApproximateNumberOfMessagesVisible', JSON.stringify({ 'Fn::GetAtt': [idOf(monitoring.auditFailures), 'QueueName'] }))).toHaveLength(1);
    expect(on('5xx', refOf(api.httpApi))).toHaveLength(1);
    for (const fn of [ingest.fn, audit.fn, api.fn]) expect(on('Throttles', refOf(fn))).toHaveLength(1);
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
