import { reconcile } from '../lambdas/reconcile/reconcile';
import { readArgs } from './args';
import { requireLocalStack } from './local-stack';
import { UsageError } from './usage';

const CMD = {
  usage: 'ogi reconcile [--grace SECONDS] [--json]',
  help: `usage: ogi reconcile [--grace SECONDS] [--json]

Against the running stack (npm start), announces again every upload under incoming/ that has no
final record (lost in an outage, failed, or stuck past its claim), as the scheduled reconciler does
in AWS; the stack's ingest handler then processes them. npm start runs it at start-up.

  --grace SECONDS  leave uploads younger than this to their own event (default 0)
  --json           print the outcome as JSON
  -h, --help       this help`,
};

export async function runReconcile(args: string[]): Promise<number> {
  const { values, positionals } = readArgs(CMD, args, { grace: { type: 'string' }, json: { type: 'boolean' } });
  const grace = Number(values.grace ?? 0);
  if (positionals.length > 0 || !Number.isFinite(grace) || grace < 0) throw new UsageError(CMD.usage, 'the grace is a number of seconds');
  requireLocalStack('ogi reconcile');
  const outcome = await reconcile({ bucket: process.env.OGI_BUCKET!, graceMs: grace * 1000 });
  console.log(
    values.json
      ? JSON.stringify(outcome, null, 2)
      : `${outcome.objects} uploads, ${outcome.final} with a final record, ${outcome.redriven.length} announced again, ${outcome.stale.length} not final after 15 min`,
  );
  return 0;
}
