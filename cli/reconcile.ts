import { parseArgs } from 'node:util';
import { reconcile } from '../lambdas/reconcile/reconcile';
import { requireLocalStack } from './local-stack';
import { UsageError } from './usage';

const USAGE = 'ogi reconcile [--grace SECONDS] [--json]';

/**
 * `ogi reconcile`: against the running stack, announces again every upload under `incoming/` that
 * has no final record (lost in an outage, failed, or stuck past its claim), as the scheduled
 * reconciler does in AWS; the stack's ingest handler then processes them. `npm start` runs it at start-up.
 */
export async function runReconcile(args: string[]): Promise<number> {
  let values: { grace?: string; json?: boolean };
  try {
    ({ values } = parseArgs({ args, strict: true, options: { grace: { type: 'string' }, json: { type: 'boolean' } } }));
  } catch {
    throw new UsageError(USAGE);
  }
  const grace = Number(values.grace ?? 0);
  if (!Number.isFinite(grace) || grace < 0) throw new UsageError(USAGE);
  requireLocalStack('ogi reconcile');
  const outcome = await reconcile({ bucket: process.env.OGI_BUCKET!, graceMs: grace * 1000 });
  console.log(
    values.json
      ? JSON.stringify(outcome, null, 2)
      : `${outcome.objects} uploads, ${outcome.final} with a final record, ${outcome.redriven.length} announced again, ${outcome.stale.length} not final after 15 min`,
  );
  return 0;
}
