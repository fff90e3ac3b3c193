import { uploadsOf } from '../lambdas/ingest/s3-event';
import { recover } from '../lambdas/reconcile/recover';
import { deadLetterFile, readDeadLetters, writeDeadLetters } from '../local/dead-letters';
import { readArgs } from './args';
import { localDir, requireLocalStack } from './local-stack';
import { UsageError } from './usage';

const CMD = {
  usage: 'ogi recover [--wait SECONDS] [--json]',
  help: `usage: ogi recover [--wait SECONDS] [--json]

After an outage (the table or the stack down while uploads arrived), against the running stack
(npm start): announces again every upload under incoming/ without a final status, waits out the
claims the outage interrupted, and goes on until every upload is parsed or rejected. Dead letters
of uploads now final are dropped from .local/dead-letters.jsonl. One command instead of redrive,
reconcile and reconcile again; the scheduled reconciler does the same in AWS, unattended.
Exit code 1 when any upload is still not final (listed).

  --wait SECONDS  give up after this long (default 600)
  --json          print the outcome as JSON
  -h, --help      this help`,
};

export async function runRecover(args: string[]): Promise<number> {
  const { values, positionals } = readArgs(CMD, args, { wait: { type: 'string' }, json: { type: 'boolean' } });
  const wait = Number(values.wait ?? 600);
  if (positionals.length > 0 || !Number.isFinite(wait) || wait < 0) throw new UsageError(CMD.usage, 'the wait is a number of seconds');
  requireLocalStack('ogi recover');
  const outcome = await recover({ bucket: process.env.OGI_BUCKET!, waitMs: wait * 1000 });
  const file = deadLetterFile(localDir());
  const letters = readDeadLetters(file);
  const open = new Set(outcome.notFinal);
  const kept = letters.filter((l) => uploadsOf(l.event).some((u) => open.has(u.source.key)));
  if (kept.length < letters.length) writeDeadLetters(file, kept);
  const summary = { ...outcome, deadLetters: { cleared: letters.length - kept.length, kept: kept.length } };
  if (values.json) console.log(JSON.stringify(summary, null, 2));
  else {
    console.log(
      `${outcome.objects} uploads, ${outcome.final} final, ${outcome.notFinal.length} not final; ` +
        `${outcome.redriven.length} announced again over ${outcome.passes} passes; ${summary.deadLetters.cleared} dead letters cleared`,
    );
    for (const key of outcome.notFinal.slice(0, 50))
      console.log(`  not final: ${key}${outcome.givenUp.includes(key) ? ' (attempts used up: see its reason in ogi reports)' : ''}`);
  }
  return outcome.notFinal.length > 0 ? 1 : 0;
}
