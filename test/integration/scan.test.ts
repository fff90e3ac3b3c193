import { Metrics } from '@aws-lambda-powertools/metrics';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { recordId } from '../../lambdas/ingest/record-id';
import type { OcrEvent } from '../../lambdas/ingest/request-ocr';
import { handler as ocrHandler } from '../../lambdas/ocr/handler';
import { getRecordObject, getReport, listFindings, type ReportView } from '../../lambdas/store';
import { startLocalStack, type LocalStack } from '../../local/stack';
import { SAMPLE_SCAN } from '../../scripts/generate/render-scan';

/**
 * A scanned upload through the local stack as in AWS: S3 event → ingest (sees no text layer, marks the report `ocr`,
 * invokes the OCR function through the Lambda API) → the OCR handler (a child process of its own reads the scan) →
 * the parsed record, its findings and its evidence stored. The sample is the one `npm start` ingests.
 */
const dir = path.join(__dirname, '..', '..', 'samples', 'scan');
const bytes = readFileSync(path.join(dir, `${SAMPLE_SCAN}.pdf`));
const labels = JSON.parse(readFileSync(path.join(dir, `${SAMPLE_SCAN}.labels.json`), 'utf8')) as {
  agency: string;
  year: number;
  values: Record<string, number>;
};

let stack: LocalStack;
/** The report as stored when the OCR function was handed it. */
let handedOver: ReportView | undefined;

beforeAll(async () => {
  stack = await startLocalStack({
    retryDelaysMs: [10, 10],
    ocr: async (e: OcrEvent) => {
      handedOver ??= await getReport(e.id);
      return ocrHandler(e);
    },
  });
});
afterAll(() => stack?.stop());

it('reads a scanned PDF upload into a parsed record with its findings: the report waits as `ocr`, every stored value is the printed one', async () => {
  const key = `incoming/${SAMPLE_SCAN}.pdf`;
  const added: [string, number][] = [];
  jest.spyOn(Metrics.prototype, 'addMetric').mockImplementation(function (this: Metrics, name: string, _unit: unknown, value: number) {
    added.push([name, value]);
    return this;
  });
  await stack.upload(key, bytes);
  jest.restoreAllMocks();
  const id = recordId(key, createHash('sha256').update(bytes).digest('hex'));
  expect(handedOver).toMatchObject({ id, status: 'ocr' });

  const stored = (await getReport(id))!;
  expect(stored).toMatchObject({ status: 'parsed', year: labels.year, current: true });
  const record = await getRecordObject(stack.bucket, stored.recordKey!);
  expect(record.input.encoding).toBe('ocr');
  const wrong = Object.entries(record.values).filter(([k, v]) => labels.values[k] !== v);
  expect(wrong).toEqual([]);
  const read = Object.keys(labels.values).filter((k) => record.values[k] === labels.values[k]).length;
  expect(read / Object.keys(labels.values).length).toBeGreaterThanOrEqual(0.95);
  for (const e of Object.values(record.evidence)) expect(e.loc?.box).toBeDefined();

  const findings = await listFindings({ reportId: id });
  expect(findings.items.map((f) => f.rule).sort()).toEqual(record.findings.map((f) => f.rule).sort());
  // What OCR could not vouch for is named, never stored as a value.
  const uncertain = record.findings.filter((f) => f.rule === 'P-OCR-UNCERTAIN').flatMap((f) => f.keys);
  for (const k of uncertain) expect(record.values[k]).toBeUndefined();

  // Ingest counts nothing for a scan it hands on; the OCR function counts the outcome, the pages and what it held back.
  const metric = (name: string) => added.filter(([n]) => n === name).map(([, v]) => v);
  expect(metric('ReportsParsed')).toEqual([1]);
  expect(metric('ScanPagesRead')).toEqual([record.input.pages]);
  expect(metric('ScanFiguresUncertain')).toEqual([uncertain.length]);
  expect(metric('ScanSecondsPerPage')[0]).toBeGreaterThan(0);
  expect(metric('FindingsError')).toEqual([stored.findingCounts.error]);
}, 600_000);
