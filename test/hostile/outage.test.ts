import { PutObjectCommand } from '@aws-sdk/client-s3';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { closeParseWorkers } from '../../lambdas/core/record/parse-isolated';
import { createHandler } from '../../lambdas/ingest/handler';
import { reconcile } from '../../lambdas/reconcile/reconcile';
import { scanReports } from '../../lambdas/store';
import { deadLetterFile, readDeadLetters } from '../../local/dead-letters';
import { startLocalStack, type LocalStack } from '../../local/stack';
import { reportHtml } from '../../local/synthetic-report';

/**
 * The outage of issue 19: 200 uploads, DynamoDB Local killed after 40 invocations and started
 * again once every event has been handled or dead-lettered; then the reconciler: every upload ends
 * with exactly one final record. Dead letters outlive the process on disk.
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
  await stack?.stop();
  await closeParseWorkers();
  rmSync(dir, { recursive: true, force: true });
});

const keyOf = (i: number) => `incoming/outage/${String(i).padStart(3, '0')}.html`;
/** Distinct agencies and figures: 200 different reports, each current in its own slot. */
const bodyOf = (i: number) => reportHtml(`第${i}号停机测试局`, 2031, 10 + i);

it('loses none of 200 uploads to an outage: after reconcile each has one final record', async () => {
  const settled = Array.from({ length: N }, (_, i) => stack.invoker.settledCount(keyOf(i)));
  for (let i = 0; i < N; i++) await stack.s3.send(new PutObjectCommand({ Bucket: stack.bucket, Key: keyOf(i), Body: bodyOf(i) }));
  await Promise.all(Array.from({ length: N }, (_, i) => stack.invoker.waitFor(keyOf(i), settled[i])));
  await outage;
  expect(stack.invoker.deadLetters.length).toBeGreaterThan(0);
  expect(readDeadLetters(deadLetterFile(dir)).length).toBe(stack.invoker.deadLetters.length);

  await stack.dynamodbLocal.start();
  // Past the lease of any claim the outage left `received`.
  await new Promise((r) => setTimeout(r, LEASE_MS + 500));
  const before = Array.from({ length: N }, (_, i) => stack.invoker.settledCount(keyOf(i)));
  const outcome = await reconcile({ bucket: stack.bucket, graceMs: 0, leaseMs: LEASE_MS });
  expect(outcome.objects).toBe(N);
  expect(outcome.redriven.length).toBeGreaterThan(0);
  await Promise.all(outcome.redriven.map((key) => stack.invoker.waitFor(key, before[Number(key.match(/(\d{3})\.html$/)![1])])));

  const reports = (await scanReports()).filter((r) => r.source.key.startsWith('incoming/outage/'));
  expect(reports).toHaveLength(N);
  expect(new Set(reports.map((r) => r.sha256)).size).toBe(N);
  expect(reports.filter((r) => r.status !== 'parsed')).toEqual([]);
  // Nothing left to do: a second pass finds every upload final.
  expect(await reconcile({ bucket: stack.bucket, graceMs: 0, leaseMs: LEASE_MS })).toMatchObject({ objects: N, final: N, redriven: [] });
}, 600_000);
