import { parseArgs } from 'node:util';
import { reprocess } from '../lambdas/reprocess/reprocess';
import { requireLocalStack } from './local-stack';
import { UsageError } from './usage';

const USAGE = 'ogi reprocess [--year N] [--agency A]';

/** `ogi reprocess [--year N] [--agency A]`: re-parse, on the running stack, the reports an older parser stored. */
export async function runReprocess(args: string[]): Promise<number> {
  let values: { year?: string; agency?: string };
  try {
    ({ values } = parseArgs({ args, strict: true, options: { year: { type: 'string' }, agency: { type: 'string' } } }));
  } catch {
    throw new UsageError(USAGE);
  }
  const year = values.year === undefined ? undefined : Number(values.year);
  if (year !== undefined && !/^\d{4}$/.test(values.year!)) throw new UsageError(USAGE);
  requireLocalStack('ogi reprocess');
  const sent = await reprocess({ bucket: process.env.OGI_BUCKET!, year, agency: values.agency });
  console.log(`${sent.length} reports parsed by an older parser sent to ingest again (it re-parses them under the same ids; \`ogi reports\` shows them as they finish)`);
  return 0;
}
