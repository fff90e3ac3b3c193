import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { GetObjectCommand, HeadObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { INCOMING_PREFIX } from '../lambdas/ingest/s3-event';
import { getReportByContent, type ReportView } from '../lambdas/store';
import { localKeyProblem } from '../local/local-key';
import { summaryTable, type SummaryRow } from '../local/summary-table';
import { progress } from '../local/table';
import { inputsArg, readArgs } from './args';
import { requireLocalStack } from './local-stack';
import { UsageError } from './usage';

const POLL_MS = 200;
const WAIT_MS = 120_000;
/** Files in flight at once: enough to keep the stack's four handlers busy, few enough not to flood it. */
const AT_ONCE = 4;
/** Pauses between tries of one request, about 30 s in all: rides out a stack (or DynamoDB Local) restarting. */
const RETRY_DELAYS_MS = [250, 500, 1000, 2000, 4000, 8000, 8000, 8000];
/** The content hash kept on each upload, so a later upload under the same key can tell whether it is the same file. */
const SHA_META = 'ogi-sha256';

const CMD = {
  usage: 'ogi upload <file|dir>...',
  help: `usage: ogi upload <file|dir>...

Uploads each report to incoming/ of the stack \`npm start\` runs (or the one OGI_TABLE, OGI_BUCKET
and AWS_ENDPOINT_URL_* name), ${AT_ONCE} at a time, waits until ingest has stored each and prints one
line per file, then what was stored, duplicate, rejected and not sent. Files keep their folders
under incoming/ (d1/report.txt and d2/report.txt are two uploads), and an upload never replaces
another file's original: a name taken by other bytes gets " (2)". A request that fails is tried
again with backoff for about 30 s (a stack restarting). Bytes uploaded before (under any name)
show as \`duplicate\` with the status of the first upload.

  -h, --help  this help

Exit code 1 when a file does not exist, ends rejected or failed, was refused or not sent, or no
record was stored in 2 minutes; 2 on a bad command line.`,
};

/** `ogi upload FILE...`: uploads to `incoming/` of the running stack and waits until each is processed. */
export async function runUpload(args: string[]): Promise<number> {
  const { positionals } = readArgs(CMD, args, {});
  if (positionals.length === 0) throw new UsageError(CMD.usage, 'name at least one file or folder');
  const files = inputsArg(positionals);
  requireLocalStack('ogi upload');
  const s3 = new S3Client({});
  try {
    const names = uploadNames(files);
    const rows: SummaryRow[] = new Array(files.length);
    let done = 0;
    let next = 0;
    const worker = async () => {
      for (let i = next++; i < files.length; i = next++) {
        rows[i] = await uploadOne(s3, files[i], names[i]);
        progress(++done, files.length, names[i]);
      }
    };
    await Promise.all(Array.from({ length: Math.min(AT_ONCE, files.length) }, worker));
    console.log(summaryTable(rows));
    console.log(`\n${tally(rows)}`);
    return rows.every((r) => r.report?.status === 'parsed') ? 0 : 1;
  } finally {
    s3.destroy();
  }
}

/**
 * Each file's name under incoming/: its path from the folder all the named files share, so files of
 * the same name in two folders stay two uploads (one file alone: its name).
 */
export function uploadNames(files: string[]): string[] {
  const parts = files.map((f) => path.resolve(f).split(path.sep));
  // How many leading folders every file shares (a file's own name never counts).
  let common = parts[0].length - 1;
  for (const p of parts) {
    let i = 0;
    while (i < common && i < p.length - 1 && p[i] === parts[0][i]) i++;
    common = i;
  }
  return parts.map((p) => p.slice(common).join('/'));
}

async function uploadOne(s3: S3Client, file: string, name: string): Promise<SummaryRow> {
  // Refused here, with its reason in the table, rather than sent to a store that cannot hold it.
  const refused = localKeyProblem(INCOMING_PREFIX + name);
  if (refused) return { file: name, refused };
  const body = readFileSync(file);
  const sha256 = createHash('sha256').update(body).digest('hex');
  let key: string;
  try {
    key = await freeKey(s3, name, sha256);
  } catch (err) {
    return { file: name, notSent: reason(err) };
  }
  const shown = key.slice(INCOMING_PREFIX.length);
  const renamed = localKeyProblem(key);
  if (renamed) return { file: shown, refused: renamed };
  try {
    // Known bytes: ingest resolves them to the first report (the new key is still recorded).
    const duplicate = finished(await retrying(() => getReportByContent(sha256))) !== undefined;
    await retrying(() => s3.send(new PutObjectCommand({ Bucket: process.env.OGI_BUCKET, Key: key, Body: body, Metadata: { [SHA_META]: sha256 } })));
    return { file: shown, report: await processed(sha256), duplicate };
  } catch (err) {
    return { file: shown, notSent: reason(err) };
  }
}

/**
 * `incoming/<name>`, or `<name> (2)` … when that key holds other bytes already: an upload never
 * replaces another file's original (the local store keeps one version of a key).
 */
async function freeKey(s3: S3Client, name: string, sha256: string): Promise<string> {
  const ext = path.posix.extname(name);
  const stem = name.slice(0, name.length - ext.length);
  for (let n = 1; ; n++) {
    const key = `${INCOMING_PREFIX}${n === 1 ? name : `${stem} (${n})${ext}`}`;
    const held = await retrying(() => heldSha(s3, key));
    if (held === undefined || held === sha256) return key;
  }
}

/** The content hash of the object at `key` (from its metadata, else its bytes), or undefined when there is none. */
async function heldSha(s3: S3Client, key: string): Promise<string | undefined> {
  const head = await s3.send(new HeadObjectCommand({ Bucket: process.env.OGI_BUCKET, Key: key })).catch((err) => {
    if (err?.$metadata?.httpStatusCode === 404 || err?.name === 'NotFound' || err?.name === 'NoSuchKey') return undefined;
    throw err;
  });
  if (!head) return undefined;
  if (head.Metadata?.[SHA_META]) return head.Metadata[SHA_META];
  const res = await s3.send(new GetObjectCommand({ Bucket: process.env.OGI_BUCKET, Key: key }));
  return createHash('sha256')
    .update(await res.Body!.transformToByteArray())
    .digest('hex');
}

/**
 * `fn`, tried again after a pause when it fails for a reason that may pass (a refused or reset
 * connection, a timeout, throttling, a 5xx); an answer that will not change (4xx) is thrown at once.
 */
async function retrying<T>(fn: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn();
    } catch (err) {
      const status = (err as { $metadata?: { httpStatusCode?: number } })?.$metadata?.httpStatusCode;
      const lasting = status !== undefined && status >= 400 && status < 500 && status !== 408 && status !== 429;
      if (lasting || attempt >= RETRY_DELAYS_MS.length) throw err;
      await new Promise((r) => setTimeout(r, RETRY_DELAYS_MS[attempt] * (0.75 + Math.random() / 2)));
    }
  }
}

const reason = (err: unknown) => (err instanceof Error ? `${err.name}: ${err.message}` : String(err));

const finished = (r: ReportView | undefined) => (r && r.status !== 'received' ? r : undefined);

/** The stored report of this content once ingest has finished with it (same bytes uploaded before: that report). */
async function processed(sha256: string): Promise<ReportView | undefined> {
  const deadline = Date.now() + WAIT_MS;
  while (Date.now() < deadline) {
    const r = finished(await retrying(() => getReportByContent(sha256)));
    if (r) return r;
    await new Promise((res) => setTimeout(res, POLL_MS));
  }
  return undefined;
}

/** The closing line: how many files ended how. */
function tally(rows: SummaryRow[]): string {
  const count = (p: (r: SummaryRow) => boolean) => rows.filter(p).length;
  const stored = (status: string) => count((r) => !r.duplicate && r.report?.status === status);
  return [
    `${rows.length} files: ${stored('parsed')} stored parsed`,
    `${stored('rejected')} rejected`,
    `${stored('failed')} failed`,
    `${count((r) => Boolean(r.duplicate && r.report))} duplicate`,
    `${count((r) => !r.report && !r.refused && !r.notSent)} sent but not stored in ${WAIT_MS / 60_000} min`,
    `${count((r) => Boolean(r.notSent))} not sent`,
    `${count((r) => Boolean(r.refused))} refused`,
  ].join(', ');
}
