import { S3Client } from '@aws-sdk/client-s3';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { AgencyMatcher, auditYear, summarise, type AuditFinding } from '../../lambdas/core/audit';
import { AUDIT_STATES } from '../../lambdas/audit/states';
import { db } from '../../lambdas/store/client';
import { AuditInProgress, listAuditFindings, listAuditRuns, lockAuditYear, putRegistry, unlockAuditYear } from '../../lambdas/store/audit';
import { keys } from '../../lambdas/store/keys';
import { handler as readShard } from '../../lambdas/audit/read-shard';
import { startApiServer } from '../../lambdas/api/local-server';
import { auditLocally, runAuditMachine } from '../../local/audit-machine';
import { startLocalStack, type LocalStack } from '../../local/stack';
import { seed } from '../api/fixtures';
import { brokenWorld, REGISTRY } from './fixtures';

// The state machine's definition on the local interpreter, each Task the handler its Lambda runs,
// over DynamoDB Local and s3rver, against the audit computed in memory from the records themselves.
let stack: LocalStack;
const world = brokenWorld();
const TODAY = '2023-06-01';

beforeAll(async () => {
  stack = await startLocalStack();
  await putRegistry(REGISTRY);
  await seed(stack, world.reports);
});
afterAll(() => stack?.stop());
afterEach(() => jest.restoreAllMocks());

/** The audit as it ran before the store kept summaries: every record summarised at audit time, in memory. */
function fromRecords(year: number): AuditFinding[] {
  const matcher = new AgencyMatcher(REGISTRY);
  return auditYear({ year, registry: REGISTRY, today: TODAY, reports: world.reports.flatMap((r) => summarise(r, matcher) ?? []) }).findings;
}

const byId = (fs: AuditFinding[]) => [...fs].sort((a, b) => (a.id < b.id ? -1 : 1));

/** The S3 GETs made while `fn` runs, by key. */
async function gets<T>(fn: () => Promise<T>): Promise<{ result: T; keys: string[] }> {
  const keysRead: string[] = [];
  const send = S3Client.prototype.send;
  jest.spyOn(S3Client.prototype, 'send').mockImplementation(function (this: S3Client, command: { constructor: { name: string }; input: { Key?: string } }) {
    if (command.constructor.name === 'GetObjectCommand') keysRead.push(command.input.Key!);
    return (send as (c: unknown) => Promise<unknown>).call(this, command);
  } as never);
  try {
    return { result: await fn(), keys: keysRead };
  } finally {
    jest.restoreAllMocks();
  }
}

describe('the audit as map and reduce over the summary index', () => {
  it('finds exactly what the audit of the records themselves finds, every rule firing, and reads no record', async () => {
    const { result: run, keys: read } = await gets(() => auditLocally({ year: 2022, today: TODAY }, { name: 'parity-run' }));
    const expected = fromRecords(2022);
    expect(new Set(expected.map((f) => f.rule.split('-')[0]))).toEqual(new Set(['X1', 'X2', 'X3', 'X4', 'X5', 'X6', 'X7']));
    expect(byId(await listAuditFindings(2022))).toEqual(byId(expected));
    expect(run.counts.agencies).toBe(REGISTRY.length);
    expect(run.counts.findings).toBe(expected.length);
    expect(run.counts.reports).toBe(world.reports.filter((r) => r.year === 2022).length);
    // The only objects read are the run's own: a partial file per shard of each year, and its findings to store. No record.
    expect(read.filter((k) => k.startsWith('records/'))).toEqual([]);
    expect(new Set(read)).toEqual(
      new Set([
        ...[2022, 2021].flatMap((y) => Array.from({ length: 16 }, (_, n) => `audits/2022/parity-run/summaries/${y}-S${String(n).padStart(2, '0')}.jsonl`)),
        'audits/2022/parity-run/audit.json',
      ]),
    );
  });

  it('fails the run visibly when a child fails, and resumes under the same run id without duplicating anything', async () => {
    const failing = jest.fn(async (item: { shard: number; year: number }) => {
      if (item.shard === 3 && item.year === 2021) throw new Error('injected: shard 3 of 2021 unreadable');
      return readShard(item as never);
    });
    const failed = await runAuditMachine({ year: 2022, today: TODAY }, { name: 'retried-run', handlers: { [AUDIT_STATES.shard]: failing as never } });
    expect(failed).toEqual({ ok: false, status: 'failed', error: expect.stringContaining('injected: shard 3 of 2021 unreadable') });
    // Retried by the definition (twice), then the map run failed: 32 children and two retries, no reduce.
    expect(failing.mock.calls.filter(([i]) => i.shard === 3 && i.year === 2021)).toHaveLength(3);
    const runs = await listAuditRuns(2022);
    expect(runs.find((r) => r.id === 'retried-run')).toMatchObject({
      status: 'failed',
      error: expect.stringContaining('injected'),
      finishedAt: expect.any(String),
    });
    expect(runs.find((r) => r.id === 'retried-run')?.counts).toBeUndefined();
    // The runs view's API says so, with no report files to link.
    const api = await startApiServer();
    try {
      const { items } = (await (await fetch(new URL('/audits?year=2022', api.url))).json()) as { items: Record<string, unknown>[] };
      expect(items.find((r) => r.id === 'retried-run')).toMatchObject({ status: 'failed', error: expect.stringContaining('injected') });
      expect(items.find((r) => r.id === 'retried-run')?.files).toBeUndefined();
      expect(items.find((r) => r.id === 'parity-run')).toMatchObject({ status: 'succeeded', files: { html: { url: expect.any(String) } } });
    } finally {
      await api.close();
    }
    // The year's findings are still the last successful run's.
    expect(byId(await listAuditFindings(2022))).toEqual(byId(fromRecords(2022)));

    const resumed = await auditLocally({ year: 2022, today: TODAY }, { name: 'retried-run' });
    expect(resumed).toMatchObject({ id: 'retried-run', status: 'succeeded' });
    const after = await listAuditRuns(2022);
    expect(after.filter((r) => r.id === 'retried-run')).toEqual([resumed]);
    expect(after.find((r) => r.id === 'retried-run')).not.toHaveProperty('error');
    // One item per finding in the year's partition: the same findings, not twice.
    const { doc, table } = db();
    const items = await doc.send(
      new QueryCommand({
        TableName: table,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :f)',
        ExpressionAttributeValues: { ':pk': keys.audit(2022), ':f': keys.findingPrefix },
      }),
    );
    expect(items.Items).toHaveLength(resumed.counts.findings);
    expect(byId(await listAuditFindings(2022))).toEqual(byId(fromRecords(2022)));
  });

  it('lets one run at a time replace a year’s findings: another run’s lock is refused until it is given up or its lease ends', async () => {
    await lockAuditYear(2030, 'first', 60_000);
    await lockAuditYear(2030, 'first', 60_000);
    await expect(lockAuditYear(2030, 'second', 60_000)).rejects.toBeInstanceOf(AuditInProgress);
    await unlockAuditYear(2030, 'second');
    await expect(lockAuditYear(2030, 'second', 60_000)).rejects.toMatchObject({ holder: 'first' });
    await unlockAuditYear(2030, 'first');
    await lockAuditYear(2030, 'second', 1);
    await new Promise((r) => setTimeout(r, 5));
    await lockAuditYear(2030, 'third', 60_000);
  });
});
