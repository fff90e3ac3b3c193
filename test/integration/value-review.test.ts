import { createHash } from 'node:crypto';
import { startApiServer, type LocalApi } from '../../lambdas/api/local-server';
import { main } from '../../cli/main';
import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { handler as redecide } from '../../lambdas/redecide/handler';
import { getReport } from '../../lambdas/store';
import { db } from '../../lambdas/store/client';
import { createHandler } from '../../lambdas/ingest/handler';
import { recordId } from '../../lambdas/ingest/record-id';
import { renderTextRuns } from '../../scripts/generate/render-text-runs';
import { startLocalStack, type LocalStack } from '../../local/stack';
import { LICENSING_2019, LICENSING_2020, pair2019 } from '../resolve/fixtures';

// An officer's review through the API (local server, same handler as API Gateway) on DynamoDB
// Local and s3rver, with the reports stored by the real ingest handler.
let stack: LocalStack;
let api: LocalApi;
const AGENCY = '白沙市市场监督管理局';
const [r19, r20] = pair2019(LICENSING_2019, LICENSING_2020, [AGENCY, AGENCY]).map((s) => renderTextRuns(s));
let release!: () => void;
const held = new Promise<void>((r) => (release = r));
const idOf = (key: string, body: string) => recordId(key, createHash('sha256').update(body).digest('hex'));

beforeAll(async () => {
  // The re-decision waits for the test's word, so the test sees what the API alone writes.
  stack = await startLocalStack({ handler: createHandler(), retryDelaysMs: [10, 10], redecide: async (e) => (await held, redecide(e)) });
  api = await startApiServer();
  await stack.upload('incoming/baisha-2019.txt', r19);
  await stack.upload('incoming/baisha-2020.txt', r20);
});
afterAll(async () => {
  await api?.close();
  await stack?.stop();
});

async function call(path: string, init?: RequestInit) {
  const res = await fetch(new URL(path, api.url), init);
  return { status: res.status, body: await res.json() };
}
const decide = (id: string, row: string, body: unknown) =>
  call(`/reports/${encodeURIComponent(id)}/pending/${row}`, { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

interface Pending {
  reportId: string;
  row: string;
  open: string[];
  printed: string;
  readings: { values: number[]; texts: string[]; satisfies: string[] }[];
}

describe('values waiting for an officer (待核实)', () => {
  const id20 = idOf('incoming/baisha-2020.txt', r20);

  it('lists the open rows with their printed text, readings and the identities each satisfies', async () => {
    const res = await call('/pending?year=2020');
    expect(res.status).toBe(200);
    const row = (res.body.items as Pending[]).find((p) => p.reportId === id20 && p.row === 't2.licensing.prev')!;
    expect(row).toMatchObject({ printed: '396442278', open: ['t2.licensing.change', 't2.licensing.decisions'] });
    expect(row.readings.map((r) => r.texts.join('|'))).toContain('396|442|278');
    // 2020's 上一年项目数量 is 2019's count plus its change: every listed reading keeps 396, and says so.
    expect(row.readings.every((r) => r.satisfies.some((s) => s.startsWith('t2.licensing.prev(N) = ')))).toBe(true);
    const doc = await call('/openapi.json');
    expect(Object.keys(doc.body.paths)).toEqual(expect.arrayContaining(['/pending', '/reports/{id}/pending/{row}']));
  });

  it('ogi pending lists the same rows (strict arguments)', async () => {
    const out: string[] = [];
    const log = jest.spyOn(console, 'log').mockImplementation((...a) => void out.push(a.join(' ')));
    const err = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      expect(await main(['pending', '--year', '2020', '--json'])).toBe(0);
      const items = JSON.parse(out.join('\n')) as Pending[];
      expect(items.find((p) => p.reportId === id20 && p.row === 't2.licensing.prev')?.printed).toBe('396442278');
      out.length = 0;
      expect(await main(['pending', '--year', '2020'])).toBe(0);
      expect(out.join('\n')).toMatch(/396442278.*396\|442\|278/);
      expect(await main(['pending', '--bogus'])).toBe(2);
    } finally {
      log.mockRestore();
      err.mockRestore();
    }
  });

  it('refuses a body that neither picks nor types, or types the wrong number of values', async () => {
    expect((await decide(id20, 't2.licensing.prev', { note: 'x' })).status).toBe(400);
    expect((await decide(id20, 't2.licensing.prev', { values: [1, 2], note: 'x' })).status).toBe(400);
    expect((await decide(id20, 't2.licensing.prev', { reading: 0 })).status).toBe(400);
    expect((await decide(id20, 't2.nothing.here', { reading: 0, note: 'x' })).status).toBe(404);
  });

  it('stores the decision, carries the values as decided by review, re-runs the rules, and keeps it through a re-parse of the same text', async () => {
    const before = await call(`/reports/${id20}`);
    expect(
      before.body.findings.filter((f: { rule: string; keys: string[] }) => f.rule === 'P-SPLIT-AMBIGUOUS' && f.keys.includes('t2.licensing.change')),
    ).toHaveLength(1);
    const pending = (await call('/pending?year=2020')).body.items as Pending[];
    const reading = pending.find((p) => p.reportId === id20 && p.row === 't2.licensing.prev')!.readings.findIndex((r) => r.texts.join('|') === '396|442|278');

    const { doc } = db();
    const send = doc.send.bind(doc);
    const writes: string[] = [];
    const spy = jest.spyOn(doc, 'send').mockImplementation(((command: { constructor: { name: string }; input: { Key?: { pk?: string } } }) => {
      if (!/^(Get|BatchGet|Query|Scan)Command$/.test(command.constructor.name)) writes.push(`${command.constructor.name} ${command.input.Key?.pk ?? '?'}`);
      return send(command as never);
    }) as never);
    const res = await decide(id20, 't2.licensing.prev', { reading, note: '对照网页原表：442 | 278' });
    spy.mockRestore();
    // Accepted: the API stored only the review (the one partition its role may write) and invoked the re-decision function through the local Lambda endpoint.
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({ status: 'accepted', reportId: id20, review: { values: [396, 442, 278], by: expect.stringMatching(/^local:/) } });
    expect(writes).toEqual([`UpdateCommand REVIEW#VALUE#${AGENCY}#2020`]);
    expect((await call(`/reports/${id20}`)).body.report.values['t2.licensing.change']).toBeUndefined();
    release();
    await stack.redecider.idle();
    expect(stack.redecider.deadLetters).toEqual([]);

    const after = await call(`/reports/${id20}`);
    expect(Object.fromEntries(Object.keys(LICENSING_2020).map((k) => [k, after.body.report.values[k]]))).toEqual(LICENSING_2020);
    expect(after.body.report.evidence['t2.licensing.change']).toMatchObject({
      decidedBy: 'review',
      review: { by: expect.stringMatching(/^local:/), at: res.body.review.at, note: '对照网页原表：442 | 278' },
    });
    expect(after.body.findings.some((f: { rule: string; keys: string[] }) => f.rule === 'P-SPLIT-AMBIGUOUS' && f.keys.includes('t2.licensing.change'))).toBe(
      false,
    );
    expect((await call('/pending?year=2020')).body.items.map((p: Pending) => `${p.reportId} ${p.row}`)).not.toContain(`${id20} t2.licensing.prev`);

    // A corrected upload with the row printed the same way: a new record, the review still applies.
    const again = `${r20}\n`;
    await stack.upload('incoming/baisha-2020-v2.txt', again);
    const id2 = idOf('incoming/baisha-2020-v2.txt', again);
    const reparsed = await call(`/reports/${id2}`);
    expect(reparsed.body.report.values['t2.licensing.change']).toBe(442);
    expect(reparsed.body.report.evidence['t2.licensing.change']).toMatchObject({ decidedBy: 'review' });
  });

  it('keeps the review under a REVIEW# partition; a redelivered invocation revises nothing; reviews kept under the old VALUEREVIEW# partition still apply', async () => {
    const { doc, table } = db();
    const items =
      (
        await doc.send(
          new QueryCommand({ TableName: table, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': `REVIEW#VALUE#${AGENCY}#2020` } }),
        )
      ).Items ?? [];
    expect(items.map((i) => i.row)).toEqual(['t2.licensing.prev']);

    // The current version of 2020 is the corrected upload above.
    const id2 = idOf('incoming/baisha-2020-v2.txt', `${r20}\n`);
    const revision = (await getReport(id2))!.revision;
    expect(await redecide({ reportId: id2 })).toEqual({ reportId: id2, revised: [] });
    expect((await getReport(id2))!.revision).toBe(revision);

    // An open row reviewed before reviews moved partitions.
    const open = ((await call('/pending?year=2020')).body.items as (Pending & { keys: string[] })[]).find((p) => p.reportId === id2)!;
    const values = open.keys.map((_, i) => i + 1);
    await doc.send(
      new PutCommand({
        TableName: table,
        Item: {
          pk: `VALUEREVIEW#${AGENCY}#2020`,
          sk: `ROW#${open.row}#legacy`,
          row: open.row,
          printed: open.printed,
          values,
          by: 'local:earlier',
          at: '2026-01-02T00:00:00.000Z',
          note: '旧记录',
          reportId: id2,
          before: [],
          history: [],
        },
      }),
    );
    expect((await redecide({ reportId: id2 })).revised).toContain(id2);
    const after = await call(`/reports/${id2}`);
    const last = open.keys[open.keys.length - 1];
    expect(after.body.report.values[last]).toBe(values[values.length - 1]);
    expect(after.body.report.evidence[last]).toMatchObject({ decidedBy: 'review', review: { by: 'local:earlier' } });
  });
});
