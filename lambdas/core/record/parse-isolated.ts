import { existsSync } from 'node:fs';
import { cpus } from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { RejectedInput } from '../errors';
import { sniffKind } from '../sniff/input-kind';
import type { Report } from '../types';
import { isolationLimits, type IsolationOptions, type ParseOptions } from './options';
import { rejectedReport } from './empty-report';
import type { ParseInput } from './parse-report';
import type { ParseJob } from './parse-worker';

/** The worker as the Lambda bundle ships it (built next to the handler by lib/lambda-defaults.ts). */
const BUNDLED_WORKER = path.join(__dirname, 'parse-worker.js');
/** The same worker from source, through tsx (npm start, the CLI, tests). */
const SOURCE_WORKER = path.join(__dirname, 'parse-worker.ts');

/** Parses at once, at most: one per core. */
const MAX_WORKERS = Math.max(1, Math.min(2, cpus().length));
const MB = 1024 * 1024;

/**
 * The whole process's memory, MB: `OGI_MEMORY_MB`, or the Lambda function's size
 * (`AWS_LAMBDA_FUNCTION_MEMORY_SIZE`), or 1 GB. What the workers may use together is this less what
 * the process needs besides them (the handler, the SDK, locally the stack): its RSS whenever no
 * parse runs, at least PROCESS_OWN_MB.
 */
const processMemoryMb = () => Number(process.env.OGI_MEMORY_MB) || Number(process.env.AWS_LAMBDA_FUNCTION_MEMORY_SIZE) || 1024;
const PROCESS_OWN_MB = 256;
/** Past this share of the process's memory (its RSS, worker threads included) the largest parse is ended. */
const RSS_ALARM = 0.94;
const RSS_CHECK_MS = 50;
/** An idle worker is counted at this much: its heap keeps what its last parse left until V8 collects it. */
const IDLE_MB = 96;
/** Heap sizes of workers (V8 old generation, MB): a job gets the smallest that fits its input, so workers can be reused. */
const HEAP_CLASSES = [64, 128, 256, 512];

/**
 * The memory a parse of `input` may take: its heap by input kind and size (a PDF's pdf.js state; an
 * HTML page's tree and grids, a few tens of bytes per byte; text less), and beside the heap the
 * buffers that lie outside it (the bytes, pdf.js's and the content check's buffers).
 */
export function parseMemory(input: ParseInput, heapMb?: number): { heapMb: number; reserveMb: number } {
  const size = input.bytes.byteLength / MB;
  const kind = sniffKind(input.bytes, input.name).kind;
  const need = kind === 'pdf' ? 192 + 8 * size : kind === 'html' ? 96 + 40 * size : 64 + 16 * size;
  const heap = heapMb ?? HEAP_CLASSES.find((c) => c >= need) ?? HEAP_CLASSES[HEAP_CLASSES.length - 1];
  const outside = kind === 'pdf' ? 64 + 3 * size : 2 * size;
  return { heapMb: heap, reserveMb: Math.ceil(heap + 16 + outside) };
}

/**
 * `parseReport` in a worker thread with a heap limit and a wall-clock deadline that terminates it:
 * a PDF bomb, a superlinear corner of the parser or a runaway allocation ends as a `rejected` record
 * naming the bound it hit, never as a dead process. The workers share one memory budget: a parse
 * starts only when its reservation fits beside the others' (a large one waits, or runs alone), and
 * if the process's RSS still nears its limit (buffers no heap limit sees), the largest parse is
 * ended as a memory rejection. Workers are reused while they behave.
 */
export async function parseIsolated(input: ParseInput, options: ParseOptions & IsolationOptions = {}): Promise<Report> {
  const bounds = isolationLimits(options);
  const memory = parseMemory(input, options.maxHeapMb);
  const worker = await pool.take(memory.heapMb, memory.reserveMb);
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

/** What the parse workers hold now: parses running, MB they reserved, and the budget they share. */
export function parseLoad(): { busy: number; reservedMb: number; budgetMb: number } {
  return pool.load();
}

/** Ends the idle workers (tests, and a CLI run that wants to exit at once). */
export async function closeParseWorkers(): Promise<void> {
  await pool.close();
}

function parseOptions(o: ParseOptions & IsolationOptions): ParseOptions {
  const { timeoutMs: _t, maxHeapMb: _m, ...rest } = o;
  return rest;
}

const memoryRejection = (what: string) =>
  new RejectedInput(`Reading the file needed more than ${what}; it is too large or too complex to be an annual report.`, 'P-MEMORY-LIMIT');

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
      reject(err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? memoryRejection(`the ${worker.heapMb} MB of memory allowed for one report`) : err);
    };
    const onExit = (code: number) => {
      done();
      reject(
        worker.overMemory
          ? memoryRejection(`the memory this process has for reading reports (${processMemoryMb()} MB in all)`)
          : new Error(`The parser stopped unexpectedly (exit code ${code})`),
      );
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
  /** What the job it runs reserved of the budget (0 while idle). */
  reserveMb: number;
  /** Ended by the RSS watchdog: its job is a memory rejection. */
  overMemory?: boolean;
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
  return { thread, heapMb, reserveMb: 0 };
}

/**
 * At most MAX_WORKERS parse at once, within one memory budget (the process's less its own use):
 * the busy workers' reservations plus IDLE_MB per idle worker. A job that does not fit waits for
 * one to finish (idle workers are ended first to make room); one larger than the whole budget runs
 * alone. Broken workers are terminated; a watchdog ends the largest job if the RSS nears the limit.
 */
class WorkerPool {
  private idle: PooledWorker[] = [];
  private busy = new Set<PooledWorker>();
  private waiting: (() => void)[] = [];
  private watchdog: NodeJS.Timeout | undefined;

  /** The process's own memory, measured whenever no parse runs (idle workers counted at IDLE_MB). */
  private own = PROCESS_OWN_MB;

  private budget(): number {
    return processMemoryMb() - this.own;
  }

  private used(): number {
    return [...this.busy].reduce((n, w) => n + w.reserveMb, 0) + this.idle.length * IDLE_MB;
  }

  async take(heapMb: number, reserveMb: number): Promise<PooledWorker> {
    if (this.busy.size === 0) this.own = Math.max(PROCESS_OWN_MB, process.memoryUsage.rss() / MB - this.idle.length * IDLE_MB);
    const reusable = () => this.idle.some((w) => w.heapMb === heapMb);
    const fits = () => this.used() - (reusable() ? IDLE_MB : 0) + reserveMb <= this.budget();
    for (;;) {
      if (this.busy.size < MAX_WORKERS) {
        // Idle workers of other heaps are ended while the job does not fit beside them.
        for (let i = this.idle.findIndex((w) => w.heapMb !== heapMb); !fits() && i >= 0; i = this.idle.findIndex((w) => w.heapMb !== heapMb))
          void this.idle.splice(i, 1)[0].thread.terminate();
        if (fits() || this.busy.size === 0) break;
      }
      await new Promise<void>((r) => this.waiting.push(r));
    }
    const reused = this.idle.findIndex((w) => w.heapMb === heapMb);
    const worker = reused >= 0 ? this.idle.splice(reused, 1)[0] : spawn(heapMb);
    worker.reserveMb = reserveMb;
    this.busy.add(worker);
    worker.thread.ref();
    this.watch();
    return worker;
  }

  give(worker: PooledWorker, healthy: boolean): void {
    this.busy.delete(worker);
    worker.reserveMb = 0;
    if (healthy && !worker.overMemory) {
      worker.thread.unref();
      this.idle.push(worker);
      // Only idle workers can be ended here: with none left, running parses (or a process whose own RSS
      // already fills its memory) are over the budget by themselves, and the next take() waits on them.
      while (this.idle.length > 0 && (this.idle.length > MAX_WORKERS || this.used() > this.budget())) void this.idle.shift()!.thread.terminate();
    } else void worker.thread.terminate();
    if (this.busy.size === 0) this.unwatch();
    for (const w of this.waiting.splice(0)) w();
  }

  /**
   * While parses run: if the process nears its memory and the parses hold more than they reserved
   * (what pdf.js allocates outside its heap), the parse with the largest reservation is ended.
   */
  private watch(): void {
    this.watchdog ??= setInterval(() => {
      const rss = process.memoryUsage.rss() / MB;
      if (rss < RSS_ALARM * processMemoryMb() || rss - this.own - this.used() <= 0) return;
      const largest = [...this.busy].filter((w) => !w.overMemory).sort((a, b) => b.reserveMb - a.reserveMb)[0];
      if (!largest) return;
      largest.overMemory = true;
      void largest.thread.terminate();
    }, RSS_CHECK_MS).unref();
  }

  private unwatch(): void {
    clearInterval(this.watchdog);
    this.watchdog = undefined;
  }

  load(): { busy: number; reservedMb: number; budgetMb: number } {
    return { busy: this.busy.size, reservedMb: [...this.busy].reduce((n, w) => n + w.reserveMb, 0), budgetMb: this.budget() };
  }

  async close(): Promise<void> {
    const idle = this.idle.splice(0);
    await Promise.all(idle.map((w) => w.thread.terminate()));
  }
}

const pool = new WorkerPool();
