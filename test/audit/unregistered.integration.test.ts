import { listFindings } from '../../lambdas/store';
import { getRegistry, listAuditFindings } from '../../lambdas/store/audit';
import { auditLocally } from '../../local/audit-machine';
import { startLocalStack, type LocalStack } from '../../local/stack';
import { seed } from '../api/fixtures';
import { makeWorld } from './fixtures';

// Real DynamoDB Local and s3rver, no registry anywhere: three consecutive reports of one agency,
// stored as the ingest stores them, whose carry-over breaks between 2021 and 2022 only.
let stack: LocalStack;
const AGENCY = '淮安市洪泽区教育局';

beforeAll(async () => {
  stack = await startLocalStack();
  const reports = makeWorld([2021, 2022, 2023]).reports.filter((r) => r.agency === AGENCY);
  expect(reports.map((r) => r.year)).toEqual([2021, 2022, 2023]);
  reports[1].values['t3.carriedOver.total'] += 3;
  await seed(stack, reports);
});
afterAll(() => stack?.stop());

describe('the audit of an agency no registry names', () => {
  it('runs without a registry', async () => {
    expect(await getRegistry()).toEqual([]);
  });

  it('gives an X1 error for the year whose carry-over breaks', async () => {
    const run = await auditLocally({ year: 2022, today: '2023-06-01' });
    const findings = await listAuditFindings(2022);
    expect(run.counts.findings).toBe(findings.length);
    const x1 = findings.filter((f) => f.rule === 'X1');
    expect(x1.map((f) => [f.agency, f.severity, [...f.reports].sort()])).toEqual([[AGENCY, 'error', [`${AGENCY}-2021`, `${AGENCY}-2022`]]]);
    // Its registry note is information, not the reason nothing was checked.
    expect(findings.filter((f) => f.rule === 'X3-UNREGISTERED').map((f) => [f.agency, f.severity])).toEqual([[AGENCY, 'info']]);
    // Served by the findings API by family.
    expect((await listFindings({ year: 2022, rule: 'X1' })).items.map((f) => f.id)).toEqual(x1.map((f) => f.id));
  });

  it('gives none for the consistent year', async () => {
    await auditLocally({ year: 2023, today: '2024-06-01' });
    const findings = await listAuditFindings(2023);
    expect(findings.filter((f) => f.rule.startsWith('X1'))).toEqual([]);
    expect(findings.map((f) => f.rule)).toEqual(['X3-UNREGISTERED']);
  });
});
