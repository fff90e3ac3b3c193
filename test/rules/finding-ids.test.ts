import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseReport } from '../../lambdas/core/record/parse-report';
import { withIds } from '../../lambdas/core/rules/evidence';
import type { Finding } from '../../lambdas/core/types';

// Every finding leaves the core with its fingerprint: rule findings, parse findings and rejections.
const SAMPLES = path.resolve(__dirname, '../../samples');
const files = readdirSync(SAMPLES).filter((f) => /^gen-.*\.(txt|html)$/.test(f));

describe('finding ids from the core', () => {
  it.each(files)('%s: every finding has an id, unique within the report and stable on a re-parse', async (file) => {
    const bytes = readFileSync(path.join(SAMPLES, file));
    const first = await parseReport({ id: file, name: file, bytes });
    const again = await parseReport({ id: file, name: file, bytes });
    const ids = first.findings.map((f) => f.id);
    expect(ids.every((id) => typeof id === 'string' && /^[0-9a-f]{16}$/.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    expect(again.findings.map((f) => f.id)).toEqual(ids);
  });

  it('tells apart two findings of one rule on the same keys by their evidence, and keeps a given id', () => {
    const row = (evidence: string): Finding => ({
      rule: 'P-ROW-SHAPE',
      severity: 'warning',
      message: '行的单元格数与表格式不符',
      keys: ['t2.rules.issued'],
      evidence,
    });
    const [a, b, c] = withIds('r', [row('22 | 235'), row('7 | 1'), { ...row('x'), id: 'given' }]);
    expect(a.id).toMatch(/^[0-9a-f]{16}$/);
    expect(b.id).toMatch(/^[0-9a-f]{16}$/);
    expect(a.id).not.toBe(b.id);
    expect(c.id).toBe('given');
    expect(withIds('r', [row('22 | 235')])[0].id).toBe(a.id);
  });

  it('gives a rejection an id', async () => {
    const report = await parseReport({ id: 'empty', name: 'empty.txt', bytes: new Uint8Array() });
    expect(report.status).toBe('rejected');
    expect(report.findings).toHaveLength(1);
    expect(report.findings[0].id).toMatch(/^[0-9a-f]{16}$/);
  });
});
