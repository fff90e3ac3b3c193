/**
 * The child process side of `parseScanIsolated`: parses one scan with the OCR reader, posts the record back and exits, so
 * whatever onnxruntime and the page buffers took is returned to the system with the process.
 */
import { readScan } from '../core/ocr/scan';
import { parseReport, type ParseInput } from '../core/record/parse-report';
import type { ParseOptions } from '../core/record/options';

export interface OcrJob {
  input: ParseInput;
  options: ParseOptions;
}

process.on('unhandledRejection', () => undefined);

process.once('message', (job: OcrJob) => {
  const input = { ...job.input, bytes: new Uint8Array(job.input.bytes) };
  parseReport(input, { ...job.options, ocr: readScan }).then(
    (report) => process.send!({ report }, () => process.exit(0)),
    (err: unknown) => process.send!({ error: err instanceof Error ? err.message : String(err) }, () => process.exit(0)),
  );
});
