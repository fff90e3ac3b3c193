import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import { buildApp } from '../../bin/app';
import { startApiServer, type LocalApi } from '../../lambdas/api/local-server';

/**
 * What is not already asserted in test/api and test/infra: the local server is unreachable from
 * anything but this machine's own browser, and across the whole synthesized app every entry
 * point needs AWS credentials or a named AWS service, every bucket is private and TLS-only, and
 * the page's headers keep report text from ever running as script.
 */

describe('the local API server', () => {
  let api: LocalApi;
  let port: number;
  beforeAll(async () => {
    api = await startApiServer();
    port = Number(new URL(api.url).port);
  });
  afterAll(() => api?.close());

  /** This machine's non-loopback IPv4 address, when it has a network interface. */
  const external = Object.values(os.networkInterfaces())
    .flat()
    .find((i) => i?.family === 'IPv4' && !i.internal)?.address;

  const connects = (host: string) =>
    new Promise<boolean>((resolve) => {
      const socket = net.connect({ host, port }, () => {
        socket.destroy();
        resolve(true);
      });
      socket.on('error', () => resolve(false));
    });

  function get(path: string, host: string): Promise<{ status: number; type: string }> {
    return new Promise((resolve, reject) => {
      http
        .get({ host: '127.0.0.1', port, path, headers: { host } }, (res) => {
          res.resume();
          res.on('end', () => resolve({ status: res.statusCode!, type: String(res.headers['content-type']) }));
        })
        .on('error', reject);
    });
  }

  it('listens on 127.0.0.1 only', async () => {
    expect(api.server.address()).toMatchObject({ address: '127.0.0.1', family: 'IPv4' });
    expect(await connects('127.0.0.1')).toBe(true);
    expect(await connects('::1')).toBe(false);
    if (external) expect(await connects(external)).toBe(false);
  });

  it('refuses requests addressed to another host name (DNS rebinding), serves 127.0.0.1 and localhost', async () => {
    for (const host of [`evil.example:${port}`, `127.0.0.1.evil.example:${port}`])
      expect(await get('/', host)).toMatchObject({ status: 403, type: 'application/json' });
    expect(await get('/reports?year=2024', `evil.example:${port}`)).toMatchObject({ status: 403 });
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`])
      expect(await get('/', host)).toMatchObject({ status: 200, type: expect.stringMatching(/^text\/html/) });
  });
});

describe('the synthesized app', () => {
  const { stack } = buildApp(new App({ context: { 'aws:cdk:bundling-stacks': [] } }));
  const template = Template.fromStack(stack);
  const resources = (type: string) => Object.entries(template.findResources(type)) as [string, { Properties: Record<string, any> }][];

  it('has no entry point without sign-in: every API route behind the Cognito JWT authorizer, no function URL, no REST API', () => {
    const routes = resources('AWS::ApiGatewayV2::Route');
    expect(routes.length).toBeGreaterThan(0);
    const authorizers = resources('AWS::ApiGatewayV2::Authorizer');
    expect(authorizers.map(([, a]) => a.Properties.AuthorizerType)).toEqual(['JWT']);
    for (const [, r] of routes) expect(r.Properties).toMatchObject({ AuthorizationType: 'JWT', AuthorizerId: { Ref: authorizers[0][0] } });
    expect(resources('AWS::Lambda::Url')).toEqual([]);
    expect(resources('AWS::ApiGateway::RestApi')).toEqual([]);
  });

  it('lets only named AWS services invoke functions, each from one source of this stack', () => {
    const permissions = resources('AWS::Lambda::Permission');
    expect(permissions.length).toBeGreaterThan(0);
    for (const [id, p] of permissions) {
      expect([id, p.Properties.Principal]).toEqual([id, expect.stringMatching(/^(s3|apigateway|events)\.amazonaws\.com$/)]);
      expect([id, p.Properties.SourceArn]).toEqual([id, expect.anything()]);
    }
  });

  it('keeps every bucket private, encrypted and TLS-only', () => {
    const buckets = resources('AWS::S3::Bucket');
    expect(buckets.length).toBeGreaterThanOrEqual(2); // the reports and the page
    const policies = resources('AWS::S3::BucketPolicy').map(([, p]) => p.Properties);
    for (const [id, b] of buckets) {
      expect(b.Properties.PublicAccessBlockConfiguration).toEqual({
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      });
      expect(b.Properties.BucketEncryption.ServerSideEncryptionConfiguration[0].ServerSideEncryptionByDefault.SSEAlgorithm).toEqual(expect.any(String));
      const statements = policies.filter((p) => p.Bucket.Ref === id).flatMap((p) => p.PolicyDocument.Statement);
      const denyPlainHttp = statements.find((s) => s.Effect === 'Deny' && s.Condition?.Bool?.['aws:SecureTransport'] === 'false');
      expect([id, denyPlainHttp]).toEqual([id, expect.objectContaining({ Action: 's3:*', Principal: { AWS: '*' } })]);
      // Both the bucket and its objects.
      expect(JSON.stringify(denyPlainHttp.Resource)).toContain('/*');
      // Nothing is granted to everyone.
      expect(statements.filter((s) => s.Effect === 'Allow' && JSON.stringify(s.Principal).includes('"*"'))).toEqual([]);
    }
  });

  it('serves the page with a CSP that runs no inline or injected script, no sniffing, no framing', () => {
    const [[, policy]] = resources('AWS::CloudFront::ResponseHeadersPolicy');
    const headers = policy.Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig;
    const csp = headers.ContentSecurityPolicy.ContentSecurityPolicy as string;
    const directive = (name: string) =>
      csp
        .split(';')
        .map((d) => d.trim())
        .find((d) => d.startsWith(`${name} `));
    expect(directive('script-src')).toBe("script-src 'self'");
    expect(directive('object-src')).toBe("object-src 'none'");
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(headers.ContentTypeOptions).toEqual({ Override: true });
    expect(headers.FrameOptions).toEqual({ FrameOption: 'DENY', Override: true });
    expect(headers.StrictTransportSecurity).toMatchObject({ Override: true, IncludeSubdomains: true });
  });
});
