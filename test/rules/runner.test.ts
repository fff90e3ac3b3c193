import { checkReport } from '../../lambdas/core/rules';
import { RULES } from '../../lambdas/core/rules/registry';
import type { Rule } from '../../lambdas/core/rules/rule';
import { makeReport, withValues } from './fixture';

describe('rule runner', () => {
  it('registers S1 to S14, each with a basis', () => {
    expect(RULES.map((r) => r.id)).toEqual(Array.from({ length: 14 }, (_, i) => `S${i + 1}`));
    for (const rule of RULES) expect(rule.basis).toMatch(/条例|国办|勾稽|表|记录/);
  });

  it('turns a throwing rule into a failed internal finding and keeps the others', () => {
    const broken: Rule = {
      id: 'S99',
      name: { zh: '测试', en: 'test' },
      description: { zh: '总是出错', en: 'always throws' },
      basis: 'test',
      check: () => {
        throw new TypeError('boom');
      },
    };
    const report = { ...makeReport({ format: '2021', seed: 16 }), agency: null };
    const findings = checkReport(report, [broken, ...RULES]);
    expect(findings[0]).toMatchObject({ rule: 'S99-internal', outcome: 'failed', severity: 'warning', basis: 'test' });
    expect(findings[0].message).toContain('boom');
    expect(findings.some((f) => f.rule === 'S1-agency')).toBe(true);
  });

  it('gives every finding a message in both languages, a basis and a stable fingerprint', () => {
    const base = makeReport({ format: '2021', seed: 16 });
    const broken = withValues(base, { 't3.granted.natural': base.values['t3.granted.natural'] + 1, 't4.review.total': 99 });
    const first = checkReport({ ...broken, publishedAt: null });
    const again = checkReport({ ...broken, publishedAt: null });
    expect(first.length).toBeGreaterThanOrEqual(4);
    expect(again.map((f) => f.id)).toEqual(first.map((f) => f.id));
    expect(new Set(first.map((f) => f.id)).size).toBe(first.length);
    for (const f of first) {
      expect(f.id).toMatch(/^[0-9a-f]{16}$/);
      expect(f.message).toMatch(/[\u4e00-\u9fff]/);
      expect(f.messageEn).toMatch(/[a-z]/);
      expect(f.basis).toBeTruthy();
    }
    const otherReport = checkReport({ ...broken, id: 'another', publishedAt: null });
    expect(otherReport.map((f) => f.id)).not.toEqual(first.map((f) => f.id));
  });

  it('finds nothing wrong in consistent generated reports of either format', () => {
    for (const format of ['2019', '2021'] as const)
      for (let seed = 1; seed <= 20; seed++) {
        const errors = checkReport(makeReport({ format, seed })).filter((f) => f.severity === 'error');
        expect({ format, seed, errors }).toEqual({ format, seed, errors: [] });
      }
  });
});
