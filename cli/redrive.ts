import { parseArgs } from 'node:util';
import { deadLetterFile } from '../scripts/local/stack';
import { readDeadLetters, writeDeadLetters } from '../scripts/local/async-invoker';
import { createHandler } from '../lambdas/ingest/handler';
import { localDir, requireLocalStack } from './local-stack';
import { UsageError } from './usage';

const USAGE = 'ogi redrive';

/**
 * `ogi redrive`: the local dead-letter queue (`.local/dead-letters.jsonl`, written by the stack)
 * handed to the ingest handler again, in this process, against the running stack; letters that fail
 * again stay in the file. In AWS the same is the dead-letter queue's message move task
 * (`aws sqs start-message-move-task`, README).
 */
export async function runRedrive(args: string[]): Promise<number> {
  try {
    parseArgs({ args, strict: true, options: {} });
  } catch {
    throw new UsageError(USAGE);
  }
  requireLocalStack('ogi redrive');
  const file = deadLetterFile(localDir());
  const letters = readDeadLetters(file);
  const handler = createHandler();
  const failed = [];
  for (const letter of letters) {
    try {
      await handler(letter.event);
    } catch (err) {
      failed.push({ ...letter, error: err instanceof Error ? `${err.name}: ${err.message}` : String(err), at: new Date().toISOString() });
    }
  }
  writeDeadLetters(file, failed);
  console.log(`${letters.length} dead letters, ${letters.length - failed.length} processed, ${failed.length} failed again`);
  return failed.length > 0 ? 1 : 0;
}
