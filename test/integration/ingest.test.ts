import { Metrics } from '@aws-lambda-powertools/metrics';
import { HeadObjectCommand } from '@aws-sdk/client-s3';
import { createHash } from 'node:crypto';
import { parseReport } from '../../lambdas/core/record/parse-report';
import { createHandler } from '../../lambdas/ingest/handler';
import { recordId } from '../../lambdas/ingest/record-id';
import { getRecordObject, getReport, listFindings, listReportsByYear, scanReports, slotHistory, type ReportView } from '../../lambdas/store';
import { startLocalStack, type LocalStack } from '../../local/stack';
import { s3EventFor } from './s3-event';
import { reportHtml } from '../../local/synthetic-report';

// Real DynamoDB Local and s3rver, started once for the file; the real ingest handler behind them.
let stack: LocalStack;
let handler = createHandler();

beforeAll(async () => {
  stack = await startLocalStack({ handler: (e) => handler(e), retryDelaysMs: [10, 10] });
});
afterAll(() => stack?.stop());

const sha = (b: Uint8Array | string) => createHash('sha256').update(b).digest('hex');
const idOf = (key: string, body: string | Uint8Array) => recordId(key, sha(body));
const reportsWithSha = async (hash: string) => (await scanReports()).filter((r) => r.sha256 === hash);

const s3Event = (key: string) => s3EventFor(stack.bucket, key);

async function stillInS3(key: string): Promise<boolean> {
  const head = await stack.s3.send(new HeadObjectCommand({ Bucket: stack.bucket, Key: key }));
  return head.ContentLength !== undefined;
}

describe('S3 upload → ingest handler → DynamoDB (local emulators)', () => {
  it('stores a parsed record with the values and findings the parser gives, the full record in S3', async () => {
    const key = 'incoming/甲 市 2024 年报.html'; // spaces: S3 sends them as `+`
    const body = reportHtml('甲市测试局', 2024);
    await stack.upload(key, body);

    const expected = await parseReport({ id: 'x', name: 'x.html', bytes: Buffer.from(body) });
    const stored = (await getReport(idOf(key, body)))!;
    expect(stored).toMatchObject({ status: 'parsed', agency: '甲市测试局', year: 2024, current: true, sha256: sha(body) });
    expect(stored.source).toEqual({ bucket: stack.bucket, key });
    // All three timings are stored, storeMs included (it used to be set only after the save).
    expect(stored.timings).toEqual({ readMs: expect.any(Number), parseMs: expect.any(Number), storeMs: expect.any(Number) });
    expect(stored.values).toEqual(expected.values);
    expect(expected.findings.length).toBeGreaterThan(0);
    const findings = await listFindings({ reportId: stored.id });
    expect(findings.items.map((f) => f.rule)).toEqual(expected.findings.map((f) => f.rule));
    const full = await getRecordObject(stack.bucket, stored.recordKey!);
    expect(full.sections.map((s) => s.n)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('gives one record for a redelivered event and for the same bytes under another key', async () => {
    const key = 'incoming/乙.html';
    const body = reportHtml('乙县测试局', 2024);
    await stack.upload(key, body);
    const again = await handler(s3Event(key));
    expect(again).toEqual([expect.objectContaining({ id: idOf(key, body), duplicate: true, status: 'parsed' })]);

    await stack.upload('incoming/copy/乙-副本.html', body);
    const records = await reportsWithSha(sha(body));
    expect(records.map((r) => r.id)).toEqual([idOf(key, body)]);
  });

  it('makes a corrected report of the same agency-year current and keeps the earlier one as history', async () => {
    const first = reportHtml('丙区测试局', 2023, 10);
    const corrected = reportHtml('丙区测试局', 2023, 11);
    await stack.upload('incoming/丙.html', first);
    await stack.upload('incoming/丙-更正.html', corrected);
    const [oldId, newId] = [idOf('incoming/丙.html', first), idOf('incoming/丙-更正.html', corrected)];

    const history = await slotHistory('丙区测试局', 2023);
    expect(history.map((r) => [r.id, r.current])).toEqual([
      [oldId, false],
      [newId, true],
    ]);
    expect(history[0].supersededBy).toBe(newId);
    const year = await listReportsByYear(2023);
    expect(year.items.filter((r) => r.agency === '丙区测试局').map((r) => r.id)).toEqual([newId]);
    const rule = (await listFindings({ reportId: newId })).items[0].rule;
    const byRule = await listFindings({ year: 2023, rule });
    expect(byRule.items.filter((f) => f.agency === '丙区测试局').map((f) => f.reportId)).toEqual([newId]);
  });

  it.each([
    ['empty', 'incoming/empty.html', Buffer.alloc(0)],
    ['binary', 'incoming/random.bin', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256))],
    ['60 MB', 'incoming/huge.txt', Buffer.alloc(60 * 1024 * 1024, 'a')],
  ])('rejects a %s file with a reason and leaves the original in S3', async (_name, key, body) => {
    await stack.upload(key, body);
    const stored = (await getReport(idOf(key, body)))!;
    expect(stored.status).toBe('rejected');
    expect(stored.reason).toEqual(expect.any(String));
    expect(stored.current).toBe(false);
    expect(await stillInS3(key)).toBe(true);
  });

  it('records an error that escapes the handler as failed, retries, then dead-letters the event', async () => {
    handler = createHandler({
      parse: async () => {
        throw new TypeError('parser exploded');
      },
    });
    try {
      const key = 'incoming/丁.html';
      const body = reportHtml('丁市测试局', 2024);
      const before = stack.invoker.deadLetters.length;
      await stack.upload(key, body);
      const stored = (await getReport(idOf(key, body)))!;
      expect(stored.status).toBe('failed');
      expect(stored.error).toBe('TypeError: parser exploded');
      expect(stored.attempts).toBe(3); // first try and Lambda's two async retries
      expect(stack.invoker.deadLetters.length).toBe(before + 1);

      handler = createHandler(); // fixed: the next delivery claims the failed report again
      await handler(s3Event(key));
      expect((await getReport(idOf(key, body)))!.status).toBe('parsed');
    } finally {
      handler = createHandler();
    }
  });

  it('stores 50 concurrent uploads as 50 records', async () => {
    // 50 distinct agencies (the parser reads agency names made of Chinese characters).
    const agency = (i: number) => `${'甲乙丙丁戊己庚辛壬癸'[i % 10]}${'东南西北中'[Math.floor(i / 10)]}县测试局`;
    const bodies = Array.from({ length: 50 }, (_, i) => reportHtml(agency(i), 2030));
    await Promise.all(bodies.map((b, i) => stack.upload(`incoming/concurrent/${i}.html`, b)));
    const reports: ReportView[] = [];
    let cursor: string | undefined;
    do {
      const page = await listReportsByYear(2030, { limit: 7, cursor });
      reports.push(...page.items);
      cursor = page.cursor;
    } while (cursor);
    expect(reports.filter((r) => r.status === 'parsed').length).toBe(50);
    expect(new Set(reports.map((r) => r.agency)).size).toBe(50);
  });
});

describe('ingest metrics (Powertools, CloudWatch EMF in Lambda)', () => {
  afterEach(() => jest.restoreAllMocks());

  it('counts each outcome and the findings by severity, and publishes them once per invocation', async () => {
    const added: [string, number][] = [];
    jest.spyOn(Metrics.prototype, 'addMetric').mockImplementation(function (this: Metrics, name: string, _unit: unknown, value: number) {
      added.push([name, value]);
      return this;
    });
    const published = jest.spyOn(Metrics.prototype, 'publishStoredMetrics').mockImplementation(function (this: Metrics) {
      return this;
    });
    jest.spyOn(Metrics.prototype, 'hasStoredMetrics').mockImplementation(() => added.length > 0);

    const body = reportHtml('戊市测试局', 2024, 21);
    await stack.upload('incoming/戊.html', body);
    const stored = (await getReport(idOf('incoming/戊.html', body)))!;
    expect(added).toEqual([
      ['ReportsParsed', 1],
      ['FindingsError', stored.findingCounts.error],
      ['FindingsWarning', stored.findingCounts.warning],
      ['FindingsInfo', stored.findingCounts.info],
    ]);
    expect(published).toHaveBeenCalledTimes(1);

    added.length = 0;
    // A PNG named .html (bytes no other test uploads): rejected.
    await stack.upload('incoming/戊.png.html', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0xe6, 0x88, 0x8a, 0, 1, 2]));
    expect(added[0]).toEqual(['ReportsRejected', 1]);
    added.length = 0;
    await stack.upload('incoming/戊-again.html', body);
    expect(added).toEqual([['ReportsDuplicate', 1]]);
  });

  it('counts a report that fails', async () => {
    const added: string[] = [];
    jest.spyOn(Metrics.prototype, 'addMetric').mockImplementation(function (this: Metrics, name: string) {
      added.push(name);
      return this;
    });
    handler = createHandler({ parse: async () => Promise.reject(new Error('boom')) });
    try {
      await stack.upload('incoming/己.html', reportHtml('己市测试局', 2024));
    } finally {
      handler = createHandler();
    }
    // First try and the two retries, each counted.
    expect(added).toEqual(['ReportsFailed', 'ReportsFailed', 'ReportsFailed']);
  });
});
