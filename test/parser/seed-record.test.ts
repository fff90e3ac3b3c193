import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseReport } from '../../lambdas/core/record/parse-report';
import type { Report } from '../../lambdas/core/types';

/** The seed (../shared/seed, copied into samples/ and test/fixtures/seed/ as given): a 2020 report scraped into traditional script, tables lost, one run of GBK decoded out of step. */
const SEED = path.resolve(__dirname, '../../samples/000_a211173aaaac4cee.txt');

let r: Report;
beforeAll(async () => {
  r = await parseReport({ id: '000_a211173aaaac4cee', name: '000_a211173aaaac4cee.txt', bytes: readFileSync(SEED) });
});

describe("the seed's record", () => {
  it('has its metadata in simplified script, the script and encoding it came in, and no table', () => {
    expect(r).toMatchObject({
      status: 'parsed',
      reason: null,
      agency: '省建设厅',
      year: 2020,
      format: 'unknown',
      publishedAt: null,
      tables: [],
      values: {},
      evidence: {},
      derived: {},
      input: { kind: 'text', encoding: 'utf-8', script: 'traditional', bytes: 9407 },
    });
  });

  it('finds all six sections, the variant title of section 5 included', () => {
    expect(r.sections.map((s) => [s.n, s.title])).toEqual([
      [1, '一、总体情况'],
      [2, '二、主动公开政府信息情况'],
      [3, '三、收到和处理政府信息公开申请情况'],
      [4, '四、政府信息公开行政复议、行政诉讼情况'],
      [5, '五、存在的问题及下一步安排'],
      [6, '六、其他需要报告的事项'],
    ]);
    expect(r.sections[5].text).toBe('无');
  });

  it('records the repair of the out-of-step GBK run', () => {
    expect(r.repairs).toEqual([{ kind: 'mojibake', at: expect.any(Number), before: '?!钡刃麄鞴ぷ靼才?', after: '保”等宣傳工作安排', method: 'gbk-shift' }]);
    expect(r.sections[0].text).toContain('”六保”等宣传工作安排');
  });

  it('reads the figures the prose states, and maps none to a table value', () => {
    expect(Object.fromEntries(r.narrative.map((f) => [f.key, f.value]))).toMatchObject({
      't3.newReceived.total': 95,
      't3.newReceived.natural': 90,
      't3.newReceived.legalPersons': 5,
      't4.litigation.sum.corrected': 2,
      't3.denied.sum.total': 0,
    });
    expect(r.narrative).toHaveLength(20);
  });

  it('has a finding for each lost table and for the encoding damage', () => {
    const lost = r.findings.filter((f) => f.rule === 'S4-narrative-only');
    expect(lost.map((f) => f.keys[0]).sort()).toEqual(['t2', 't3', 't4']);
    expect(lost.every((f) => f.severity === 'error')).toBe(true);
    expect(r.findings.some((f) => f.rule === 'S13-repaired' && f.severity === 'warning')).toBe(true);
    expect(r.findings.find((f) => f.rule === 'S12')).toMatchObject({ outcome: 'not-assessable' });
    expect(r.findings.some((f) => f.rule.startsWith('S8') && f.outcome !== 'not-assessable')).toBe(false);
  });
});
