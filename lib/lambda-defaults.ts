import { Duration, Validations } from 'aws-cdk-lib';
import { Architecture, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat, type NodejsFunctionProps } from 'aws-cdk-lib/aws-lambda-nodejs';
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
 * Every function of the project, with the settings that are the same for all in one place:
 * LAMBDA_RUNTIME on arm64, bundled for BUNDLE_TARGET with the AWS SDK included
 * (`externalModules: []`), so Lambda runs the SDK version the tests ran, not the runtime's.
 */
export function projectFunction(scope: Construct, id: string, props: NodejsFunctionProps & { entry: string }): NodejsFunction {
  const logGroup = new LogGroup(scope, `${id}Logs`, {
    retention: RetentionDays.ONE_MONTH,
    removalPolicy: RemovalPolicy.DESTROY,
  });
  const fn = new NodejsFunction(scope, id, {
    runtime: LAMBDA_RUNTIME,
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
      externalModules: [],
      ...props.bundling,
    },
  });
  Validations.of(fn).acknowledge({
    id: 'AwsSolutions-IAM5[Resource::*]',
    reason: 'Active X-Ray tracing: xray:PutTraceSegments and xray:PutTelemetryRecords support no resource-level permissions.',
  });
  return fn;
}
