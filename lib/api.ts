import { CfnOutput, Duration, RemovalPolicy, Stack, Token, Validations } from 'aws-cdk-lib';
import { CorsHttpMethod, HttpApi, HttpMethod, HttpStage, LogGroupLogDestination } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import { Distribution, HeadersFrameOption, ResponseHeadersPolicy, SecurityPolicyProtocol, ViewerProtocolPolicy } from 'aws-cdk-lib/aws-cloudfront';
import { S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import type { TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement, type Role } from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership, type IBucket } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import path from 'node:path';
import { PDFJS_DIR, PDFJS_FILES, PDFJS_PREFIX } from '../lambdas/api/pdfjs-files';
import { routes } from '../lambdas/api/routes';
import { AUDITS_PREFIX } from '../lambdas/audit/report-files';
import { INCOMING_PREFIX } from '../lambdas/ingest/s3-event';
import { RECORDS_PREFIX } from '../lambdas/store/record-object';
import { acknowledgeFunction, functionLogs, projectFunction } from './lambda-defaults';
import { ACCESS_LOG_PREFIXES } from './storage';
import { SignIn } from './sign-in';
import { logicalId } from './nag';

/** Partition-key prefixes the API may write (IAM dynamodb:LeadingKeys): officers' reviews only. */
export const API_WRITABLE_PARTITIONS = ['REVIEW#*'];

export interface ApiProps {
  bucket: IBucket;
  table: TableV2;
  /** Where the page's bucket and CloudFront write their access logs (lib/storage.ts). */
  accessLogs: IBucket;
  /** Applies value reviews (lib/redecide.ts): the API invokes it asynchronously after storing one. */
  redecideFn: IFunction;
  /** Requests per second across the API, and the burst above it (default 50 / 100). */
  rateLimit?: number;
  burstLimit?: number;
  /** Prefix of the sign-in (Cognito hosted UI) domain; default `ogi-audit-<account>`. */
  signInDomainPrefix?: string;
  /** The page's own domain name and its ACM certificate (in us-east-1, as CloudFront requires); default: CloudFront's domain. */
  pageDomain?: PageDomain;
}

export interface PageDomain {
  domainName: string;
  certificateArn: string;
}

const WEB_DIR = path.join(__dirname, '..', 'lambdas', 'api', 'web');

/**
 * The query API and the officers' page. The API is an HTTP API whose every route needs a signed-in
 * officer (Cognito user pool, JWT authorizer; groups checked by the handler), throttled, with CORS
 * open to the page's CloudFront origin only. The page is served by CloudFront from a private
 * bucket (origin access control) and finds the API and the sign-in through `config.json`,
 * written at deploy time; it sends the officer's access token with each call.
 */
export class Api extends Construct {
  readonly fn: NodejsFunction;
  readonly httpApi: HttpApi;
  readonly distribution: Distribution;
  readonly pageOrigin: string;
  readonly signIn: SignIn;

  constructor(scope: Construct, id: string, props: ApiProps) {
    super(scope, id);
    const { bucket, table } = props;

    const webBucket = new Bucket(this, 'Web', {
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      serverAccessLogsBucket: props.accessLogs,
      serverAccessLogsPrefix: ACCESS_LOG_PREFIXES.page,
    });
    const headers = new ResponseHeadersPolicy(this, 'PageHeaders', {
      securityHeadersBehavior: {
        contentSecurityPolicy: {
          contentSecurityPolicy:
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self' https://*.amazonaws.com https://*.amazoncognito.com; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
          override: true,
        },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
        strictTransportSecurity: { accessControlMaxAge: Duration.days(365), includeSubdomains: true, override: true },
      },
    });
    const domain = props.pageDomain;
    this.distribution = new Distribution(this, 'Page', {
      defaultRootObject: 'index.html',
      enableLogging: true,
      logBucket: props.accessLogs,
      logFilePrefix: ACCESS_LOG_PREFIXES.cloudFront,
      // CloudFront's own certificate allows TLS 1.0 and cannot be changed; an own domain's can.
      ...(domain && {
        domainNames: [domain.domainName],
        certificate: Certificate.fromCertificateArn(this, 'PageCertificate', domain.certificateArn),
        minimumProtocolVersion: SecurityPolicyProtocol.TLS_V1_2_2021,
      }),
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(webBucket),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        responseHeadersPolicy: headers,
      },
    });
    this.pageOrigin = `https://${domain?.domainName ?? this.distribution.distributionDomainName}`;

    this.fn = projectFunction(this, 'Function', {
      entry: path.join(__dirname, '..', 'lambdas', 'api', 'handler.ts'),
      handler: 'handler',
      description: 'Query API: reports, findings and reviews, comparisons, CSV',
      memorySize: 512,
      timeout: Duration.seconds(15),
      environment: {
        OGI_TABLE: table.tableName,
        OGI_BUCKET: bucket.bucketName,
        OGI_REDECIDE_FUNCTION: props.redecideFn.functionName,
        POWERTOOLS_SERVICE_NAME: 'ogi-api',
      },
    });
    // Read everything. Write only officers' reviews (REVIEW#: of findings with their moved-out history,
    // and of values, REVIEW#VALUE#); a value review's consequences for the records are written by the
    // re-decision function, which the API may only invoke. Originals and audit files: read to presign links to them.
    table.grantReadData(this.fn);
    this.fn.addToRolePolicy(
      new PolicyStatement({
        actions: ['dynamodb:UpdateItem'],
        resources: [table.tableArn],
        conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': API_WRITABLE_PARTITIONS } },
      }),
    );
    this.fn.addToRolePolicy(
      new PolicyStatement({
        actions: ['s3:GetObject', 's3:GetObjectVersion'],
        resources: [bucket.arnForObjects(`${INCOMING_PREFIX}*`), bucket.arnForObjects(`${RECORDS_PREFIX}*`), bucket.arnForObjects(`${AUDITS_PREFIX}*`)],
      }),
    );
    // The function itself, not its versions or aliases (`grantInvoke` would add `:*`).
    this.fn.addToRolePolicy(new PolicyStatement({ actions: ['lambda:InvokeFunction'], resources: [props.redecideFn.functionArn] }));

    this.signIn = new SignIn(this, 'SignIn', { pageOrigin: this.pageOrigin, domainPrefix: props.signInDomainPrefix });
    const accessLogs = new LogGroup(this, 'AccessLogs', { retention: RetentionDays.ONE_YEAR, removalPolicy: RemovalPolicy.DESTROY });
    this.httpApi = new HttpApi(this, 'Http', {
      description: 'ogi-audit query API (a signed-in officer on every route)',
      createDefaultStage: false,
      defaultAuthorizer: this.signIn.authorizer,
      corsPreflight: {
        allowOrigins: [this.pageOrigin],
        allowMethods: [CorsHttpMethod.GET, CorsHttpMethod.PATCH],
        allowHeaders: ['content-type', 'authorization'],
        maxAge: Duration.hours(1),
      },
    });
    new HttpStage(this, 'Stage', {
      httpApi: this.httpApi,
      stageName: '$default',
      autoDeploy: true,
      throttle: { rateLimit: props.rateLimit ?? 50, burstLimit: props.burstLimit ?? 100 },
      accessLogSettings: { destination: new LogGroupLogDestination(accessLogs) },
    });
    const integration = new HttpLambdaIntegration('Handler', this.fn);
    for (const r of routes) this.httpApi.addRoutes({ path: r.path, methods: [HttpMethod[r.method]], integration });

    // CDK's deploy-time copier (one function for both deployments), on a role and log group of our own.
    const deployer = functionLogs(this, 'Deployer');
    new BucketDeployment(this, 'Deploy', {
      ...deployer,
      destinationBucket: webBucket,
      sources: [
        Source.asset(WEB_DIR),
        Source.jsonData('config.json', {
          api: this.httpApi.apiEndpoint,
          auth: { domain: this.signIn.domainUrl, clientId: this.signIn.client.userPoolClientId },
        }),
      ],
      distribution: this.distribution,
      // Kept (not pruned) by this deployment: the next one puts pdf.js there.
      exclude: [`${PDFJS_PREFIX}*`],
    });
    // pdf.js for the evidence view, served from the page's own origin (never in a Lambda bundle).
    new BucketDeployment(this, 'DeployPdfjs', {
      ...deployer,
      destinationBucket: webBucket,
      destinationKeyPrefix: PDFJS_PREFIX,
      sources: [Source.asset(PDFJS_DIR, { exclude: ['*', ...PDFJS_FILES.map((f) => `!${f}`)] })],
      distribution: this.distribution,
    });

    new CfnOutput(this, 'PageUrl', { value: this.pageOrigin });
    new CfnOutput(this, 'ApiUrl', { value: this.httpApi.apiEndpoint });
    this.acknowledge(bucket, table, webBucket, domain, deployer.role);
  }

  /** cdk-nag findings that are deliberate, each with its reason. */
  private acknowledge(bucket: IBucket, table: TableV2, webBucket: Bucket, domain: PageDomain | undefined, deployerRole: Role): void {
    acknowledgeFunction(
      this.fn,
      {
        id: `AwsSolutions-IAM5[Resource::<${logicalId(bucket)}.Arn>/${INCOMING_PREFIX}*]`,
        reason: 'Presigns links to any uploaded original, which the role must itself be able to read.',
      },
      {
        id: `AwsSolutions-IAM5[Resource::<${logicalId(bucket)}.Arn>/${RECORDS_PREFIX}*]`,
        reason: 'Reads the parsed-record JSON of any report for the report view.',
      },
      {
        id: `AwsSolutions-IAM5[Resource::<${logicalId(bucket)}.Arn>/${AUDITS_PREFIX}*]`,
        reason: 'Presigns links to the report files of any audit run (audits/<year>/<run>/), which the role must itself be able to read.',
      },
      {
        id: `AwsSolutions-IAM5[Resource::<${logicalId(table)}.Arn>/index/*]`,
        reason: "Queries the table's own GSIs (by agency, year, rule); the wildcard covers only this table's indexes.",
      },
    );
    Validations.of(this.distribution).acknowledge(
      { id: 'AwsSolutions-CFR1', reason: 'Officers work from several regions; access is controlled by IAM on the API, not by geography.' },
      { id: 'AwsSolutions-CFR2', reason: 'The distribution serves three static files; every data request goes to the IAM-authorized, throttled API.' },
    );
    if (!domain)
      Validations.of(this.distribution).acknowledge({
        id: 'AwsSolutions-CFR4',
        reason: "CloudFront's default certificate, whose TLS policy cannot be set: deploy with -c pageDomain=… -c pageCertificateArn=… for TLS 1.2 at least.",
      });
    // CDK's singleton function that copies the page into the bucket at deploy time.
    const deployer = Stack.of(this).node.children.find((c) => c.node.id.startsWith('Custom::CDKBucketDeployment'));
    for (const c of deployer ? [deployer, deployerRole] : [])
      Validations.of(c).acknowledge(
        ...[
          'Action::s3:GetObject*',
          'Action::s3:GetBucket*',
          'Action::s3:List*',
          'Action::s3:DeleteObject*',
          'Action::s3:Abort*',
          `Resource::<${logicalId(webBucket)}.Arn>/*`,
          `Resource::arn:<AWS::Partition>:s3:::${assetBucket(Stack.of(this))}/*`,
          'Resource::*',
        ].map((what) => ({
          id: `AwsSolutions-IAM5[${what}]`,
          reason:
            "CDK's BucketDeployment custom resource, as CDK generates it: it reads the CDK asset bucket, replaces the page bucket's files and invalidates the distribution.",
        })),
        { id: 'AwsSolutions-L1', reason: 'Runtime chosen by CDK for its BucketDeployment custom resource.' },
      );
  }
}

/** The CDK bootstrap asset bucket's name as cdk-nag prints it (tokens as `<AWS::…>`). */
function assetBucket(stack: Stack): string {
  const part = (v: string, name: string) => (Token.isUnresolved(v) ? `<AWS::${name}>` : v);
  return `cdk-hnb659fds-assets-${part(stack.account, 'AccountId')}-${part(stack.region, 'Region')}`;
}
