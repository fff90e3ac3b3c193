import { createHash } from 'node:crypto';
import { createHandler } from '../../lambdas/ingest/handler';
import { recordId } from '../../lambdas/ingest/record-id';
import { parseRegistry } from '../../lambdas/core/audit';
import { S3Client } from '@aws-sdk/client-s3';
import { getRecordObject, getReport, listFindings, recordKey, type ReportView } from '../../lambdas/store';
import { db } from '../../lambdas/store/client';
import { putRegistry } from '../../lambdas/store/audit';
import { renderTextRuns } from '../../scripts/generate/render-text-runs';
import { startLocalStack, type LocalStack } from '../../local/stack';
import { s3EventFor } from './s3-event';
import { LICENSING_2019, LICENSING_2020, pair2019 } from '../resolve/fixtures';

// Real DynamoDB Local and s3rver; the real ingest handler re-resolves the neighbouring years.
let stack: LocalStack;
const handler = createHandler();
beforeAll(async () => {
  stack = await startLocalStack({ handler: (e) => handler(e), retryDelaysMs: [10, 10] });
});
afterAll(() => stack?.stop());

const idOf = (key: string, body: string) => recordId(key, createHash('sha256').update(body).digest('hex'));

/** Uploads the reports in the order given; the stored report items and full records by year. */
async function ingest(files: [string, string][]): Promise<Record<number, { view: ReportView; record: Awaited<ReturnType<typeof getRecordObject>> }>> {
  for (const [key, body] of files) await stack.upload(key, body);
  const out: Record<number, { view: ReportView; record: Awaited<ReturnType<typeof getRecordObject>> }> = {};
  for (const [key, body] of files) {
    const view = (await getReport(idOf(key, body)))!;
    out[view.year!] = { view, record: await getRecordObject(stack.bucket, view.recordKey!) };
  }
  return out;
}

const licensing = (v: Record<string, number>) => Object.fromEntries(Object.entries(v).filter(([k]) => k.startsWith('t2.licensing.')));
const ambiguousKeys = async (id: string) => (await listFindings({ reportId: id })).items.filter((f) => f.rule === 'P-SPLIT-AMBIGUOUS').flatMap((f) => f.keys);

const s3Event = (key: string) => s3EventFor(stack.bucket, key);

describe('storing a report re-resolves the same agency’s neighbouring years (local emulators)', () => {
  it('gives the same records whether 2019 or 2020 arrives first, matching names as the audit does, and is idempotent', async () => {
    // Agency one prints its name the same way both years; agency two drops the city in 2020.
    const [a19, a20] = pair2019(LICENSING_2019, LICENSING_2020, ['临江县自然资源局', '临江县自然资源局']).map((s) => renderTextRuns(s));
    const [b19, b20] = pair2019(LICENSING_2019, LICENSING_2020, ['云岭市东湖区人民政府', '东湖区人民政府']).map((s) => renderTextRuns(s));
    const first = await ingest([
      ['incoming/linjiang-2019.txt', a19],
      ['incoming/linjiang-2020.txt', a20],
    ]);
    const second = await ingest([
      ['incoming/donghu-2020.txt', b20],
      ['incoming/donghu-2019.txt', b19],
    ]);

    for (const run of [first, second]) {
      expect(licensing(run[2019].view.values)).toEqual(LICENSING_2019);
      expect(run[2019].record.evidence['t2.licensing.decisions']).toMatchObject({ decidedBy: 'neighbour', neighbour: { reportId: run[2020].view.id } });
      expect(licensing(run[2020].view.values)).toEqual({ 't2.licensing.prev': 396 });
      expect(await ambiguousKeys(run[2019].view.id)).not.toContain('t2.licensing.prev');
      expect(await ambiguousKeys(run[2020].view.id)).toContain('t2.licensing.change');
      // Item, record object and findings agree.
      expect(run[2019].view.values).toEqual(run[2019].record.values);
      expect(run[2019].view.findingCounts.warning).toBe(run[2019].record.findings.filter((f) => f.severity === 'warning').length);
    }
    // Same values, same findings, whichever year arrived first.
    for (const y of [2019, 2020]) {
      expect(first[y].view.values).toEqual(second[y].view.values);
      expect(first[y].record.findings.map((f) => [f.rule, f.keys])).toEqual(second[y].record.findings.map((f) => [f.rule, f.keys]));
    }

    // Redelivery: a duplicate, and nothing is revised again.
    const before = (await getReport(first[2019].view.id))!.revision;
    expect(await handler(s3Event('incoming/linjiang-2020.txt'))).toEqual([expect.objectContaining({ duplicate: true })]);
    expect((await getReport(first[2019].view.id))!.revision).toBe(before);
  });

  it('stores each record once per upload: the new report already decided by its neighbour, the neighbour it decides revised once', async () => {
    const [a19, a20] = pair2019(LICENSING_2019, LICENSING_2020, ['临江县水利局', '临江县水利局']).map((s) => renderTextRuns(s));
    await stack.upload('incoming/linjiang-water-2019.txt', a19);
    const [id19, id20] = [idOf('incoming/linjiang-water-2019.txt', a19), idOf('incoming/linjiang-water-2020.txt', a20)];
    const itemWrites = new Map<string, number>();
    const objectPuts = new Map<string, number>();
    const { doc } = db();
    const send = doc.send.bind(doc);
    jest.spyOn(doc, 'send').mockImplementation(((command: { constructor: { name: string }; input: unknown }) => {
      const input = JSON.stringify(command.input);
      for (const id of [id19, id20])
        if (!/^(Get|BatchGet|Query)Command$/.test(command.constructor.name) && input.includes(`"pk":"REPORT#${id}","sk":"REPORT"`))
          itemWrites.set(id, (itemWrites.get(id) ?? 0) + 1);
      return send(command as never);
    }) as never);
    const s3send = S3Client.prototype.send;
    jest.spyOn(S3Client.prototype, 'send').mockImplementation(function (this: S3Client, command: { constructor: { name: string }; input: { Key?: string } }) {
      if (command.constructor.name === 'PutObjectCommand' && command.input.Key!.startsWith('records/'))
        objectPuts.set(command.input.Key!, (objectPuts.get(command.input.Key!) ?? 0) + 1);
      return (s3send as (c: unknown) => Promise<unknown>).call(this, command);
    } as never);
    try {
      await stack.upload('incoming/linjiang-water-2020.txt', a20);
    } finally {
      jest.restoreAllMocks();
    }
    // 2020's item: the claim, then the report stored once (not stored, then revised); 2019's: one revision.
    expect(Object.fromEntries(itemWrites)).toEqual({ [id19]: 1, [id20]: 2 });
    expect(Object.fromEntries(objectPuts)).toEqual({ [recordKey(id19)]: 1, [recordKey(id20)]: 1 });
    const [v19, v20] = await Promise.all([getReport(id19), getReport(id20)]);
    expect(licensing(v19!.values)).toEqual(LICENSING_2019);
    expect(licensing(v20!.values)).toEqual({ 't2.licensing.prev': 396 });
    expect(v20!.revision).toBeUndefined();
  });

  it('finds the other year of an agency published under two names through the stored registry’s aliases', async () => {
    // The registry the audit stored (an upload under registry/): 国土资源局 was renamed 自然资源局.
    await putRegistry(parseRegistry('name,aliases,kind,level\n石门县自然资源局,石门县国土资源局,department,县\n'));
    const [c19, c20] = pair2019(LICENSING_2019, LICENSING_2020, ['石门县国土资源局', '石门县自然资源局']).map((s) => renderTextRuns(s));
    const run = await ingest([
      ['incoming/shimen-2020.txt', c20],
      ['incoming/shimen-2019.txt', c19],
    ]);
    expect(run[2019].view.agency).toBe('石门县国土资源局');
    expect(licensing(run[2019].view.values)).toEqual(LICENSING_2019);
    expect(run[2019].record.evidence['t2.licensing.decisions']).toMatchObject({ decidedBy: 'neighbour', neighbour: { reportId: run[2020].view.id } });
    expect(licensing(run[2020].view.values)).toEqual({ 't2.licensing.prev': 396 });
  });
});
