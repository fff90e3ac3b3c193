import { fork, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { RejectedInput } from '../core/errors';
import { rejectedReport } from '../core/record/empty-report';
import type { ParseOptions } from '../core/record/options';
import type { ParseInput } from '../core/record/parse-report';
import type { Report } from '../core/types';

/** The worker as the Lambda bundle ships it (next to the handler), else from source through tsx. */
const BUNDLED_WORKER = path.join(__dirname, 'ocr-worker.js');
const SOURCE_WORKER = path.join(__dirname, 'ocr-worker.ts');

export interface OcrBounds {
  /** Wall-clock deadline of the whole scan, after which its process is killed. Default 10 min. */
  timeoutMs?: number;
  /** Resident memory of the OCR process (onnxruntime's native buffers included), MB. Default 1,536. */
  maxRssMb?: number;
}

/**
 * `parseReport` with OCR on, in a child process of its own for each scan: a fresh process, so memory never
 * accumulates over scans, and one whose resident memory and time are watched from outside (onnxruntime allocates
 * outside V8's heap, where no heap limit reaches). A scan that hits a bound is `rejected` naming it.
 */
export async function parseScanIsolated(input: ParseInput, options: ParseOptions & OcrBounds = {}): Promise<Report> {
  const { timeoutMs = 10 * 60_000, maxRssMb = 1536, ...parse } = options;
  const child = existsSync(BUNDLED_WORKER)
    ? fork(BUNDLED_WORKER, [], { serialization: 'advanced' })
    : fork(SOURCE_WORKER, [], { execArgv: ['--import', 'tsx'], serialization: 'advanced' });
  try {
    return await new Promise<Report>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(bound(`Reading the scan took longer than the ${Math.round(timeoutMs / 1000)} s allowed`, 'P-TIME-LIMIT')),
        timeoutMs,
      );
      const watch = setInterval(() => {
        if (rssMb(child) > maxRssMb) reject(bound(`Reading the scan needed more than the ${maxRssMb} MB of memory allowed`, 'P-MEMORY-LIMIT'));
      }, 500);
      const done = () => {
        clearTimeout(timer);
        clearInterval(watch);
      };
      child.once('message', (m: { report?: Report; error?: string }) => {
        done();
        if (m.report) resolve(m.report);
        else reject(new Error(`OCR failed: ${m.error}`));
      });
      child.once('exit', (code, signal) => {
        done();
        reject(new Error(`The OCR process stopped unexpectedly (${signal ?? `exit code ${code}`})`));
      });
      child.send({ input, options: parse });
    });
  } catch (err) {
    if (err instanceof RejectedInput) return rejectedReport(input, err);
    throw err;
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
  }
}

const bound = (what: string, rule: string) => new RejectedInput(`${what}; it is too large or too complex to be an annual report.`, rule);

/** A child's resident set, MB, from /proc (0 where there is none: the bound is then the timeout alone). */
function rssMb(child: ChildProcess): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}
