import { GetObjectCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import type { S3Event } from 'aws-lambda';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { recordId } from '../../lambdas/ingest/record-id';
import { decodeKey } from '../../lambdas/ingest/s3-event';
import { getReport, scanReports } from '../../lambdas/store';
import { startLocalStack, type LocalStack } from '../../local/stack';
import { reportHtml } from '../../local/synthetic-report';
import { watchedIngest } from './watched-ingest';

/**
 * Faults on the local stack: S3 reads that fail, and DynamoDB Local stopped in the middle of a
 * batch and started again. Whatever fails must be retried into a record or end `failed` (and in
 * the dead-letter queue, from which a redrive finishes it): no upload lost, none stored twice.
 * DynamoDB Local keeps its data in a folder here, so a restart does not wipe the table.
 */
let stack: LocalStack;
let dir: string;
// A short claim lease: a claim whose outcome the outage hid (made, then neither stored nor marked
// failed) stays `received` until the lease ends, and a redelivery after it takes the report over.
const LEASE_MS = 3000;
let onInvoke: (() => void) | undefined;
/** `escaped`: errors that escaped the handler, i.e. invocations Lambda would retry. */
const { ingest, handler, escaped } = watchedIngest({ leaseMs: LEASE_MS }, () => onInvoke?.());

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'ogi-faults-'));
  stack = await startLocalStack({
    dataDir: dir,
    concurrency: 8,
    // Lambda's two async retries, shortened: the second comes after DynamoDB Local is back.
    retryDelaysMs: [500, 4000],
    handler,
  });
});
afterAll(async () => {
  await stack?.stop();
  rmSync(dir, { recursive: true, force: true });
});
afterEach(() => {
  jest.restoreAllMocks();
  escaped.length = 0;
  onInvoke = undefined;
});

const sha = (b: string) => createHash('sha256').update(b).digest('hex');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Makes the GetObject of `key` misbehave once: `fail` decides how. Every other S3 call goes through. */
function faultyGetOnce(key: string, fail: (real: () => Promise<unknown>) => Promise<unknown>) {
  const send = S3Client.prototype.send as (this: S3Client, command: unknown) => Promise<unknown>;
  let armed = true;
  return jest.spyOn(S3Client.prototype, 'send').mockImplementation(function (this: S3Client, command: unknown) {
    const real = () => send.call(this, command);
    if (armed && command instanceof GetObjectCommand && command.input.Key === key) {
      armed = false;
      return fail(real) as never;
    }
    return real() as never;
  } as never);
}

describe('an S3 read that fails once', () => {
  it('is retried by the async invocation and parsed, with no failed attempt recorded', async () => {
    const key = 'incoming/faults/s3-500.html';
    const body = reportHtml('读取失败测试局', 2024);
    const spy = faultyGetOnce(key, async () => {
      throw new S3ServiceException({
        name: 'InternalError',
        $fault: 'server',
        $metadata: { httpStatusCode: 500 },
        message: 'We encountered an internal error.',
      });
    });
    await stack.upload(key, body);
    expect(escaped).toEqual([expect.objectContaining({ name: 'InternalError' })]);
    expect(spy.mock.calls.filter(([c]) => c instanceof GetObjectCommand && c.input.Key === key)).toHaveLength(2);
    // The read comes before the claim: the failure left nothing in the table to clean up.
    expect(await getReport(recordId(key, sha(body)))).toMatchObject({ status: 'parsed', attempts: 1, agency: '读取失败测试局' });
    expect(stack.invoker.deadLetters).toEqual([]);
  });

  it('that breaks off in the middle of the body stores nothing partial, and the retry reads it whole', async () => {
    const key = 'incoming/faults/s3-reset.html';
    const body = reportHtml('连接中断测试局', 2024);
    faultyGetOnce(key, async (real) => {
      const res = (await real()) as { Body: Readable };
      const head = Buffer.from(body).subarray(0, 100);
      res.Body.destroy();
      return {
        ...res,
        Body: Readable.from(
          (async function* () {
            yield head;
            throw Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
          })(),
        ),
      };
    });
    await stack.upload(key, body);
    expect(escaped).toEqual([expect.objectContaining({ code: 'ECONNRESET' })]);
    const stored = await scanReports();
    expect(stored.filter((r) => r.source.key === key).map((r) => [r.sha256, r.status])).toEqual([[sha(body), 'parsed']]);
    expect(stack.invoker.deadLetters).toEqual([]);
  });
});

describe('DynamoDB Local stopped in the middle of a batch, then started again', () => {
  const N = 40;
  const keyOf = (i: number) => `incoming/faults/batch/${i}.html`;
  // Distinct agencies so that every report is current in its own slot.
  const bodies = Array.from({ length: N }, (_, i) => reportHtml(`${'甲乙丙丁戊己庚辛'[i % 8]}${'东南西北中'[Math.floor(i / 8)]}故障测试局`, 2032));

  it('loses no upload and stores none twice: each is parsed or dead-lettered, and a redrive parses the rest', async () => {
    let invocations = 0;
    let outage: Promise<void> | undefined;
    onInvoke = () => {
      // A quarter into the batch: some reports are stored, some in flight, most not yet read.
      if (++invocations === N / 4)
        outage = (async () => {
          await stack.dynamodbLocal.stop();
          await sleep(1000);
          await stack.dynamodbLocal.start();
        })();
    };
    await Promise.all(bodies.map((b, i) => stack.upload(keyOf(i), b)));
    await outage;
    expect(escaped.length).toBeGreaterThan(0); // the outage did hit the batch

    const byUpload = async () => {
      const all = await scanReports();
      return bodies.map((b) => all.filter((r) => r.sha256 === sha(b)));
    };
    // Each upload is accounted for: parsed, or in the dead-letter queue for an operator to redrive,
    // with its report marked failed (the claim was made), absent (every attempt failed before it), or
    // still `received` (the claim reached the table but its answer or the failure mark was lost to the
    // outage; its lease lets the redrive take it over).
    const deadKeys = new Set(stack.invoker.deadLetters.flatMap((d) => d.event.Records.map((r) => decodeKey(r.s3.object.key))));
    const outcome = (await byUpload()).map((records, i) =>
      records.length === 1 && records[0].status === 'parsed'
        ? 'parsed'
        : `${records.map((r) => r.status).join('+') || 'none'}${deadKeys.has(keyOf(i)) ? ' in DLQ' : ''}`,
    );
    for (const o of outcome) expect(['parsed', 'failed in DLQ', 'none in DLQ', 'received in DLQ']).toContain(o);

    await sleep(LEASE_MS + 500);
    for (const { event } of stack.invoker.deadLetters.splice(0)) await ingest(event as S3Event);
    const after = await byUpload();
    expect(after.map((records) => records.map((r) => r.status))).toEqual(bodies.map(() => ['parsed']));
    expect(new Set(after.flat().map((r) => r.id)).size).toBe(N);
  });
});
