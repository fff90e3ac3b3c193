import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseReport } from '../../lambdas/core/record/parse-report';
import type { Finding } from '../../lambdas/core/types';

const NAME = '000_a211173aaaac4cee.txt';
const path = join(__dirname, '../../samples', NAME);

/**
 * The seed: a 2020 report whose three tables were lost in publishing, scraped in traditional script
 * with a run of GBK bytes read one out of step, and no publication date.
 */
describe('rules on the seed report', () => {
  let findings: Finding[];
  beforeAll(async () => {
    findings = (await parseReport({ id: '000_a211173aaaac4cee', name: NAME, bytes: readFileSync(path) })).findings;
  });
  const of = (rule: string) => findings.filter((f) => f.rule === rule || f.rule.startsWith(`${rule}-`));

  it('finds tables 2, 3 and 4 lost (S4)', () => {
    const s4 = of('S4');
    expect(s4.map((f) => f.keys).sort()).toEqual([['t2'], ['t3'], ['t4']]);
    for (const f of s4) expect(f).toMatchObject({ severity: 'error', outcome: 'failed' });
  });

  it('finds the encoding damage, repaired or not (S13)', () => {
    expect(of('S13')).toEqual([expect.objectContaining({ outcome: 'failed', severity: expect.stringMatching(/warning|error/) })]);
  });

  it("passes S8 on the prose's own arithmetic: 90 + 5 = 95, 29 + 4 + 57 + 5 = 95", () => {
    expect(of('S8')).toEqual([]);
  });

  it('cannot judge the deadline: the seed states no date (S12)', () => {
    expect(of('S12')).toEqual([expect.objectContaining({ severity: 'info', outcome: 'not-assessable', keys: ['publishedAt', 'year'] })]);
  });
});
