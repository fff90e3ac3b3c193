import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { INCOMING_PREFIX } from '../ingest/s3-event';
import { getReportByContent, type ReportView } from '../store';
import { localKeyProblem } from '../../scripts/local/local-key';
import { summaryTable, type SummaryRow } from '../../scripts/local/summary-table';
import { listInputs } from './inputs';
import { requireLocalStack } from './local-stack';
import { UsageError } from './usage';

const POLL_MS = 200;
const WAIT_MS = 120_000;

/** `ogi upload FILE...`: uploads to `incoming/` of the running stack and waits until each is processed. */
export async function runUpload(args: string[]): Promise<number> {
  const files = listInputs(args.filter((a) => !a.startsWith('--')));
  if (files.length === 0) throw new UsageError('ogi upload FILE... (against the stack `npm start` runs)');
  requireLocalStack('ogi upload');
  const s3 = new S3Client({});
  try {
    const rows: SummaryRow[] = [];
    for (const file of files) {
      const key = INCOMING_PREFIX + path.basename(file);
      // Refused here, with its reason in the table, rather than sent to a store that cannot hold it.
      const refused = localKeyProblem(key);
      if (refused) {
        rows.push({ file: path.basename(file), refused });
        continue;
      }
      const body = readFileSync(file);
      await s3.send(new PutObjectCommand({ Bucket: process.env.OGI_BUCKET, Key: key, Body: body }));
      rows.push({ file: path.basename(file), report: await processed(createHash('sha256').update(body).digest('hex')) });
    }
    console.log(summaryTable(rows));
    return rows.every((r) => r.report) ? 0 : 1;
  } finally {
    s3.destroy();
  }
}

/** The stored report of this content once ingest has finished with it (same bytes uploaded before: that report). */
async function processed(sha256: string): Promise<ReportView | undefined> {
  const deadline = Date.now() + WAIT_MS;
  while (Date.now() < deadline) {
    const r = await getReportByContent(sha256);
    if (r && r.status !== 'received') return r;
    await new Promise((res) => setTimeout(res, POLL_MS));
  }
  return undefined;
}
