import { CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { emptyReport } from '../../lambdas/core/record/empty-report';
import type { Finding, Report, Severity } from '../../lambdas/core/types';
import {
  allReportsOfYear,
  claimReport,
  ClaimLost,
  findingTally,
  getReport,
  IngestInProgress,
  InvalidCursor,
  listFindings,
  listReportsByAgency,
  listReportsByYear,
  saveReport,
  sourceStates,
  tableDefinition,
  valuesForYear,
  type Claim,
} from '../../lambdas/store';
import { startDynamoDbLocal, type DynamoDbLocal } from '../../local/dynamodb-local';

// The store against real DynamoDB Local (in memory), started once for the file.
let ddb: DynamoDbLocal;
beforeAll(async () => {
  ddb = await startDynamoDbLocal();
  process.env.AWS_ENDPOINT_URL_DYNAMODB = ddb.endpoint;
  process.env.OGI_TABLE = 'store-test';
  const client = new DynamoDBClient({});
  await client.send(new CreateTableCommand(tableDefinition('store-test')));
  client.destroy();
});
afterAll(() => ddb?.stop());

let n = 0;
function claimFor(agency: string, uploadedAt = new Date().toISOString()): Claim {
  n++;
  const sha256 = n.toString(16).padStart(64, '0');
  return { id: `${agency}-${n}`, sha256, bytes: 100, source: { bucket: 'b', key: `incoming/${n}.html` }, uploadedAt };
}

function report(
  id: string,
  agency: string,
  year: number,
  severities: Severity[] = ['error', 'warning'],
  values: Record<string, number> = { 't3.newReceived.total': 1 },
): Report {
  const findings: Finding[] = severities.map((severity, i) => ({ rule: `R${i}`, severity, message: 'm', keys: [], evidence: '' }));
  return { ...emptyReport(id, { kind: 'html', bytes: 100, sha256: '', encoding: 'utf-8', script: 'simplified' }), agency, year, values, findings };
}

async function ingest(claim: Claim, agency: string, year: number, severities?: Severity[], values?: Record<string, number>) {
  const claimed = await claimReport(claim);
  if (claimed.outcome !== 'claimed') throw new Error('expected a claim');
  return saveReport({
    claim,
    id: claimed.id,
    claimedAt: claimed.claimedAt,
    attempt: claimed.attempt,
    report: report(claimed.id, agency, year, severities, values),
  });
}

describe('claims', () => {
  it('lets exactly one of several concurrent deliveries of the same content claim it', async () => {
    const claim = claimFor('并发');
    const results = await Promise.allSettled(Array.from({ length: 5 }, () => claimReport(claim)));
    const claimed = results.filter((r) => r.status === 'fulfilled' && r.value.outcome === 'claimed');
    const busy = results.filter((r) => r.status === 'rejected' && r.reason instanceof IngestInProgress);
    expect(claimed.length).toBe(1);
    expect(busy.length).toBe(4);
  });

  it('hands an expired claim to the next delivery, and the overtaken attempt can no longer save', async () => {
    const claim = claimFor('超时');
    const first = await claimReport(claim);
    await new Promise((r) => setTimeout(r, 5));
    const second = await claimReport(claim, 1); // 1 ms lease: the first claim has expired
    expect(second).toMatchObject({ outcome: 'claimed', id: claim.id, attempt: 2 });
    if (first.outcome !== 'claimed') throw new Error('expected a claim');
    await expect(saveReport({ claim, id: first.id, claimedAt: first.claimedAt, attempt: 1, report: report(first.id, '超时', 2024) })).rejects.toBeInstanceOf(
      ClaimLost,
    );
  });

  it('reports a finished report as a duplicate', async () => {
    const claim = claimFor('重复');
    await ingest(claim, '重复', 2024);
    expect(await claimReport(claim)).toEqual({ outcome: 'duplicate', id: claim.id, status: 'parsed' });
  });

  it('links every object key a claim sees to its report, for the reconciler to read by key', async () => {
    const first = claimFor('来源');
    const received = claimFor('来源');
    await claimReport(received);
    await ingest(first, '来源', 2024);
    // The same bytes again under a key of up to 1,024 bytes (a source item's key is a hash of it).
    const longKey = `incoming/${'长'.repeat(330)}.html`;
    expect(await claimReport({ ...first, source: { bucket: 'b', key: longKey } })).toMatchObject({ outcome: 'duplicate' });
    const states = await sourceStates('b', [first.source.key, received.source.key, longKey, 'incoming/never-claimed.html']);
    expect(Object.fromEntries([...states].map(([k, s]) => [k, [s.reportId, s.status]]))).toEqual({
      [first.source.key]: [first.id, 'parsed'],
      [received.source.key]: [received.id, 'received'],
      [longKey]: [first.id, 'parsed'],
    });
    // Another bucket's object of the same key is another object.
    expect((await sourceStates('other', [first.source.key])).size).toBe(0);
  });
});

describe('slots', () => {
  it('keeps the later upload current even when the older one arrives last', async () => {
    const newer = claimFor('乱序', '2026-02-01T00:00:00.000Z');
    const older = claimFor('乱序', '2026-01-01T00:00:00.000Z');
    await ingest(newer, '乱序', 2022);
    const late = await ingest(older, '乱序', 2022);
    expect(late.current).toBe(false);
    expect((await getReport(newer.id))!.current).toBe(true);
    expect((await listReportsByAgency('乱序')).map((r) => r.id)).toEqual([newer.id]);
    expect((await listReportsByAgency('乱序', { history: true })).map((r) => r.id).sort()).toEqual([newer.id, older.id].sort());
  });
});

describe('year queries', () => {
  const year = 2040;
  const agencies = Array.from({ length: 23 }, (_, i) => `年${i}`);
  beforeAll(async () => {
    for (const [i, a] of agencies.entries()) await ingest(claimFor(a), a, year, i % 2 ? ['error'] : ['warning', 'info'], { 't3.newReceived.total': i });
  });

  it('pages through every shard of a year, each report exactly once', async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listReportsByYear(year, { limit: 4, cursor });
      expect(page.items.length).toBeLessThanOrEqual(4);
      seen.push(...page.items.map((r) => r.agency!));
      cursor = page.cursor;
    } while (cursor);
    expect(seen.sort()).toEqual([...agencies].sort());
    expect((await allReportsOfYear(year)).length).toBe(agencies.length);
  });

  it('gives the agency × metric matrix of the year', async () => {
    const matrix = await valuesForYear(year);
    expect(Object.fromEntries(matrix.map((m) => [m.agency, m.values['t3.newReceived.total']]))).toEqual(Object.fromEntries(agencies.map((a, i) => [a, i])));
  });

  it('lists the findings of a year by severity and by rule', async () => {
    const errors = await listFindings({ year, severity: 'error' }, { limit: 1000 });
    expect(errors.items.length).toBe(11);
    expect(errors.items.every((f) => f.severity === 'error')).toBe(true);
    const r1info = await listFindings({ year, rule: 'R1', severity: 'info' });
    expect(r1info.items.length).toBe(12);
    const all = await listFindings({ year }, { limit: 1000 });
    expect(all.items.length).toBe(11 + 12 * 2);
  });

  it('tallies the findings of a year from their id, rule, severity and agency alone', async () => {
    const all = (await listFindings({ year }, { limit: 1000 })).items;
    const tally = await findingTally(year);
    const key = (f: { id: string; rule: string; severity: string; agency: string | null }) => `${f.id} ${f.rule} ${f.severity} ${f.agency}`;
    expect(tally.map(key).sort()).toEqual(all.map(key).sort());
    // The projection leaves out the message, evidence and keys (these test findings carry no fingerprint id).
    expect([...new Set(tally.flatMap((f) => Object.keys(f)))].sort()).toEqual(['agency', 'rule', 'severity']);
    expect(Object.keys(all[0])).toEqual(expect.arrayContaining(['message', 'evidence', 'keys']));
  });

  it('refuses a cursor it did not issue', async () => {
    await expect(listReportsByYear(year, { cursor: 'bm90LWEtY3Vyc29y' })).rejects.toBeInstanceOf(InvalidCursor);
  });
});
