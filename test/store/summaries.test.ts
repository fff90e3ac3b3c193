import { CreateTableCommand, DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { AgencyMatcher, summarise, summaryOf, withAgency } from '../../lambdas/core/audit';
import type { Report } from '../../lambdas/core/types';
import { claimReport, getReport, reviseReport, saveReport, schema, shardOf, tableDefinition, type Claim } from '../../lambdas/store';
import { summariesOfShard, type IndexedSummary } from '../../lambdas/store/summaries';
import { startDynamoDbLocal, type DynamoDbLocal } from '../../local/dynamodb-local';
import { addMissingIndexes } from '../../local/table-indexes';
import { makeWorld } from '../audit/fixtures';

// The audit summary on the report item and the summary index, on real DynamoDB Local (in memory).
let ddb: DynamoDbLocal;
let client: DynamoDBClient;
beforeAll(async () => {
  ddb = await startDynamoDbLocal();
  process.env.AWS_ENDPOINT_URL_DYNAMODB = ddb.endpoint;
  process.env.OGI_TABLE = 'summaries-test';
  client = new DynamoDBClient({});
  await client.send(new CreateTableCommand(tableDefinition('summaries-test')));
});
afterAll(async () => {
  client?.destroy();
  await ddb?.stop();
});

const { reports } = makeWorld([2021, 2022]);
const edu = reports.find((r) => r.agency === '淮安市洪泽区教育局' && r.year === 2022)!;

let n = 0;
async function store(r: Report, uploadedAt = new Date(Date.UTC(2023, 0, 1, 0, n)).toISOString()) {
  n++;
  const claim: Claim = { id: r.id, sha256: String(n).padStart(64, '0'), bytes: 1, source: { bucket: 'b', key: `incoming/${n}` }, uploadedAt };
  const claimed = await claimReport(claim);
  if (claimed.outcome !== 'claimed') throw new Error('expected a claim');
  return saveReport({ claim, id: claimed.id, claimedAt: claimed.claimedAt, attempt: claimed.attempt, report: r });
}

async function shardOfReport(year: number, id: string): Promise<IndexedSummary[]> {
  const out: IndexedSummary[] = [];
  for await (const page of summariesOfShard(year, shardOf(id))) out.push(...page);
  return out;
}

describe('the audit summary kept with a stored report', () => {
  it('is read back from the summary index as it was computed, signature and all, and not shown with the report', async () => {
    await store(edu);
    const [indexed] = (await shardOfReport(2022, edu.id)).filter((s) => s.fields.id === edu.id);
    expect(indexed.summary).toEqual(summaryOf(edu));
    expect(indexed.summary.narrativeSignature).toBeInstanceOf(Uint32Array);
    // Completed with the item's fields, it is what the audit would have made of the record itself.
    const matcher = new AgencyMatcher([]);
    expect(withAgency(indexed.fields, indexed.summary, matcher)).toEqual(summarise(edu, matcher));
    expect(await getReport(edu.id)).not.toHaveProperty('summary');
  });

  it('follows a revision of the values', async () => {
    const view = (await getReport(edu.id))!;
    const next = { ...edu, values: { ...edu.values, 't3.carriedOver.total': edu.values['t3.carriedOver.total'] + 9 } };
    await reviseReport(view, next);
    const [indexed] = (await shardOfReport(2022, edu.id)).filter((s) => s.fields.id === edu.id);
    expect(indexed.summary.figures['t3.carriedOver.total']).toBe(next.values['t3.carriedOver.total']);
    expect(indexed.summary.tableHash).toBe(summaryOf(next)!.tableHash);
  });

  it('lists the current version of an agency-year only, and no report the audit cannot read', async () => {
    const older = { ...reports.find((r) => r.agency === '淮安市洪泽区公安局' && r.year === 2022)!, id: 'police-2022-v1' };
    const newer = { ...older, id: 'police-2022-v2', publishedAt: '2023-01-25' };
    await store(older, '2023-01-02T00:00:00.000Z');
    await store(newer, '2023-01-03T00:00:00.000Z');
    const rejected: Report = { ...older, id: 'police-rejected', status: 'rejected', reason: 'x' };
    await store(rejected);
    const ids = (await Promise.all([older, newer, rejected].map((r) => shardOfReport(2022, r.id)))).flat().map((s) => s.fields.id);
    expect(ids).toContain('police-2022-v2');
    expect(ids).not.toContain('police-2022-v1');
    expect(ids).not.toContain('police-rejected');
  });

  it('gets its index added to a local table made before it', async () => {
    const old = tableDefinition('before-summaries');
    old.GlobalSecondaryIndexes = old.GlobalSecondaryIndexes!.filter((i) => i.IndexName !== schema.bySummary.name);
    old.AttributeDefinitions = old.AttributeDefinitions!.filter((a) => !a.AttributeName!.startsWith('gsi4'));
    await client.send(new CreateTableCommand(old));
    expect(await addMissingIndexes(client, 'before-summaries')).toEqual([schema.bySummary.name]);
    const table = (await client.send(new DescribeTableCommand({ TableName: 'before-summaries' }))).Table!;
    expect(table.GlobalSecondaryIndexes!.find((i) => i.IndexName === schema.bySummary.name)?.Projection?.ProjectionType).toBe('INCLUDE');
    expect(await addMissingIndexes(client, 'before-summaries')).toEqual([]);
  });
});
