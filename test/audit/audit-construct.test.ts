import { App, Duration, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { Schedule } from 'aws-cdk-lib/aws-events';
import { buildApp } from '../../bin/app';
import { Audit } from '../../lib/audit';
import { Storage } from '../../lib/storage';

const noBundling = () => new App({ context: { 'aws:cdk:bundling-stacks': [] } });

// The whole app once, with cdk-nag: an unacknowledged finding on the audit's resources throws.
const { app, stack } = buildApp(noBundling());
let template: Template;
beforeAll(() => {
  expect(() => app.synth()).not.toThrow();
  template = Template.fromStack(stack);
});

const auditFunctionId = () =>
  Object.entries(template.findResources('AWS::Lambda::Function')).find(([, r]) =>
    String((r as { Properties: { Description?: string } }).Properties.Description).startsWith('Audits a reporting year'),
  )![0];

describe('the audit construct', () => {
  it('runs the audit function daily at 02:00 UTC from February to April', () => {
    template.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: 'cron(0 2 * 2-4 ? *)',
      State: 'ENABLED',
      Targets: [Match.objectLike({ Arn: { 'Fn::GetAtt': [auditFunctionId(), 'Arn'] }, RetryPolicy: { MaximumRetryAttempts: 2 } })],
    });
  });

  it('gives the function 15 minutes, one run at a time, and the table and bucket names', () => {
    template.hasResourceProperties('AWS::Lambda::Function', {
      Description: Match.stringLikeRegexp('^Audits a reporting year'),
      Timeout: 900,
      ReservedConcurrentExecutions: 1,
      Environment: { Variables: Match.objectLike({ OGI_TABLE: Match.anyValue(), OGI_BUCKET: Match.anyValue() }) },
    });
  });

  it('sends uploads under registry/ to the audit function', () => {
    template.hasResourceProperties('Custom::S3BucketNotifications', {
      NotificationConfiguration: {
        LambdaFunctionConfigurations: Match.arrayWith([
          Match.objectLike({
            LambdaFunctionArn: { 'Fn::GetAtt': [auditFunctionId(), 'Arn'] },
            Filter: { Key: { FilterRules: [{ Name: 'prefix', Value: 'registry/' }] } },
          }),
        ]),
      },
    });
  });

  it('writes only under audits/', () => {
    const fn = template.findResources('AWS::Lambda::Function')[auditFunctionId()] as { Properties: { Role: { 'Fn::GetAtt': [string, string] } } };
    const role = fn.Properties.Role['Fn::GetAtt'][0];
    type Policy = { Properties: { Roles: unknown[]; PolicyDocument: { Statement: { Action: string | string[]; Resource: unknown }[] } } };
    const puts = Object.values(template.findResources('AWS::IAM::Policy') as Record<string, Policy>)
      .filter((p) => p.Properties.Roles.some((r) => JSON.stringify(r) === JSON.stringify({ Ref: role })))
      .flatMap((p) => p.Properties.PolicyDocument.Statement)
      .filter((s) => [s.Action].flat().includes('s3:PutObject'));
    expect(puts).toHaveLength(1);
    expect(JSON.stringify(puts[0].Resource)).toContain('/audits/*');
  });

  it('takes another schedule from its props', () => {
    const custom = new Stack(noBundling(), 'Custom');
    const storage = new Storage(custom, 'Storage');
    new Audit(custom, 'Audit', { bucket: storage.bucket, table: storage.table, schedule: Schedule.rate(Duration.hours(6)) });
    Template.fromStack(custom).hasResourceProperties('AWS::Events::Rule', { ScheduleExpression: 'rate(6 hours)' });
  });
});
