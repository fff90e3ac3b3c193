import type { Context } from 'aws-lambda';
import { instrumented, telemetry } from '../../lambdas/telemetry';

// Every line of one invocation carries Lambda's request id, so an operator can find them together.
const context = (requestId: string) =>
  ({
    awsRequestId: requestId,
    functionName: 'ogi-test',
    functionVersion: '$LATEST',
    invokedFunctionArn: 'arn:aws:lambda:eu-west-1:111111111111:function:ogi-test',
    memoryLimitInMB: '512',
    getRemainingTimeInMillis: () => 1000,
  }) as unknown as Context;

it('adds the Lambda context to every log line of an invocation, and the next invocation its own', async () => {
  const t = telemetry('ogi-test');
  t.logger.setLogLevel('INFO');
  const lines: string[] = [];
  const write = jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => lines.push(String(chunk)) > 0);
  try {
    await instrumented(t, context('req-1'), async () => {
      t.logger.info('first');
      t.logger.info('second', { n: 2 });
    });
    await instrumented(t, context('req-2'), async () => t.logger.info('third'));
  } finally {
    write.mockRestore();
  }
  const logged = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
  expect(logged.map((l) => [l.message, l.function_request_id, l.function_name])).toEqual([
    ['first', 'req-1', 'ogi-test'],
    ['second', 'req-1', 'ogi-test'],
    ['third', 'req-2', 'ogi-test'],
  ]);
});
