import { keys, schema, shardOf, StoreBusy, tableDefinition, YEAR_SHARDS, type AnyItemKey } from '../../lambdas/store';
import { batchWrite } from '../../lambdas/store/batch-write';
import { db } from '../../lambdas/store/client';
import { backoffMs, MAX_ATTEMPTS, retryUntilDone } from '../../lambdas/store/retry';

describe('write sharding', () => {
  it('gives the same shard for the same id every time', () => {
    expect(shardOf('pingtan-2024-abcdef012345')).toBe(shardOf('pingtan-2024-abcdef012345'));
  });

  it('spreads 100,000 report ids of one year evenly over the shards (no hot partition)', () => {
    const counts = new Array(YEAR_SHARDS).fill(0);
    for (let i = 0; i < 100_000; i++) counts[shardOf(`agency-${i}-${(i * 2654435761).toString(16)}`)]++;
    const expected = 100_000 / YEAR_SHARDS;
    for (const c of counts) expect(Math.abs(c - expected) / expected).toBeLessThan(0.05);
  });
});

describe('table definition', () => {
  it('declares every key attribute of the table and its four indexes as strings', () => {
    const def = tableDefinition('t');
    expect(def.GlobalSecondaryIndexes!.map((i) => i.IndexName)).toEqual([schema.byAgency.name, schema.byYear.name, schema.byRule.name, schema.bySummary.name]);
    const declared = def.AttributeDefinitions!.map((a) => a.AttributeName).sort();
    const used = [...def.KeySchema!, ...def.GlobalSecondaryIndexes!.flatMap((i) => i.KeySchema!)].map((k) => k.AttributeName).sort();
    expect(declared).toEqual(used);
  });

  it('projects only the audit’s attributes into the summary index, everything into the others', () => {
    const projections = Object.fromEntries(tableDefinition('t').GlobalSecondaryIndexes!.map((i) => [i.IndexName, i.Projection]));
    expect(projections[schema.bySummary.name]).toEqual({ ProjectionType: 'INCLUDE', NonKeyAttributes: expect.arrayContaining(['summary', 'current']) });
    for (const i of [schema.byAgency, schema.byYear, schema.byRule]) expect(projections[i.name]).toEqual({ ProjectionType: 'ALL' });
  });
});

describe('item keys', () => {
  it('builds every item type of the table in one place, each recognisable by its pk/sk shape', () => {
    const all: AnyItemKey[] = [
      keys.report('r1'),
      keys.finding('r1', 7),
      keys.content('ab12'),
      keys.slot('甲局', 2024),
      keys.review('f00d'),
      keys.registryAgency('甲局'),
      keys.auditRun(2024, 'b3c1e0d2-run'),
      keys.auditLock(2024),
      keys.auditFinding(2024, 'x1-abc'),
    ];
    expect(all).toEqual([
      { pk: 'REPORT#r1', sk: 'REPORT' },
      { pk: 'REPORT#r1', sk: 'FINDING#0007' },
      { pk: 'CONTENT#ab12', sk: 'CONTENT' },
      { pk: 'SLOT#甲局#2024', sk: 'SLOT' },
      { pk: 'REVIEW#f00d', sk: 'REVIEW' },
      { pk: 'REGISTRY', sk: 'AGENCY#甲局' },
      { pk: 'AUDIT#2024', sk: 'RUN#b3c1e0d2-run' },
      { pk: 'AUDIT#2024', sk: 'LOCK' },
      { pk: 'AUDIT#2024', sk: 'FINDING#x1-abc' },
    ]);
    // Distinct item types never share a primary key.
    expect(new Set(all.map((k) => `${k.pk}|${k.sk}`)).size).toBe(all.length);
    expect(all.filter((k) => k.sk.startsWith(keys.findingPrefix))).toHaveLength(2);
    expect(keys.auditRun(2024, 'b').sk.startsWith(keys.auditRunPrefix)).toBe(true);
    expect(keys.registryAgency('乙').sk.startsWith(keys.registryPrefix)).toBe(true);
  });
});

describe('retries are capped', () => {
  beforeEach(() => jest.spyOn(Math, 'random').mockReturnValue(0));
  afterEach(() => jest.restoreAllMocks());

  it('retryUntilDone gives up with StoreBusy after MAX_ATTEMPTS', async () => {
    const step = jest.fn(async () => false);
    await expect(retryUntilDone('test write', step)).rejects.toThrow(StoreBusy);
    expect(step).toHaveBeenCalledTimes(MAX_ATTEMPTS);
  });

  it('batchWrite stops resending items DynamoDB keeps returning unprocessed', async () => {
    process.env.OGI_TABLE ??= 'capped';
    const { doc, table } = db();
    const req = { PutRequest: { Item: { pk: 'p', sk: 's' } } };
    const send = jest.spyOn(doc, 'send').mockImplementation(async () => ({ UnprocessedItems: { [table]: [req] } }));
    await expect(batchWrite([req])).rejects.toThrow(/BatchWriteItem: still not done after 8 attempts/);
    expect(send).toHaveBeenCalledTimes(MAX_ATTEMPTS);
  });

  it('backoff grows exponentially and is capped at 2 s', () => {
    jest.spyOn(Math, 'random').mockReturnValue(0.999999);
    expect(backoffMs(1)).toBeCloseTo(100, 0);
    expect(backoffMs(3)).toBeCloseTo(400, 0);
    expect(backoffMs(12)).toBeLessThanOrEqual(2000);
  });
});
