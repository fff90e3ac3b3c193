/** `npm run audit-definition`: writes the audit state machine's definition from the synthesized stack (lib/audit-definition.ts). */
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { writeFileSync } from 'node:fs';
import { buildApp } from './app';
import { AUDIT_DEFINITION_FILE, localDefinition } from '../lib/audit-definition';

const { stack } = buildApp(new App({ context: { 'aws:cdk:bundling-stacks': [] } }));
writeFileSync(AUDIT_DEFINITION_FILE, JSON.stringify(localDefinition(Template.fromStack(stack).toJSON() as never), null, 2) + '\n');
console.log(`wrote ${AUDIT_DEFINITION_FILE}`);
