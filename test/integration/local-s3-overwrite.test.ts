import { GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startLocalStack, type LocalStack } from '../../local/stack';

/**
 * S3 replaces an object whole and reads it after a write: the local store must do the same, or the
 * API reading a record while a re-decision rewrites it (the same key) gets half a JSON body.
 */
const KEY = 'records/overwritten.json';
const versions = Array.from({ length: 6 }, (_, i) => JSON.stringify({ version: i, text: '政府信息公开'.repeat(20_000 + i * 7_001) }));

let stack: LocalStack;
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'ogi-overwrite-'));
beforeAll(async () => {
  stack = await startLocalStack({ dataDir });
});
afterAll(async () => {
  await stack?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

const put = (body: string) => stack.s3.send(new PutObjectCommand({ Bucket: stack.bucket, Key: KEY, Body: body, ContentType: 'application/json' }));
const get = async () => (await stack.s3.send(new GetObjectCommand({ Bucket: stack.bucket, Key: KEY }))).Body!.transformToString('utf-8');

it('reads the version just written, and a whole version while the object is being replaced', async () => {
  await put(versions[0]);
  let writing = true;
  const stale: number[] = [];
  const writer = (async () => {
    for (let round = 0; round < 4; round++)
      for (const [i, v] of versions.entries()) {
        await put(v);
        if ((await get()) !== v) stale.push(i);
      }
    writing = false;
  })();
  const reads: string[] = [];
  const reader = async () => {
    while (writing) reads.push(await get());
  };
  await Promise.all([writer, reader(), reader(), reader()]);
  expect(stale).toEqual([]);
  expect(reads.length).toBeGreaterThan(24);
  expect(reads.filter((r) => !versions.includes(r)).map((r) => r.length)).toEqual([]);
  // Every write was renamed into place: nothing is left staged beside the bucket.
  expect(readdirSync(path.join(dataDir, 's3.partial'))).toEqual([]);
}, 120_000);
