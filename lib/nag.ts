import { Stack, type CfnResource } from 'aws-cdk-lib';
import type { Construct } from 'constructs';

/** The logical id cdk-nag prints for a resource's `Arn` in acknowledgement ids. */
export function logicalId(c: Construct): string {
  return Stack.of(c).getLogicalId(c.node.defaultChild as CfnResource);
}
