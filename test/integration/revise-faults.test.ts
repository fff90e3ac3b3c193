import { S3Client } from '@aws-sdk/client-s3';
import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { createHash } from 'node:crypto';
import { resolveReport } from '../../lambdas/core/resolve';
import type { Report } from '../../lambdas/core/types';
import { createHandler } from '../../lambdas/ingest/handler';
import { recordId } from '../../lambdas/ingest/record-id';
import { ClaimLost, getRecordObject, getReport, listFindings, recordKey, reviseReport } from '../../lambdas/store';
import { db } from '../../lambdas/store/client';
import { renderTextRuns } from '../../scripts/generate/render-text-runs';
import { startLocalStack, type LocalStack } from '../../local/stack';
import { LICENSING_2019, LICENSING_2020, pair2019, parseSpec } from '../resolve/fixtures';
import { s3EventFor } from './s3-event';

// A revision (neighbours decided a report's cells anew) writes the report item and its findings in
// one transaction and the record object after them; faults injected around those writes on
// DynamoDB Local and s3rver never leave the item and its findings disagreeing once retried.
let stack: LocalStack;
const handler = createHandler();
beforeAll(async () => {
  stack = await startLocalStack({ handler: (e) => handler(e), retryDelaysMs: [10, 10] });
});
afterAll(() => stack?.stop());
afterEach(() => jest.restoreAllMocks());

const idOf = (key: string, body: string) => recordId(key, createHash('sha256').update(body).digest('hex'));
const stored = async (id: string) => (await listFindings({ reportId: id })).items.map((f) => [f.rule, f.keys]);
const ofRecord = (r: Report) => r.findings.map((f) => [f.rule, f.keys]);
const licensing = (v: Record<string, number>) => Object.fromEntries(Object.entries(v).filter(([k]) => k.startsWith('t2.licensing.')));

/** Every S3 write of `key` fails while the returned switch is on. */
function failPutsOf(key: string): { off(): void } {
  let on = true;
  const send = S3Client.prototype.send;
  jest.spyOn(S3Client.prototype, 'send').mockImplementation(function (
    this: S3Client,
    command: { constructor: { name: string }; input: { Key?: string } },
    ...rest: unknown[]
  ) {
    if (on && command.constructor.name === 'PutObjectCommand' && command.input.Key === key) return Promise.reject(new Error('injected: S3 unavailable'));
    return (send as (...a: unknown[]) => Promise<unknown>).call(this, command, ...rest);
  } as never);
  return { off: () => void (on = false) };
}

describe('a revision of a report and its findings are written together (faults injected)', () => {
  it('a crash after the item and findings, before the record object: they agree meanwhile, and the retried delivery completes the record', async () => {
    const [a, b] = pair2019(LICENSING_2019, LICENSING_2020, ['青川县交通运输局', '青川县交通运输局']).map((s) => renderTextRuns(s));
    await stack.upload('incoming/qingchuan-2019.txt', a);
    const id19 = idOf('incoming/qingchuan-2019.txt', a);
    const old = await getRecordObject(stack.bucket, recordKey(id19));
    expect(licensing(old.values)).toEqual({});

    // 2020 arrives and decides 2019's row, but 2019's record object cannot be written: every delivery fails, then is dead-lettered.
    const fault = failPutsOf(recordKey(id19));
    const { doc } = db();
    const send = doc.send.bind(doc);
    const writes: string[] = [];
    jest.spyOn(doc, 'send').mockImplementation(((command: { constructor: { name: string }; input: unknown }) => {
      if (JSON.stringify(command.input).includes(`REPORT#${id19}`) && !/^(Get|BatchGet|Query)Command$/.test(command.constructor.name))
        writes.push(command.constructor.name);
      return send(command as never);
    }) as never);
    await stack.upload('incoming/qingchuan-2020.txt', b);
    // Each delivery's revision of 2019: one transaction, nothing written beside it.
    expect(new Set(writes)).toEqual(new Set(['TransactWriteCommand']));
    expect(stack.invoker.deadLetters.map((d) => d.event.Records[0].s3.object.key)).toContain('incoming/qingchuan-2020.txt');
    const view = (await getReport(id19))!;
    expect(licensing(view.values)).toEqual(LICENSING_2019);
    // The item and its findings moved together: the decided row's P-SPLIT-AMBIGUOUS is gone from both.
    const findings = (await listFindings({ reportId: id19 })).items;
    expect(findings.filter((f) => f.rule === 'P-SPLIT-AMBIGUOUS').flatMap((f) => f.keys)).not.toContain('t2.licensing.prev');
    expect(findings.filter((f) => f.severity === 'warning')).toHaveLength(view.findingCounts.warning);
    expect(findings).toHaveLength(view.findingCounts.error + view.findingCounts.warning + view.findingCounts.info + view.findingCounts.notAssessable);
    expect(await getRecordObject(stack.bucket, recordKey(id19))).toEqual(old);

    // The store is back: the redelivered event finishes the revision, and all three agree.
    fault.off();
    await handler(s3EventFor(stack.bucket, 'incoming/qingchuan-2020.txt'));
    const record = await getRecordObject(stack.bucket, recordKey(id19));
    const after = (await getReport(id19))!;
    expect(after.values).toEqual(record.values);
    expect(await stored(id19)).toEqual(ofRecord(record));
    expect(licensing(record.values)).toEqual(LICENSING_2019);
  });

  it('more findings than one transaction holds: item first, then findings; a crash between is mended by the retry', async () => {
    const [a, b] = pair2019(LICENSING_2019, LICENSING_2020, ['青川县水利局', '青川县水利局']);
    const body = renderTextRuns(a);
    await stack.upload('incoming/qingchuan-water-2019.txt', body);
    const id = idOf('incoming/qingchuan-water-2019.txt', body);
    const record = await getRecordObject(stack.bucket, recordKey(id));
    const next = resolveReport(record, [await parseSpec(b)]);
    expect(ofRecord(next)).not.toEqual(ofRecord(record));

    // A stale revision writes nothing.
    const view = (await getReport(id))!;
    await expect(reviseReport({ ...view, revision: 7 }, next)).rejects.toBeInstanceOf(ClaimLost);
    expect(await stored(id)).toEqual(ofRecord(record));

    const { doc } = db();
    const send = doc.send.bind(doc);
    const spy = jest
      .spyOn(doc, 'send')
      .mockImplementation(((command: unknown) =>
        command instanceof BatchWriteCommand ? Promise.reject(new Error('injected: crash before the findings')) : send(command as never)) as never);
    await expect(reviseReport(view, next, { transactItems: 2 })).rejects.toThrow('injected');
    spy.mockRestore();
    // In between: the item has the new values, the findings are still the old ones.
    const between = (await getReport(id))!;
    expect(between.values).toEqual(next.values);
    expect(await stored(id)).toEqual(ofRecord(record));

    // The retry reads the item again and writes the same revision: item and findings agree.
    await reviseReport(between, next, { transactItems: 2 });
    expect(await stored(id)).toEqual(ofRecord(next));
    expect((await getReport(id))!.revision).toBe((between.revision ?? 0) + 1);
  });
});
