/**
 * The worker side of `parseIsolated`: parses one input per message and posts the record back.
 * Runs as its own file (`parse-worker.js` next to the Lambda bundle, this file through tsx locally),
 * so a runaway parse can be terminated without taking its caller down.
 */
import { parentPort } from 'node:worker_threads';
import { parseReport, type ParseInput } from './parse-report';
import type { ParseOptions } from './options';

export interface ParseJob {
  input: ParseInput;
  options: ParseOptions;
}

// pdf.js settles some internal promises after a document is destroyed; one it leaves unobserved must not
// end the worker (Node's default for an unhandled rejection): the job's own promise decides its record.
process.on('unhandledRejection', () => undefined);

parentPort?.on('message', (job: ParseJob) => {
  parseReport(job.input, job.options).then(
    (report) => parentPort!.postMessage({ report }),
    (err: unknown) => parentPort!.postMessage({ error: err instanceof Error ? err.message : String(err) }),
  );
});
