import { reprocess } from '../lambdas/reprocess/reprocess';
import { readArgs } from './args';
import { requireLocalStack } from './local-stack';
import { UsageError } from './usage';

const CMD = {
  usage: 'ogi reprocess [--year N] [--agency A]',
  help: `usage: ogi reprocess [--year N] [--agency A]

Against the running stack, re-parses the stored originals of the reports an older parser read
(parserVersion below the current one): each is handed to ingest again under the same id, keeping
its reviews and slot history.

  --year N     only reports of this year
  --agency A   only reports of this agency
  -h, --help   this help`,
};

export async function runReprocess(args: string[]): Promise<number> {
  const { values, positionals } = readArgs(CMD, args, { year: { type: 'string' }, agency: { type: 'string' } });
  if (positionals.length > 0 || (values.year !== undefined && !/^\d{4}$/.test(values.year))) throw new UsageError(CMD.usage, 'the year is four digits');
  requireLocalStack('ogi reprocess');
  const sent = await reprocess({ bucket: process.env.OGI_BUCKET!, year: values.year === undefined ? undefined : Number(values.year), agency: values.agency });
  console.log(`${sent.length} reports parsed by an older parser sent to ingest again (same ids; \`ogi reports\` shows them as they finish)`);
  return 0;
}
