import type { S3Event } from 'aws-lambda';
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import iconv from 'iconv-lite';
import { encodeKey } from '../../lambdas/ingest/s3-event';
import { BUNDLE_EXTERNALS } from '../../lib/lambda-defaults';
import { PARSE_WORKER_FILE, parseWorkerEsbuildArgs } from '../../lib/parse-worker-bundle';
import { baseSamples } from '../../scripts/generate/catalog';
import { setMetaCharset } from '../../scripts/generate/garble';
import { textOperatorBomb } from '../../scripts/hostile/bombs';
import { startLocalStack, type LocalStack } from '../../local/stack';

/**
 * The ingest handler as Lambda runs it: bundled by esbuild with the functions' settings
 * (lib/lambda-defaults.ts) plus the parse worker the CDK hook adds, in a folder with no
 * node_modules, run by plain node against the local stack. The worker thread must find its file:
 * without it the parse would fall back to loading the sources through tsx, which is not there.
 */
const ROOT = path.join(__dirname, '..', '..');
const ESBUILD = path.join(ROOT, 'node_modules', '.bin', 'esbuild');
const SAMPLE_PDF = path.join(ROOT, 'samples/pdf/gen-2021-pdf-cid.pdf');
const run = promisify(execFile);

let out: string;
let stack: LocalStack;

beforeAll(async () => {
  out = mkdtempSync(path.join(os.tmpdir(), 'ogi-bundle-'));
  const common = [
    '--bundle',
    '--platform=node',
    '--target=node20',
    '--format=cjs',
    '--minify',
    '--log-level=error',
    ...BUNDLE_EXTERNALS.map((m) => `--external:${m}`),
  ];
  execFileSync(ESBUILD, [
    path.join(ROOT, 'lambdas/ingest/handler.ts'),
    ...common,
    `--outfile=${path.join(out, 'index.js')}`,
    `--metafile=${path.join(out, 'meta.json')}`,
  ]);
  execFileSync(ESBUILD, [...parseWorkerEsbuildArgs(ROOT, out), `--metafile=${path.join(out, 'worker-meta.json')}`, '--log-level=error']);
  // A handler that never calls back (the invoker is not used): the bundled one is invoked by hand below.
  stack = await startLocalStack({ handler: async () => undefined });
}, 120_000);
afterAll(async () => {
  await stack?.stop();
  rmSync(out, { recursive: true, force: true });
});

const event = (key: string): S3Event =>
  ({
    Records: [
      {
        eventName: 'ObjectCreated:Put',
        eventTime: new Date().toISOString(),
        s3: { bucket: { name: stack.bucket }, object: { key: encodeKey(key), size: 0 } },
      },
    ],
  }) as unknown as S3Event;

it('leaves the parser to the worker: the handler bundles no PDF reader, decoder, HTML parser or API schemas', () => {
  const inputs = Object.keys((JSON.parse(readFileSync(path.join(out, 'meta.json'), 'utf8')) as { inputs: Record<string, unknown> }).inputs);
  expect(inputs.some((f) => f.includes('node_modules/@aws-sdk/client-s3/'))).toBe(true);
  expect(inputs.filter((f) => /node_modules\/(unpdf|iconv-lite|chardet|cheerio|opencc-js|zod)\//.test(f))).toEqual([]);
});

it('keeps the audit rules out of the handler: a summary at ingest needs only the keys they read (core/audit/rules/inputs.ts)', () => {
  const inputs = Object.keys((JSON.parse(readFileSync(path.join(out, 'meta.json'), 'utf8')) as { inputs: Record<string, unknown> }).inputs);
  expect(inputs).toContain('lambdas/core/audit/summarise.ts');
  expect(inputs.filter((f) => /core\/audit\/(rules\/x\d|audit-year)/.test(f))).toEqual([]);
});

it('leaves OCR to the OCR function: the parse worker bundles no image decoder or OCR reader (scans are read by `readScan` passed in)', () => {
  const inputs = Object.keys((JSON.parse(readFileSync(path.join(out, 'worker-meta.json'), 'utf8')) as { inputs: Record<string, unknown> }).inputs);
  expect(inputs).toContain('lambdas/core/record/parse-report.ts');
  expect(
    inputs.filter((f) => /node_modules\/(utif2|pngjs|jpeg-js|pako|onnxruntime-\w+)\/|core\/ocr\/(scan|engine|decode-image|read-page)\.ts/.test(f)),
  ).toEqual([]);
});

it('leaves the encoding tables the decoder never asks for out of the worker (lib/lambda-defaults.ts BUNDLE_EXTERNALS)', () => {
  const worker = readFileSync(path.join(out, PARSE_WORKER_FILE), 'utf8');
  for (const table of ['shiftjis', 'eucjp', 'cp949']) expect(worker).toContain(`require("./tables/${table}.json")`);
  expect(worker).not.toContain('require("./tables/cp936.json")');
});

it('parses a PDF and a GBK page that declares a Korean charset, and rejects a PDF bomb, in a worker thread from the bundle alone', async () => {
  const page = iconv.encode(setMetaCharset(baseSamples().find((s) => s.ext === 'html')!.content as string, 'euc-kr'), 'gbk');
  const uploads = {
    'incoming/bundle/report.pdf': readFileSync(SAMPLE_PDF),
    'incoming/bundle/report.html': page,
    'incoming/bundle/bomb.pdf': await textOperatorBomb(1100),
  };
  for (const [Key, Body] of Object.entries(uploads)) await stack.s3.send(new PutObjectCommand({ Bucket: stack.bucket, Key, Body }));
  const events = Object.keys(uploads).map(event);
  const script = `const { handler } = require('./index.js');
(async () => { const out = []; for (const e of ${JSON.stringify(events)}) out.push(...await handler(e)); console.log(JSON.stringify(out)); process.exit(0); })();`;
  const env = { ...process.env, POWERTOOLS_LOG_LEVEL: 'SILENT', NODE_PATH: '' };
  const { stdout } = await run(process.execPath, ['-e', script], { cwd: out, env, maxBuffer: 1 << 24 });
  const results = JSON.parse(stdout) as { status: string; key: string }[];
  expect(results.map((r) => [r.key, r.status])).toEqual([
    ['incoming/bundle/report.pdf', 'parsed'],
    ['incoming/bundle/report.html', 'parsed'],
    ['incoming/bundle/bomb.pdf', 'rejected'],
  ]);
}, 120_000);
