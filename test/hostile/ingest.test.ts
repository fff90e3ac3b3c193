import { GetObjectCommand } from '@aws-sdk/client-s3';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { recordId } from '../../lambdas/ingest/record-id';
import { getRecordObject, getReport, type ReportView } from '../../lambdas/store';
import { startLocalStack, type LocalStack } from '../../local/stack';
import { reportHtml } from '../../local/synthetic-report';
import { makePdf } from '../pdf/make-pdf';
import { watchedIngest } from './watched-ingest';

/**
 * Hostile files through the real ingest handler on the local stack (DynamoDB Local + s3rver):
 * each one ends `parsed` or `rejected` with a reason, its original stays in S3 byte for byte,
 * nothing escapes the handler and nothing is dead-lettered. Big files are generated here, into a
 * temporary folder, never committed.
 */
const SAMPLE_PDF = path.join(__dirname, '../../samples/pdf/gen-2021-pdf-cid.pdf');

let stack: LocalStack;
let dir: string;
const { handler, escaped } = watchedIngest();

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'ogi-hostile-'));
  stack = await startLocalStack({ handler, retryDelaysMs: [10, 10] });
});
afterAll(async () => {
  await stack?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
/** A PDF with a user password (qpdf --encrypt u o 256, committed as a fixture). */
const encryptedPdf = () => readFileSync(path.join(__dirname, '../pdf/fixtures/encrypted.pdf'));

/** 500 pages of text, far over the 200-page limit. */
const manyPagePdf = () => Buffer.from(makePdf(Array.from({ length: 500 }, (_, i) => ({ text: [`Page ${i + 1}`] }))));

/** The synthetic report with its body wrapped in `depth` nested elements. */
const nested = (depth: number) =>
  reportHtml('深层嵌套测试局', 2024).replace(/<body>([\s\S]*)<\/body>/, (_, b) => `<body>${'<div>'.repeat(depth)}${b}${'</div>'.repeat(depth)}</body>`);

const SCRIPTED = reportHtml('脚本注入测试局', 2024)
  .replace('<h1>', '<script>alert("x")</script><img src=x onerror="alert(1)"><h1 onclick="alert(2)">')
  .replace('<p>无。</p>', '<p>详见<a href="javascript:alert(3)">附件</a><iframe src="javascript:alert(4)"></iframe></p>');

interface Case {
  name: string;
  key: string;
  body: () => Uint8Array;
  status: 'parsed' | 'rejected';
  /** What the rejection reason must say, when the cause is specific. */
  reason?: RegExp;
}

const cases: Case[] = [
  { name: 'empty', key: 'incoming/hostile/empty.html', body: () => Buffer.alloc(0), status: 'rejected', reason: /empty/i },
  { name: '1 byte', key: 'incoming/hostile/one.txt', body: () => Buffer.from([0x41]), status: 'rejected' },
  { name: 'binary noise', key: 'incoming/hostile/noise.html', body: () => randomBytes(256 * 1024), status: 'rejected' },
  {
    name: 'a PNG named .html',
    key: 'incoming/hostile/image.html',
    body: () => Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), randomBytes(4096)]),
    status: 'rejected',
    reason: /binary|PNG|image/i,
  },
  {
    name: 'a truncated PDF',
    key: 'incoming/hostile/truncated.pdf',
    body: () => {
      const pdf = readFileSync(SAMPLE_PDF);
      return pdf.subarray(0, pdf.length >> 1);
    },
    status: 'rejected',
    reason: /truncated|damaged/,
  },
  { name: 'an encrypted PDF', key: 'incoming/hostile/encrypted.pdf', body: encryptedPdf, status: 'rejected', reason: /encrypted/ },
  {
    name: 'a PDF with no text layer',
    key: 'incoming/hostile/scan.pdf',
    body: () => Buffer.from(makePdf([{ image: true }, { stream: '0.5 g 72 72 450 700 re f' }])),
    // Handed to OCR, which finds no scanned page (the image covers no page) or no text on it.
    status: 'rejected',
    reason: /no page image|no text/,
  },
  { name: 'a 500-page PDF', key: 'incoming/hostile/many-pages.pdf', body: manyPagePdf, status: 'rejected', reason: /\d{3} pages.*limit 200/ },
  { name: 'a 60 MB file', key: 'incoming/hostile/huge.html', body: () => randomBytes(60 * 1024 * 1024), status: 'rejected', reason: /limit/ },
  {
    name: 'a gzip bomb (20 MB of zeros, 20 KB packed)',
    key: 'incoming/hostile/bomb.html.gz',
    body: () => gzipSync(Buffer.alloc(20 * 1024 * 1024)),
    status: 'rejected',
  },
  { name: 'HTML 100 levels deep', key: 'incoming/hostile/deep.html', body: () => Buffer.from(nested(100)), status: 'parsed' },
  { name: 'HTML with scripts, event handlers, javascript: links', key: 'incoming/hostile/xss.html', body: () => Buffer.from(SCRIPTED), status: 'parsed' },
  { name: 'a 10 MB single-line text', key: 'incoming/hostile/line.txt', body: () => Buffer.alloc(10 * 1024 * 1024, '公开'), status: 'rejected' },
  {
    name: 'invalid UTF-8',
    key: 'incoming/hostile/invalid-utf8.txt',
    body: () =>
      Buffer.concat([Buffer.from('二〇二四年政府信息公开工作年度报告\n'), Buffer.from([0xc3, 0x28, 0xe2, 0x28, 0xa1, 0xf0, 0x28, 0x8c, 0xbc, 0xff, 0xfe])]),
    status: 'rejected',
  },
];

async function objectSha(key: string): Promise<string> {
  const res = await stack.s3.send(new GetObjectCommand({ Bucket: stack.bucket, Key: key }));
  return sha(await res.Body!.transformToByteArray());
}

/** Uploads through S3 (the event goes to the handler), then checks the invariants every hostile file must keep. */
async function ingestAndCheck(key: string, body: Uint8Array): Promise<ReportView> {
  const deadBefore = stack.invoker.deadLetters.length;
  await stack.upload(key, body);
  const stored = await getReport(recordId(key, sha(body)));
  expect(stored).toBeDefined();
  expect(['parsed', 'rejected']).toContain(stored!.status);
  expect(stored!.attempts).toBe(1);
  expect(stored!.source.key).toBe(key);
  expect(await objectSha(key)).toBe(sha(body));
  expect(escaped).toEqual([]);
  expect(stack.invoker.deadLetters.length).toBe(deadBefore);
  return stored!;
}

describe('hostile files through S3 → ingest handler → store', () => {
  it.each(cases)('$name ends $status', async ({ key, body, status, reason }) => {
    const stored = await ingestAndCheck(key, body());
    expect(stored.status).toBe(status);
    if (status === 'rejected') {
      expect(stored.reason).toEqual(expect.any(String));
      if (reason) expect(stored.reason).toMatch(reason);
    }
  });

  it('keeps no script, handler or javascript: URL anywhere in the stored record', async () => {
    const stored = (await getReport(recordId('incoming/hostile/xss.html', sha(Buffer.from(SCRIPTED)))))!;
    expect(stored.agency).toBe('脚本注入测试局');
    const record = JSON.stringify(await getRecordObject(stack.bucket, stored.recordKey!));
    expect(record).toContain('详见');
    expect(record).not.toMatch(/alert|javascript:|onerror|onclick|<script|<iframe/i);
  });

  it('parses a UTF-8 report with one invalid byte and flags it', async () => {
    const body = Buffer.from(reportHtml('坏字节测试局', 2024).replace('本年主动公开政府信息', '本年主动公开#政府信息'));
    body[body.indexOf('#')] = 0xff;
    const stored = await ingestAndCheck('incoming/hostile/one-bad-byte.html', body);
    expect(stored).toMatchObject({ status: 'parsed', agency: '坏字节测试局' });
    const record = await getRecordObject(stack.bucket, stored.recordKey!);
    // Repaired or only flagged, the damage shows as an encoding (S13) finding.
    expect(record.findings.map((f) => f.rule)).toContainEqual(expect.stringMatching(/^S13-(damage|repaired)$/));
  });

  it('round-trips a key with spaces, +, % and Chinese through S3 event encoding', async () => {
    const key = 'incoming/hostile/某市 2024年 年报+附件 100%完成 (终稿).html';
    const body = Buffer.from(reportHtml('编码测试局', 2024));
    const stored = await ingestAndCheck(key, body);
    expect(stored).toMatchObject({ status: 'parsed', agency: '编码测试局', year: 2024, source: { bucket: stack.bucket, key } });
    expect(stored.id).toMatch(/^某市-2024年-年报\+附件-100-完成-\(终稿\)-[0-9a-f]{12}$/);
  });
});
