/** The CDK app (`npx cdk synth`): one stack, checked by cdk-nag's AwsSolutions pack at synth time. */
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { OgiStack } from '../lib/ogi-stack';

export function buildApp(app = new App()): { app: App; stack: OgiStack } {
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  const stack = new OgiStack(app, 'OgiAudit');
  return { app, stack };
}

if (require.main === module) buildApp().app.synth();
