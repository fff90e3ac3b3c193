import { deadLetterFile, readDeadLetters, writeDeadLetters } from '../local/dead-letters';
import { createHandler } from '../lambdas/ingest/handler';
import { readArgs } from './args';
import { localDir, requireLocalStack } from './local-stack';
import { UsageError } from './usage';

const CMD = {
  usage: 'ogi redrive',
  help: `usage: ogi redrive

Hands the local dead letters (.local/dead-letters.jsonl, written by the stack) to the ingest handler
again, in this process, against the running stack; letters that fail again stay in the file. In AWS
the same is the dead-letter queue's message move task (README). Exit code 1 when any fails again.

  -h, --help  this help`,
};

export async function runRedrive(args: string[]): Promise<number> {
  const { positionals } = readArgs(CMD, args, {});
  if (positionals.length > 0) throw new UsageError(CMD.usage, 'no arguments');
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
