import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { localKeyProblem } from '../scripts/local/local-key';
import { INCOMING_PREFIX } from '../lambdas/ingest/s3-event';
import { getReportByContent, type ReportView } from '../lambdas/store';
import { readArgs } from './args';
import { listInputs } from './inputs';
import { requireLocalStack } from './local-stack';
import { summaryTable, type SummaryRow } from './summary-table';
import { progress } from './table';
import { UsageError } from './usage';

const POLL_MS = 200;
const WAIT_MS = 120_000;

const CMD = {
  usage: 'ogi upload <file|dir>...',
  help: `usage: ogi upload <file|dir>...

Uploads each report to incoming/ of the stack \`npm start\` runs (or the one OGI_TABLE, OGI_BUCKET
and AWS_ENDPOINT_URL_* name), waits until ingest has stored it and prints one line per file.
Bytes uploaded before (under any name) show as \`duplicate\` with the status of the first upload.

  -h, --help  this help

Exit code 1 when a file does not exist, ends rejected or failed, or no record was stored in 2 minutes;
2 on a bad command line.`,
};

/** `ogi upload FILE...`: uploads to `incoming/` of the running stack and waits until each is processed. */
export async function runUpload(args: string[]): Promise<number> {
  const { positionals } = readArgs(CMD, args, {});
  if (positionals.length === 0) throw new UsageError(CMD.usage, 'name at least one file or folder');
  const files = listInputs(positionals);
  requireLocalStack('ogi upload');
  const s3 = new S3Client({});
  try {
    const rows: SummaryRow[] = [];
    for (const [i, file] of files.entries()) {
      const key = INCOMING_PREFIX + path.basename(file);
      // Refused here, with its reason in the table, rather than sent to a store that cannot hold it.
      const refused = localKeyProblem(key);
      if (refused) {
        rows.push({ file: path.basename(file), refused });
        continue;
      }
      const body = readFileSync(file);
      const sha256 = createHash('sha256').update(body).digest('hex');
      // Known bytes: ingest resolves them to the first report (the new key is still recorded).
      const duplicate = finished(await getReportByContent(sha256)) !== undefined;
      await s3.send(new PutObjectCommand({ Bucket: process.env.OGI_BUCKET, Key: key, Body: body }));
      rows.push({ file: path.basename(file), report: await processed(sha256), duplicate });
      progress(i + 1, files.length, path.basename(file));
    }
    console.log(summaryTable(rows));
    return rows.every((r) => r.report?.status === 'parsed') ? 0 : 1;
  } finally {
    s3.destroy();
  }
}

const finished = (r: ReportView | undefined) => (r && r.status !== 'received' ? r : undefined);

/** The stored report of this content once ingest has finished with it (same bytes uploaded before: that report). */
async function processed(sha256: string): Promise<ReportView | undefined> {
  const deadline = Date.now() + WAIT_MS;
  while (Date.now() < deadline) {
    const r = finished(await getReportByContent(sha256));
    if (r) return r;
    await new Promise((res) => setTimeout(res, POLL_MS));
  }
  return undefined;
}
