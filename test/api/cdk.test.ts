import { App, Stack, Validations } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { routes } from '../../lambdas/api/routes';
import { Api } from '../../lib/api';
import { Redecide } from '../../lib/redecide';
import { Storage } from '../../lib/storage';

// The API construct on its own stack, with cdk-nag's AwsSolutions pack; bundling skipped.
function synth() {
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  const stack = new Stack(app, 'ApiTest', { env: { account: '111111111111', region: 'eu-west-1' } });
  const storage = new Storage(stack, 'Storage');
  const redecide = new Redecide(stack, 'Redecide', { bucket: storage.bucket, table: storage.table });
  const api = new Api(stack, 'Api', { bucket: storage.bucket, table: storage.table, accessLogs: storage.accessLogs, redecideFn: redecide.fn });
  return { app, stack, api };
}

const { app, stack, api } = synth();
const template = Template.fromStack(stack);

test('one route per API route, every one behind the Cognito JWT authorizer', () => {
  const found = template.findResources('AWS::ApiGatewayV2::Route');
  const keys = Object.values(found)
    .map((r) => r.Properties.RouteKey)
    .sort();
  expect(keys).toEqual(routes.map((r) => `${r.method} ${r.path}`).sort());
  const [authorizerId] = Object.keys(template.findResources('AWS::ApiGatewayV2::Authorizer'));
  for (const r of Object.values(found)) expect(r.Properties).toMatchObject({ AuthorizationType: 'JWT', AuthorizerId: { Ref: authorizerId } });
  template.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
    AuthorizerType: 'JWT',
    IdentitySource: ['$request.header.Authorization'],
    JwtConfiguration: { Audience: [{ Ref: Match.stringLikeRegexp('SignInOfficersPage') }], Issuer: Match.anyValue() },
  });
});

test('officers sign in through a Cognito user pool: hosted UI domain, code grant back to the page, sign-out back to it, MFA, no self sign-up, two groups', () => {
  template.hasResourceProperties('AWS::Cognito::UserPool', {
    MfaConfiguration: 'ON',
    AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
    UserPoolTier: 'PLUS',
    Policies: { PasswordPolicy: { MinimumLength: 12, RequireSymbols: true, RequireUppercase: true, RequireNumbers: true } },
  });
  template.hasResourceProperties('AWS::Cognito::UserPoolDomain', { Domain: 'ogi-audit-111111111111' });
  template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
    AllowedOAuthFlows: ['code'],
    GenerateSecret: false,
    CallbackURLs: [{ 'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [stack.getLogicalId(api.distribution.node.defaultChild as never), 'DomainName'] }, '/']] }],
  });
  // Sign-out at the hosted UI returns to the page: the page's address is a registered logout URL.
  template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
    LogoutURLs: [{ 'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [stack.getLogicalId(api.distribution.node.defaultChild as never), 'DomainName'] }, '/']] }],
  });
  const groups = Object.values(template.findResources('AWS::Cognito::UserPoolGroup'))
    .map((g) => g.Properties.GroupName)
    .sort();
  expect(groups).toEqual(['officer', 'reviewer']);
});

test('CORS only for the page origin, throttled stage with access logs', () => {
  template.hasResourceProperties('AWS::ApiGatewayV2::Api', {
    CorsConfiguration: {
      AllowOrigins: [{ 'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [stack.getLogicalId(api.distribution.node.defaultChild as never), 'DomainName'] }]] }],
      AllowMethods: ['GET', 'PATCH'],
    },
  });
  template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
    StageName: '$default',
    DefaultRouteSettings: { ThrottlingRateLimit: 50, ThrottlingBurstLimit: 100 },
    AccessLogSettings: { DestinationArn: Match.anyValue() },
  });
});

test('the page bucket is private, reached through CloudFront origin access control', () => {
  template.hasResourceProperties('AWS::S3::Bucket', {
    PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
  });
  template.resourceCountIs('AWS::CloudFront::OriginAccessControl', 1);
  template.hasResourceProperties('AWS::CloudFront::Distribution', {
    DistributionConfig: { DefaultCacheBehavior: { ViewerProtocolPolicy: 'redirect-to-https' } },
  });
});

test('the function may read the table, update only reviews, invoke the re-decision function and write nothing to the bucket', () => {
  const policies = template.findResources('AWS::IAM::Policy', { Properties: { Roles: [{ Ref: Match.stringLikeRegexp('ApiFunctionRole') }] } });
  const statements = Object.values(policies).flatMap(
    (p) => p.Properties.PolicyDocument.Statement as { Action: string | string[]; Resource: unknown; Condition?: unknown }[],
  );
  const actions = statements.flatMap((s) => [s.Action].flat());
  // Reviews are created and changed with UpdateItem alone; the records a value review changes are the re-decision function's to write.
  expect(actions.filter((a) => /^dynamodb:(Update|Put|Delete|BatchWrite|TransactWrite)/.test(a))).toEqual(['dynamodb:UpdateItem']);
  expect(statements.find((s) => [s.Action].flat().includes('dynamodb:UpdateItem'))?.Condition).toEqual({
    'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['REVIEW#*'] },
  });
  expect(actions.filter((a) => a.startsWith('s3:')).sort()).toEqual(['s3:GetObject', 's3:GetObjectVersion']);
  expect(actions.filter((a) => a.startsWith('lambda:'))).toEqual(['lambda:InvokeFunction']);
});

test('cdk-nag AwsSolutions: no unacknowledged findings', () => {
  expect(() => app.synth()).not.toThrow();
});
