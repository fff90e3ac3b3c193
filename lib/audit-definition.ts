/**
 * The audit state machine's definition as the local runner reads it: the synthesized
 * DefinitionString with each function's ARN (a CloudFormation reference) made a local placeholder.
 * `npm run audit-definition` writes it to lib/audit-state-machine.asl.json, so `ogi audit` starts
 * without loading the CDK; test/audit/audit-construct.test.ts fails when the file and the
 * construct differ.
 */
import path from 'node:path';

export const AUDIT_DEFINITION_FILE = path.join(__dirname, 'audit-state-machine.asl.json');

type Part = string | { 'Fn::GetAtt': [string, string] };

interface Template {
  Resources: Record<string, { Type: string; Properties?: { DefinitionString?: { 'Fn::Join': [string, Part[]] } } }>;
}

/** A function's ARN in the local definition: the interpreter binds Tasks by state name, never calls it. */
export const localFunctionArn = (logicalId: string) => `arn:aws:lambda:us-east-1:000000000000:function:${logicalId}`;

/** The state machine of a synthesized template, as States Language JSON with local function ARNs. */
export function localDefinition(template: Template): Record<string, unknown> {
  const machines = Object.values(template.Resources).filter((r) => r.Type === 'AWS::StepFunctions::StateMachine');
  if (machines.length !== 1) throw new Error(`expected one state machine in the template, found ${machines.length}`);
  const [, parts] = machines[0].Properties!.DefinitionString!['Fn::Join'];
  return JSON.parse(parts.map((p) => (typeof p === 'string' ? p : localFunctionArn(p['Fn::GetAtt'][0]))).join('')) as Record<string, unknown>;
}
