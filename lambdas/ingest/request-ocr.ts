import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import type { Claim } from '../store';

/** What the OCR function is handed: the upload's claim, which it stores the record under. */
export interface OcrEvent {
  claim: Claim;
  id: string;
  claimedAt: string;
  attempt: number;
}

let client: LambdaClient | undefined;

/**
 * Hands a scan to the OCR function (`OGI_OCR_FUNCTION`), asynchronously: its own queue, concurrency, timeout, retries
 * and dead-letter queue (lib/ocr.ts), so a batch of scans never holds up the text uploads behind it.
 */
export async function requestOcr(event: OcrEvent): Promise<void> {
  const fn = process.env.OGI_OCR_FUNCTION;
  if (!fn) throw new Error('OGI_OCR_FUNCTION is not set: no function to read the scan');
  await (client ??= new LambdaClient({})).send(new InvokeCommand({ FunctionName: fn, InvocationType: 'Event', Payload: Buffer.from(JSON.stringify(event)) }));
}
