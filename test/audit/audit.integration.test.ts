import { GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import type { S3Event } from 'aws-lambda';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { handler } from '../../lambdas/audit/handler';
import { runAudit } from '../../cli/audit';
import { UsageError } from '../../cli/usage';
import { RegistryError } from '../../lambdas/core/audit';
import { encodeKey } from '../../lambdas/ingest/s3-event';
import { listFindings } from '../../lambdas/store';
import { getRegistry, listAuditFindings, listAuditRuns } from '../../lambdas/store/audit';
import { auditLocally as audit } from '../../local/audit-machine';
import { startLocalStack, type LocalStack } from '../../local/stack';
import { seed } from '../api/fixtures';
import { makeWorld, REGISTRY, registryCsv } from './fixtures';

// Real DynamoDB Local and s3rver; reports stored through the store as the ingest stores them.
let stack: LocalStack;
const EDU = '淮安市洪泽区教育局';
const POLICE = '淮安市洪泽区公安局';

beforeAll(async () => {
  stack = await startLocalStack();
  const { reports } = makeWorld([2021, 2022]);
  const kept = reports.filter((r) => !(r.agency === POLICE && r.year === 2022));
  kept.find((r) => r.agency === EDU && r.year === 2022)!.values['t3.carriedOver.total'] += 3;
  // Printed without its city: still the registered government.
  kept.find((r) => r.agency === '淮安市洪泽区人民政府' && r.year === 2022)!.agency = '洪泽区人民政府';
  await seed(stack, kept);
});
afterAll(() => stack?.stop());

function registryUpload(key: string): S3Event {
  const record = { eventName: 'ObjectCreated:Put', s3: { bucket: { name: stack.bucket }, object: { key: encodeKey(key) } } };
  return { Records: [record] } as unknown as S3Event;
}

const text = async (key: string) => (await stack.s3.send(new GetObjectCommand({ Bucket: stack.bucket, Key: key }))).Body!.transformToString('utf-8');

describe('the audit on the local stack', () => {
  it('stores the registry uploaded to registry/agencies.csv', async () => {
    await stack.s3.send(new PutObjectCommand({ Bucket: stack.bucket, Key: 'registry/agencies.csv', Body: registryCsv(REGISTRY) }));
    expect(await handler(registryUpload('registry/agencies.csv'))).toEqual({ registry: REGISTRY.length });
    const stored = await getRegistry();
    expect(stored.map((a) => a.name).sort()).toEqual(REGISTRY.map((a) => a.name).sort());
    expect(stored.find((a) => a.name === '淮安市洪泽区人民政府')!.aliases).toEqual(['洪泽区政府']);
  });

  it('rejects a bad registry upload and keeps the stored one', async () => {
    await stack.s3.send(new PutObjectCommand({ Bucket: stack.bucket, Key: 'registry/bad.csv', Body: 'name,kind,level\n甲局,bureau,县\n' }));
    await expect(handler(registryUpload('registry/bad.csv'))).rejects.toThrow(RegistryError);
    expect(await getRegistry()).toHaveLength(REGISTRY.length);
  });

  it('audits a year: findings stored and served, the run recorded, three report files written', async () => {
    const run = await audit({ year: 2022, today: '2023-06-01' });
    const findings = await listAuditFindings(2022);
    expect(run.counts.findings).toBe(findings.length);
    expect(findings.filter((f) => f.rule === 'X1').map((f) => [f.agency, [...f.reports].sort()])).toEqual([[EDU, [`${EDU}-2021`, `${EDU}-2022`]]]);
    expect(findings.filter((f) => f.rule === 'X3-MISSING').map((f) => f.agency)).toEqual([POLICE]);
    expect(findings.filter((f) => f.rule === 'X3-UNREGISTERED')).toEqual([]);

    // The API's finding query serves audit findings by year and rule.
    const served = await listFindings({ year: 2022, rule: 'X1' });
    expect(served.items.map((f) => f.id)).toEqual(findings.filter((f) => f.rule === 'X1').map((f) => f.id));

    expect(await listAuditRuns(2022)).toEqual([run]);
    const json = JSON.parse(await text(run.files.json));
    expect(json.findings).toHaveLength(findings.length);
    const csv = (await text(run.files.csv)).trim().split('\r\n');
    expect(csv).toHaveLength(findings.length + 1);
    expect(await text(run.files.html)).toContain(EDU);
  });

  it('audits last year when the schedule fires', async () => {
    // The execution's input is the schedule's event, as EventBridge starts it.
    const scheduled = { 'detail-type': 'Scheduled Event', source: 'aws.events', time: '2023-04-02T02:00:00Z', detail: {} };
    const run = await audit(scheduled);
    expect(run.year).toBe(2022);
    // Judged on the event's date: every deadline has passed.
    expect((await listAuditFindings(2022)).some((f) => f.rule === 'X3-MISSING')).toBe(true);
  });

  it('keeps finding ids across runs and replaces the findings that no longer hold', async () => {
    const before = (await listAuditFindings(2022)).map((f) => f.id).sort();
    // Before the departments' deadline nothing is missing yet.
    await audit({ year: 2022, today: '2023-01-15' });
    const after = await listAuditFindings(2022);
    expect(after.some((f) => f.rule === 'X3-MISSING')).toBe(false);
    expect(after.every((f) => before.includes(f.id))).toBe(true);
    expect(await listAuditRuns(2022)).toHaveLength(3);
  });
});

describe('ogi audit', () => {
  it('runs against the stack in the environment and prints the run with --json', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ogi-audit-'));
    const registry = path.join(dir, 'agencies.csv');
    // A registry without the education bureau: its reports now match nothing.
    writeFileSync(registry, registryCsv(REGISTRY.filter((a) => a.name !== EDU)));
    const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    const note = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const out = path.join(dir, 'report');
      expect(await runAudit(['--year', '2022', '--json', '--today', '2023-06-01', '--registry', registry, '--out', out])).toBe(0);
      expect(readdirSync(out).sort()).toEqual(['audit.csv', 'audit.html', 'audit.json']);
      const printed = JSON.parse(log.mock.calls.map((c) => c.join(' ')).join('\n'));
      expect(printed.run.year).toBe(2022);
      expect(printed.findings.filter((f: { rule: string }) => f.rule === 'X3-UNREGISTERED').map((f: { agency: string }) => f.agency)).toEqual([EDU]);
      expect(await text(printed.run.files.csv)).toContain('X3-UNREGISTERED');
    } finally {
      log.mockRestore();
      note.mockRestore();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('needs a year', async () => {
    await expect(runAudit(['--json'])).rejects.toThrow(UsageError);
    await expect(runAudit(['--year', 'last'])).rejects.toThrow(UsageError);
  });
});
