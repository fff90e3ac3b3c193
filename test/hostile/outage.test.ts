import { PutObjectCommand } from '@aws-sdk/client-s3';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { main } from '../../cli/main';
import { closeParseWorkers } from '../../lambdas/core/record/parse-isolated';
import { createHandler } from '../../lambdas/ingest/handler';
import { reconcile } from '../../lambdas/reconcile/reconcile';
import { scanReports } from '../../lambdas/store';
import { deadLetterFile, readDeadLetters } from '../../local/dead-letters';
import { startLocalStack, type LocalStack } from '../../local/stack';
import { reportHtml } from '../../local/synthetic-report';

/**
 * The outage of issue 19: 200 uploads, DynamoDB Local killed after 40 invocations and started
 * again once every event has been handled or dead-lettered; then one recovery command (`ogi recover`):
 * every upload ends with exactly one final record. Dead letters outlive the process on disk.
 */
const N = 200;
const LEASE_MS = 3000;
let stack: LocalStack;
let dir: string;
let invocations = 0;
let outage: Promise<void> | undefined;
const ingest = createHandler({ leaseMs: LEASE_MS });

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'ogi-outage-'));
  stack = await startLocalStack({
    dataDir: dir,
    concurrency: 8,
    retryDelaysMs: [100, 300],
    handler: async (event) => {
      if (++invocations === 40) outage = stack.dynamodbLocal.stop();
      return ingest(event);
    },
  });
});
afterAll(async () => {
  delete process.env.OGI_LOCAL_DIR;
  await stack?.stop();
  await closeParseWorkers();
  rmSync(dir, { recursive: true, force: true });
});

/** `ogi ARGV` in this process, against the stack above, stdout captured. */
async function ogi(...argv: string[]) {
  const out: string[] = [];
  const log = jest.spyOn(console, 'log').mockImplementation((...a) => void out.push(a.join(' ')));
  try {
    return { code: await main(argv), stdout: out.join('\n') };
  } finally {
    log.mockRestore();
  }
}

const keyOf = (i: number) => `incoming/outage/${String(i).padStart(3, '0')}.html`;
/** Distinct agencies and figures: 200 different reports, each current in its own slot. */
const bodyOf = (i: number) => reportHtml(`第${i}号停机测试局`, 2031, 10 + i);

it('loses none of 200 uploads to an outage: after one `ogi recover` each has one final record', async () => {
  const settled = Array.from({ length: N }, (_, i) => stack.invoker.settledCount(keyOf(i)));
  for (let i = 0; i < N; i++) await stack.s3.send(new PutObjectCommand({ Bucket: stack.bucket, Key: keyOf(i), Body: bodyOf(i) }));
  await Promise.all(Array.from({ length: N }, (_, i) => stack.invoker.waitFor(keyOf(i), settled[i])));
  await outage;
  expect(stack.invoker.deadLetters.length).toBeGreaterThan(0);
  expect(readDeadLetters(deadLetterFile(dir)).length).toBe(stack.invoker.deadLetters.length);

  await stack.dynamodbLocal.start();
  // One command, straight away: it waits out the claims the outage left `received` (the lease
  // stored with each) and the uploads it announces again, until every upload is final.
  process.env.OGI_LOCAL_DIR = dir;
  const res = await ogi('recover', '--json', '--wait', '120');
  expect(res.code).toBe(0);
  const outcome = JSON.parse(res.stdout);
  expect(outcome).toMatchObject({ objects: N, final: N, notFinal: [], deadLetters: { kept: 0 } });
  expect(outcome.redriven.length).toBeGreaterThan(0);
  expect(outcome.deadLetters.cleared).toBe(stack.invoker.deadLetters.length);
  expect(readDeadLetters(deadLetterFile(dir))).toEqual([]);

  const reports = (await scanReports()).filter((r) => r.source.key.startsWith('incoming/outage/'));
  expect(reports).toHaveLength(N);
  expect(new Set(reports.map((r) => r.sha256)).size).toBe(N);
  expect(reports.filter((r) => r.status !== 'parsed')).toEqual([]);
  // Nothing left to do: a second pass finds every upload final.
  expect(await reconcile({ bucket: stack.bucket, graceMs: 0, leaseMs: LEASE_MS })).toMatchObject({ objects: N, final: N, redriven: [] });
}, 600_000);
