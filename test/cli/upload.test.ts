import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { main } from '../../cli/main';
import { uploadNames } from '../../cli/upload';
import { startApiServer, type LocalApi } from '../../lambdas/api/local-server';
import { closeParseWorkers } from '../../lambdas/core/record/parse-isolated';
import { scanReports, type ReportView } from '../../lambdas/store';
import { startLocalStack, type LocalStack } from '../../local/stack';
import { reportHtml } from '../../local/synthetic-report';

/**
 * `ogi upload` against the local stack: same-named files in two folders stay two originals, each
 * record's views serve its own file; uploads go four at a time, ride out a DynamoDB outage with
 * backoff and end with a summary of what was stored, duplicate, rejected and not sent.
 */
const dir = mkdtempSync(path.join(tmpdir(), 'ogi-upload-'));
let stack: LocalStack;
let api: LocalApi;
beforeAll(async () => {
  // Data on disk (DynamoDB Local keeps it across the outage below); Lambda-like retries long enough to outlast it.
  stack = await startLocalStack({ dataDir: path.join(dir, 'local'), retryDelaysMs: [10_000, 20_000] });
  api = await startApiServer();
});
afterAll(async () => {
  await api?.close();
  await stack?.stop();
  await closeParseWorkers();
  rmSync(dir, { recursive: true, force: true });
});

const file = (rel: string, body: string | Buffer) => {
  const f = path.join(dir, rel);
  mkdirSync(path.dirname(f), { recursive: true });
  writeFileSync(f, body);
  return f;
};

async function ogi(...argv: string[]) {
  const out: string[] = [];
  const log = jest.spyOn(console, 'log').mockImplementation((...a) => void out.push(a.join(' ')));
  const err = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  try {
    return { code: await main(argv), stdout: out.join('\n') };
  } finally {
    log.mockRestore();
    err.mockRestore();
  }
}

const text = async (r: ReportView) =>
  ((await (await fetch(new URL(`/reports/${encodeURIComponent(r.id)}/text?at=0&len=3`, api.url))).json()) as { text: string }).text;
const byAgency = async (agency: string) => (await scanReports()).find((r) => r.agency === agency)!;

it('names uploads by their path from the folder the files share', () => {
  expect(uploadNames(['/a/d1/report.txt', '/a/d2/report.txt'])).toEqual(['d1/report.txt', 'd2/report.txt']);
  expect(uploadNames(['/a/d1/report.txt'])).toEqual(['report.txt']);
  expect(uploadNames(['/a/x.html', '/a/b/c/y.html'])).toEqual(['x.html', 'b/c/y.html']);
});

it('keeps both originals of the same file name in two folders; each record serves its own file', async () => {
  const res = await ogi('upload', file('d1/report.html', reportHtml('甲县财政局', 2024, 11)), file('d2/report.html', reportHtml('乙县财政局', 2024, 12)));
  expect(res.code).toBe(0);
  expect(res.stdout).toMatch(/d1\/report\.html\s+parsed\s+甲县财政局/);
  expect(res.stdout).toMatch(/d2\/report\.html\s+parsed\s+乙县财政局/);
  const [a, b] = [await byAgency('甲县财政局'), await byAgency('乙县财政局')];
  expect(a.source.key).not.toBe(b.source.key);
  expect(await text(a)).toContain('甲县财政局');
  expect(await text(b)).toContain('乙县财政局');
});

it('never replaces another file’s original: the same name later, with other bytes, gets " (2)"', async () => {
  expect((await ogi('upload', file('e1/annual.html', reportHtml('丙县财政局', 2024, 13)))).code).toBe(0);
  const res = await ogi('upload', file('e2/annual.html', reportHtml('丁县财政局', 2024, 14)));
  expect(res.code).toBe(0);
  expect(res.stdout).toMatch(/annual \(2\)\.html\s+parsed\s+丁县财政局/);
  expect(await text(await byAgency('丙县财政局'))).toContain('丙县财政局');
  expect(await text(await byAgency('丁县财政局'))).toContain('丁县财政局');
  // The same bytes again under their own name are the same upload: no third key.
  expect((await ogi('upload', file('e1/annual.html', reportHtml('丙县财政局', 2024, 13)))).stdout).toMatch(/annual\.html\s+duplicate \(parsed\)/);
});

it('uploads four at a time, rides out DynamoDB Local going down, and sums up what happened (exit 1 for a rejected file)', async () => {
  const files = Array.from({ length: 12 }, (_, i) => file(`batch/${String(i).padStart(2, '0')}.html`, reportHtml(`第${i}批次测试局`, 2025, 20 + i)));
  files.push(file('batch/empty.html', ''));
  // Count the PutObject requests in flight; the first few take DynamoDB Local down for a few seconds.
  let inFlight = 0;
  let most = 0;
  let puts = 0;
  const send = S3Client.prototype.send;
  const spy = jest.spyOn(S3Client.prototype, 'send').mockImplementation(async function (this: S3Client, command: unknown, ...rest: unknown[]) {
    if (!(command instanceof PutObjectCommand)) return (send as (...a: unknown[]) => Promise<unknown>).call(this, command, ...rest);
    most = Math.max(most, ++inFlight);
    if (++puts === 3) void stack.dynamodbLocal.stop().then(() => new Promise((r) => setTimeout(r, 3000)).then(() => stack.dynamodbLocal.start()));
    try {
      return await (send as (...a: unknown[]) => Promise<unknown>).call(this, command, ...rest);
    } finally {
      inFlight--;
    }
  } as never);
  let res;
  try {
    res = await ogi('upload', ...files);
  } finally {
    spy.mockRestore();
  }
  expect(res.code).toBe(1);
  expect(most).toBeGreaterThan(1);
  expect(most).toBeLessThanOrEqual(4);
  expect(res.stdout).toMatch(/13 files: 12 stored parsed, 1 rejected, 0 failed, 0 duplicate, 0 sent but not stored in 2 min, 0 not sent, 0 refused/);
}, 300_000);
