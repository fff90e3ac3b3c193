/**
 * The ingest function: its bundle (as CDK's esbuild settings in lib/lambda-defaults.ts build it,
 * with the parse worker's file beside it), its cold `require` time, and 1,000 uploads end to end on
 * the local emulators.
 */
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BUNDLE_EXTERNALS } from '../lib/lambda-defaults';
import { PARSE_WORKER_FILE, parseWorkerEsbuildArgs } from '../lib/parse-worker-bundle';
import { uploadOnLocalStack } from './local-uploads';
import { median, type BenchResult } from './result';

const ROOT = path.resolve(__dirname, '..');

async function bundle(dir: string): Promise<string> {
  const outfile = path.join(dir, 'index.js');
  await build({
    entryPoints: [path.join(ROOT, 'lambdas/ingest/handler.ts')],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    minify: true,
    external: BUNDLE_EXTERNALS,
    outfile,
    logLevel: 'error',
  });
  return outfile;
}

/** `require` of the bundle in a fresh node, from a folder without node_modules: what a cold start loads. */
function coldRequireMs(file: string): number {
  const runs = Array.from({ length: 5 }, () =>
    Number(
      execFileSync(process.execPath, ['-e', `const t=performance.now();require(${JSON.stringify(file)});process.stdout.write(String(performance.now()-t))`], {
        cwd: path.dirname(file),
        env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
      }),
    ),
  );
  return median(runs);
}

export async function run(): Promise<BenchResult[]> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ogi-bundle-'));
  try {
    const file = await bundle(dir);
    execFileSync(path.join(ROOT, 'node_modules', '.bin', 'esbuild'), [...parseWorkerEsbuildArgs(ROOT, dir), '--log-level=error']);
    // What the function ships and loads (source maps aside): the handler and the worker it starts.
    const bytes = statSync(file).size + statSync(path.join(dir, PARSE_WORKER_FILE)).size;
    const requireMs = coldRequireMs(file);
    const e2e = await uploadOnLocalStack({ uploads: 1000, inFlight: 32, concurrency: 8 });
    return [
      {
        name: 'ingest_bundle_bytes',
        value: bytes,
        unit: 'bytes',
        note: 'goal ≤ 3.5 MiB (3,670,016); esbuild minified, AWS SDK included; handler + parse worker',
      },
      { name: 'ingest_cold_require_ms', value: requireMs, unit: 'ms', note: 'goal ≤ 300 ms; median of 5 fresh node processes' },
      {
        name: 'e2e_1000_uploads_s',
        value: e2e.seconds,
        unit: 's',
        note: `goal ≤ 15 s; ${e2e.stored} records stored, ${e2e.lost} lost, ${e2e.duplicated} duplicated, ${e2e.deadLetters} dead letters; DynamoDB Local + s3rver, 8 concurrent invocations`,
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
