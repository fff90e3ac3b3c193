import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import type { RedecideEvent } from '../redecide/handler';

let client: LambdaClient | undefined;

/**
 * Hands the re-decision after a value review to the re-decision function (`OGI_REDECIDE_FUNCTION`),
 * asynchronously: the API writes only the review, the function writes the records.
 */
export async function requestRedecision(event: RedecideEvent): Promise<void> {
  const fn = process.env.OGI_REDECIDE_FUNCTION;
  if (!fn) throw new Error('OGI_REDECIDE_FUNCTION is not set: no function to re-decide the reviewed values');
  await (client ??= new LambdaClient({})).send(new InvokeCommand({ FunctionName: fn, InvocationType: 'Event', Payload: Buffer.from(JSON.stringify(event)) }));
}
