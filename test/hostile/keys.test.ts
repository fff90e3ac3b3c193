import { GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { main } from '../../cli/main';
import { closeParseWorkers } from '../../lambdas/core/record/parse-isolated';
import { createHandler } from '../../lambdas/ingest/handler';
import { recordId } from '../../lambdas/ingest/record-id';
import { getReport, getReportByContent, recordKey } from '../../lambdas/store';
import { startLocalStack, type LocalStack } from '../../local/stack';
import { reportHtml } from '../../local/synthetic-report';

/**
 * Keys that broke the store: a key near S3's 1,024 bytes (the index keys must still fit), names
 * too long for the local file store, and `..` segments that resolved outside `incoming/`.
 */
let stack: LocalStack;
let dir: string;
const sha = (b: string | Uint8Array) => createHash('sha256').update(b).digest('hex');

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'ogi-keys-'));
  stack = await startLocalStack({ dataDir: dir, handler: createHandler(), retryDelaysMs: [10, 10] });
});
afterAll(async () => {
  await stack?.stop();
  await closeParseWorkers();
  rmSync(dir, { recursive: true, force: true });
});

it('bounds record ids: a long name keeps its start and a hash of the whole', () => {
  const long = `incoming/${'很长的文件名'.repeat(40)}.html`;
  const id = recordId(long, 'a'.repeat(64));
  expect([...id].length).toBeLessThanOrEqual(48 + 1 + 8 + 1 + 12);
  expect(id).toMatch(/^很长的文件名.*~[0-9a-f]{8}-aaaaaaaaaaaa$/);
  expect(recordId(`incoming/${'很长的文件名'.repeat(40)}x.html`, 'a'.repeat(64))).not.toBe(id);
});

it('ingests an upload whose key is ~1,000 bytes: the claim and every index key fit', async () => {
  const key = `incoming/${'目录/'.repeat(110)}${'名'.repeat(60)}.html`;
  expect(Buffer.byteLength(key)).toBeGreaterThan(950);
  const body = reportHtml('长键测试局', 2024);
  await stack.upload(key, body);
  expect(await getReport(recordId(key, sha(body)))).toMatchObject({ status: 'parsed', agency: '长键测试局', source: { key } });
  expect(stack.invoker.deadLetters).toEqual([]);
});

it('refuses, with a reason, a name too long for the local store, and the stack keeps serving', async () => {
  const key = `incoming/${'政府信息公开工作年度报告'.repeat(8)}.html`;
  await expect(stack.upload(key, 'x')).rejects.toThrow(/Name of 2\d\d bytes: the local store holds 233 at most/);
  // A client that sends it anyway gets S3's error, not a dead server.
  await expect(stack.s3.send(new PutObjectCommand({ Bucket: stack.bucket, Key: key, Body: 'x' }))).rejects.toMatchObject({ name: 'KeyTooLongError' });
  const body = reportHtml('长名之后测试局', 2024);
  await stack.upload('incoming/keys/after-long.html', body);
  expect((await getReportByContent(sha(body)))?.status).toBe('parsed');
});

it('refuses a key with a ".." segment: nothing is written outside incoming/', async () => {
  const body = reportHtml('覆盖测试局', 2024);
  await stack.upload('incoming/keys/victim.html', body);
  const victim = recordKey(recordId('incoming/keys/victim.html', sha(body)));
  const before = await (await stack.s3.send(new GetObjectCommand({ Bucket: stack.bucket, Key: victim }))).Body!.transformToString();
  const key = `incoming/../${victim}`;
  await expect(stack.upload(key, '{}')).rejects.toThrow(/"\.\." segment/);
  await expect(stack.s3.send(new PutObjectCommand({ Bucket: stack.bucket, Key: key, Body: '{}' }))).rejects.toMatchObject({ name: 'InvalidArgument' });
  const after = await (await stack.s3.send(new GetObjectCommand({ Bucket: stack.bucket, Key: victim }))).Body!.transformToString();
  expect(after).toBe(before);
});

it('ogi upload lists a file it cannot send as refused, with the reason, and exits 1', async () => {
  const file = path.join(dir, `${'政府信息公开工作年度报告'.repeat(6)}年度报告汇编.html`); // 239 bytes: a file name here, too long with s3rver's suffix
  writeFileSync(file, reportHtml('命令行长名测试局', 2024));
  const out: string[] = [];
  jest.spyOn(console, 'log').mockImplementation((...a) => void out.push(a.join(' ')));
  expect(await main(['upload', file])).toBe(1);
  jest.restoreAllMocks();
  expect(out.join('\n')).toMatch(/refused\s+Name of 239 bytes: the local store holds 233 at most/);
});
