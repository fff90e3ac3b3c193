import { existsSync } from 'node:fs';
import { cpus } from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { RejectedInput } from '../errors';
import type { Report } from '../types';
import { isolationLimits, type IsolationOptions, type ParseOptions } from './options';
import { rejectedReport } from './empty-report';
import type { ParseInput } from './parse-report';
import type { ParseJob } from './parse-worker';

/** The worker as the Lambda bundle ships it (built next to the handler by lib/lambda-defaults.ts). */
const BUNDLED_WORKER = path.join(__dirname, 'parse-worker.js');
/** The same worker from source, through tsx (npm start, the CLI, tests). */
const SOURCE_WORKER = path.join(__dirname, 'parse-worker.ts');

/** Parses at once: each may use `maxHeapMb`, so a burst of uploads cannot multiply it without end. */
const MAX_WORKERS = Math.max(1, Math.min(2, cpus().length));

/**
 * `parseReport` in a worker thread with a heap limit and a wall-clock deadline that terminates it:
 * a PDF bomb, a superlinear corner of the parser or a runaway allocation ends as a `rejected` record
 * naming the bound it hit, never as a dead process. Workers are reused while they behave.
 */
export async function parseIsolated(input: ParseInput, options: ParseOptions & IsolationOptions = {}): Promise<Report> {
  const bounds = isolationLimits(options);
  const worker = await pool.take(bounds.maxHeapMb);
  let healthy = false;
  try {
    const report = await runJob(worker, { input, options: parseOptions(options) }, bounds.timeoutMs);
    healthy = true;
    return report;
  } catch (err) {
    if (err instanceof RejectedInput) return rejectedReport(input, err);
    throw err;
  } finally {
    pool.give(worker, healthy);
  }
}

/** Ends the idle workers (tests, and a CLI run that wants to exit at once). */
export async function closeParseWorkers(): Promise<void> {
  await pool.close();
}

function parseOptions(o: ParseOptions & IsolationOptions): ParseOptions {
  const { timeoutMs: _t, maxHeapMb: _m, ...rest } = o;
  return rest;
}

function runJob(worker: PooledWorker, job: ParseJob, timeoutMs: number): Promise<Report> {
  return new Promise<Report>((resolve, reject) => {
    const done = () => {
      clearTimeout(timer);
      worker.thread.off('message', onMessage);
      worker.thread.off('error', onError);
      worker.thread.off('exit', onExit);
    };
    const onMessage = (m: { report?: Report; error?: string }) => {
      done();
      if (m.report) resolve(m.report);
      else reject(new Error(`The parser failed: ${m.error}`));
    };
    const onError = (err: Error & { code?: string }) => {
      done();
      reject(
        err.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? new RejectedInput(
              `Reading the file needed more than the ${worker.heapMb} MB of memory allowed for one report; it is too large or too complex to be an annual report.`,
              'P-MEMORY-LIMIT',
            )
          : err,
      );
    };
    const onExit = (code: number) => {
      done();
      reject(new Error(`The parser stopped unexpectedly (exit code ${code})`));
    };
    const timer = setTimeout(() => {
      done();
      reject(
        new RejectedInput(
          `Reading the file took longer than the ${Math.round(timeoutMs / 1000)} s allowed for one report; it is too large or too complex to be an annual report.`,
          'P-TIME-LIMIT',
        ),
      );
    }, timeoutMs);
    worker.thread.on('message', onMessage);
    worker.thread.once('error', onError);
    worker.thread.once('exit', onExit);
    worker.thread.postMessage(job);
  });
}

interface PooledWorker {
  thread: Worker;
  heapMb: number;
}

function spawn(heapMb: number): PooledWorker {
  const resourceLimits = { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: Math.min(64, Math.max(16, heapMb >> 4)) };
  const thread = existsSync(BUNDLED_WORKER)
    ? new Worker(BUNDLED_WORKER, { resourceLimits })
    : new Worker(`require(${JSON.stringify(require.resolve('tsx/cjs'))}); require(${JSON.stringify(SOURCE_WORKER)});`, { eval: true, resourceLimits });
  // An idle worker must not keep a CLI run alive; a busy one is referenced while it works.
  thread.unref();
  // A worker that dies between jobs is replaced at its next job; its error must not crash the caller.
  thread.on('error', () => undefined);
  return { thread, heapMb };
}

/** At most MAX_WORKERS parse at once; idle healthy workers wait for the next job, broken ones are terminated. */
class WorkerPool {
  private idle: PooledWorker[] = [];
  private busy = 0;
  private waiting: (() => void)[] = [];

  async take(heapMb: number): Promise<PooledWorker> {
    while (this.busy >= MAX_WORKERS) await new Promise<void>((r) => this.waiting.push(r));
    this.busy++;
    const reused = this.idle.findIndex((w) => w.heapMb === heapMb);
    const worker = reused >= 0 ? this.idle.splice(reused, 1)[0] : spawn(heapMb);
    worker.thread.ref();
    return worker;
  }

  give(worker: PooledWorker, healthy: boolean): void {
    this.busy--;
    if (healthy) {
      worker.thread.unref();
      this.idle.push(worker);
    } else void worker.thread.terminate();
    this.waiting.shift()?.();
  }

  async close(): Promise<void> {
    const idle = this.idle.splice(0);
    await Promise.all(idle.map((w) => w.thread.terminate()));
  }
}

const pool = new WorkerPool();
