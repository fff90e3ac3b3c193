import { Duration, Validations, type Acknowledgment } from 'aws-cdk-lib';
import { Architecture, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat, type NodejsFunctionProps } from 'aws-cdk-lib/aws-lambda-nodejs';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { RemovalPolicy } from 'aws-cdk-lib';
import type { Construct } from 'constructs';

/**
 * The project's Node.js versions, one answer: the code is written for and tested on Node.js 20.19+
 * (package.json `engines`, the machines and CI run 20.20); Lambda runs it on Node.js 22 (Node.js 20
 * is deprecated there), bundled for node20 syntax so the bundle holds nothing the tests did not run.
 */
export const LAMBDA_RUNTIME = Runtime.NODEJS_22_X;
export const BUNDLE_TARGET = 'node20';

/**
 * Left out of every bundle (functions and workers), as nothing Lambda runs ever loads them;
 * test/infra/bundle.test.ts runs the bundles from a folder without node_modules:
 * - the SDK's browser user-agent parser (bowser, 35 KB), which @aws-sdk/core imports lazily on its
 *   browser path only; on Node the client's user agent comes from util-user-agent-node;
 * - iconv-lite's Japanese and Korean tables (190 KB), each required only when its encoding is asked
 *   for: the decoder asks for UTF-16, GB18030/GBK, Big5 and windows-1252 alone, whatever a page
 *   declares (core/decode/detect-encoding.ts).
 */
export const BUNDLE_EXTERNALS = ['bowser', ...['shiftjis', 'eucjp', 'cp949'].map((t) => `./tables/${t}.json`)];

/**
 * Every function of the project, with the settings that are the same for all in one place:
 * LAMBDA_RUNTIME on arm64, bundled for BUNDLE_TARGET with the AWS SDK included
 * (`externalModules` only BUNDLE_EXTERNALS, never loaded), so Lambda runs the SDK version the tests ran, not the runtime's.
 * Its role may write logs to its own log group only (not AWSLambdaBasicExecutionRole's any group).
 */
export function projectFunction(scope: Construct, id: string, props: NodejsFunctionProps & { entry: string }): NodejsFunction {
  const { logGroup, role } = functionLogs(scope, id);
  const fn = new NodejsFunction(scope, id, {
    runtime: LAMBDA_RUNTIME,
    role,
    architecture: Architecture.ARM_64,
    memorySize: 512,
    timeout: Duration.seconds(30),
    logGroup,
    // X-Ray: the Powertools tracer in each handler adds its subsegment to the function's trace.
    tracing: Tracing.ACTIVE,
    ...props,
    environment: {
      NODE_OPTIONS: '--enable-source-maps',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      ...props.environment,
    },
    bundling: {
      target: BUNDLE_TARGET,
      format: OutputFormat.CJS,
      minify: true,
      sourceMap: true,
      externalModules: BUNDLE_EXTERNALS,
      ...props.bundling,
    },
  });
  acknowledgeFunction(
    fn,
    {
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason: 'Active X-Ray tracing: xray:PutTraceSegments and xray:PutTelemetryRecords support no resource-level permissions.',
    },
    {
      id: 'AwsSolutions-L1',
      reason: 'LAMBDA_RUNTIME (Node.js 22) is the runtime the bundling target and the tests were run against; Node.js 24 after a test run on it.',
    },
  );
  return fn;
}

/**
 * A function's log group, kept a month, and a Lambda role that may write to it alone: for the
 * project's functions and CDK's deploy-time helpers alike, none with AWSLambdaBasicExecutionRole.
 * The group exists before the function, so the role needs no logs:CreateLogGroup.
 */
export function functionLogs(scope: Construct, id: string): { logGroup: LogGroup; role: Role } {
  const logGroup = new LogGroup(scope, `${id}Logs`, { retention: RetentionDays.ONE_MONTH, removalPolicy: RemovalPolicy.DESTROY });
  const role = new Role(scope, `${id}Role`, { assumedBy: new ServicePrincipal('lambda.amazonaws.com') });
  logGroup.grantWrite(role);
  return { logGroup, role };
}

/** cdk-nag acknowledgements for a project function and its role (which is created before it, so is not its child). */
export function acknowledgeFunction(fn: NodejsFunction, ...rules: Acknowledgment[]): void {
  Validations.of(fn).acknowledge(...rules);
  Validations.of(fn.role!).acknowledge(...rules);
}
