/**
 * Many uploads through the pipeline on one machine, shared by the end-to-end and load benches:
 * a fresh local stack (DynamoDB Local + s3rver + the real ingest handler), synthetic reports
 * uploaded `inFlight` at a time, each timed from its PutObject until its event has been handled
 * (the record stored), then the table counted.
 */
import { createHash } from 'node:crypto';
import { scanReports } from '../lambdas/store';
import { startLocalStack } from '../local/stack';
import { reportHtml } from '../local/synthetic-report';

export interface UploadRunOptions {
  uploads: number;
  /** Uploads waiting for their record at once (the clients). */
  inFlight: number;
  /** Handler invocations at once (the function's reserved concurrency). */
  concurrency: number;
}

export interface UploadRun {
  seconds: number;
  /** Per upload, ms: PutObject sent → its record stored. */
  latenciesMs: number[];
  /** Uploads whose content has exactly one report item, parsed or rejected. */
  stored: number;
  /** Uploads with no finished report item: neither stored nor duplicated. */
  lost: number;
  /** Uploads whose content has more than one report item. */
  duplicated: number;
  deadLetters: number;
}

const sha = (s: string) => createHash('sha256').update(s).digest('hex');

export async function uploadOnLocalStack(opts: UploadRunOptions): Promise<UploadRun> {
  process.env.POWERTOOLS_LOG_LEVEL = 'WARN';
  const stack = await startLocalStack({ concurrency: opts.concurrency });
  try {
    // Distinct agencies and numbers: every upload is new content with its own record.
    const bodies = Array.from({ length: opts.uploads }, (_, i) => reportHtml(`基准${i}`, 2031, i));
    const latenciesMs: number[] = [];
    const started = performance.now();
    let next = 0;
    const client = async () => {
      for (let i = next++; i < opts.uploads; i = next++) {
        const t = performance.now();
        await stack.upload(`incoming/bench/${i}.html`, bodies[i]);
        latenciesMs.push(performance.now() - t);
      }
    };
    await Promise.all(Array.from({ length: opts.inFlight }, client));
    const seconds = (performance.now() - started) / 1000;

    const finished = new Map<string, number>();
    for (const r of await scanReports()) if (r.status === 'parsed' || r.status === 'rejected') finished.set(r.sha256, (finished.get(r.sha256) ?? 0) + 1);
    const counts = bodies.map((b) => finished.get(sha(b)) ?? 0);
    return {
      seconds,
      latenciesMs,
      stored: counts.filter((n) => n === 1).length,
      lost: counts.filter((n) => n === 0).length,
      duplicated: counts.filter((n) => n > 1).length,
      deadLetters: stack.invoker.deadLetters.length,
    };
  } finally {
    await stack.stop();
  }
}
