import { AgencyMatcher, AUDIT_KEYS, AUDIT_RULES, auditYear, summarise, type Agency, type AuditFinding } from '../../lambdas/core/audit';
import { inferAgency } from '../../lambdas/core/audit/infer-agency';
import type { AuditRule } from '../../lambdas/core/audit/rule';
import type { Report } from '../../lambdas/core/types';
import { GOVERNMENT_NAME, makeWorld, REGISTRY } from './fixtures';

const EDU = '淮安市洪泽区教育局';
const POLICE = '淮安市洪泽区公安局';
const AFTER_ALL_DEADLINES = '2023-06-01';

/** The generated 2021–2023 world audited with no registry at all, as a new user audits it. */
function auditUnregistered(mutate?: (reports: Report[]) => void, year = 2022, registry: Agency[] = []): AuditFinding[] {
  const { reports } = makeWorld([2021, 2022, 2023]);
  mutate?.(reports);
  const matcher = new AgencyMatcher(registry);
  const summaries = reports.map((r) => summarise(r, matcher, AUDIT_KEYS)!);
  return auditYear({ year, registry, reports: summaries, today: AFTER_ALL_DEADLINES }).findings;
}

const find = (reports: Report[], agency: string, year: number) => reports.find((r) => r.agency === agency && r.year === year)!;
const audited = (fs: AuditFinding[]) => fs.filter((f) => f.rule !== 'X3-UNREGISTERED' && !f.rule.startsWith('X5-RATE'));

describe('kind, level and parent from the name', () => {
  it.each([
    ['淮安市洪泽区人民政府', 'government', '区', null],
    ['淮安市洪泽区教育局', 'department', '区', '淮安市洪泽区人民政府'],
    ['沭阳县发展和改革局', 'department', '县', '沭阳县人民政府'],
    ['淮安市市场监督管理局', 'department', '市', '淮安市人民政府'],
    ['淮安市洪泽区住房和城乡建设局', 'department', '区', '淮安市洪泽区人民政府'],
    ['淮安市洪泽区乡村振兴局', 'department', '区', '淮安市洪泽区人民政府'],
    ['江苏省人民政府办公厅', 'department', '省', '江苏省人民政府'],
    ['高沟镇人民政府', 'government', '镇', null],
    ['清江浦区长西街道办事处', 'government', '街道', null],
    ['平潭综合实验区', 'government', '区', null],
    ['上海市科委', 'department', '市', '上海市人民政府'],
    ['内蒙古自治区人民政府', 'government', '省', null],
  ])('%s is a %s at %s level', (name, kind, level, parent) => {
    expect(inferAgency(name)).toMatchObject({ name, kind, level, parent, inferred: true });
  });
});

describe('an audit without a registry', () => {
  it('finds nothing in the consistent world but one info note per report', () => {
    const fs = auditUnregistered();
    expect(audited(fs)).toEqual([]);
    const notes = fs.filter((f) => f.rule === 'X3-UNREGISTERED');
    expect(notes).toHaveLength(REGISTRY.length);
    expect(notes.every((f) => f.severity === 'info')).toBe(true);
    // X3 stays registry-only: nobody is missing or late without a registry.
    expect(fs.some((f) => f.rule === 'X3-MISSING' || f.rule === 'X3-LATE')).toBe(false);
  });

  it('checks the carry-over (X1) and the document stock (X2) of unregistered agencies', () => {
    const fs = audited(
      auditUnregistered((rs) => {
        find(rs, EDU, 2022).values['t3.carriedOver.total'] += 3;
        find(rs, POLICE, 2022).values['t2.normative.valid'] += 5;
      }),
    );
    expect(fs.map((f) => [f.rule, f.agency, f.severity])).toEqual([
      ['X1', EDU, 'error'],
      ['X2', POLICE, 'warning'],
    ]);
  });

  it('groups the names of one agency printed differently over the years', () => {
    const fs = auditUnregistered((rs) => {
      // The 2022 report drops the city: still the same agency, so its carry-over is checked.
      const gov = find(rs, GOVERNMENT_NAME, 2022);
      gov.agency = '洪泽区人民政府';
      gov.values['t3.carriedOver.total'] += 2;
    });
    expect(
      audited(fs)
        .filter((f) => f.rule === 'X1')
        .map((f) => f.agency),
    ).toEqual([GOVERNMENT_NAME]);
  });

  it('flags a narrative copied from last year (X4)', () => {
    const fs = auditUnregistered((rs) => {
      find(rs, EDU, 2022).sections = find(rs, EDU, 2021).sections.map((s) => ({ ...s }));
    });
    expect(audited(fs).map((f) => [f.rule, f.agency])).toEqual([['X4-PREV', EDU]]);
  });

  it('rates peers by the kind and level inferred from their names (X5)', () => {
    const fs = auditUnregistered((rs) => {
      const v = find(rs, POLICE, 2022).values;
      const moved = v['t3.granted.natural'];
      v['t3.granted.natural'] = 0;
      v['t3.unable.noInfo.natural'] += moved;
      v['t3.granted.total'] -= moved;
      v['t3.unable.noInfo.total'] += moved;
    });
    const rate = fs.filter((f) => f.rule === 'X5-RATE' && f.agency === POLICE && f.keys[0] === 't3.unable.noInfo.total');
    expect(rate).toHaveLength(1);
    // The ten 区 departments are one peer group; the three 市 departments are not among them.
    expect(rate[0].evidence).toContain('部门·区 n=10');
  });

  it('sums a government’s departments found by the name (X6)', () => {
    const fs = auditUnregistered((rs) => void (find(rs, GOVERNMENT_NAME, 2022).values['t3.newReceived.total'] = 1));
    expect(fs.filter((f) => f.rule === 'X6').map((f) => [f.agency, f.reports.length])).toEqual([[GOVERNMENT_NAME, 11]]);
  });

  it('audits registered and unregistered agencies side by side', () => {
    const registry = REGISTRY.filter((a) => a.name !== EDU);
    const fs = auditUnregistered((rs) => void (find(rs, EDU, 2022).values['t3.carriedOver.total'] += 3), 2022, registry);
    expect(fs.filter((f) => f.rule === 'X1').map((f) => f.agency)).toEqual([EDU]);
    expect(fs.filter((f) => f.rule === 'X3-UNREGISTERED').map((f) => [f.agency, f.severity])).toEqual([[EDU, 'info']]);
  });
});

describe('an audit rule that throws', () => {
  it('becomes a failed finding of that rule and the other rules still run', () => {
    const broken: AuditRule = {
      id: 'X99',
      name: { zh: '测试', en: 'test' },
      description: { zh: '总是抛出', en: 'always throws' },
      severity: 'error',
      basis: 'test',
      keys: [],
      check: () => {
        throw new TypeError('boom');
      },
    };
    const { reports } = makeWorld([2021, 2022]);
    find(reports, EDU, 2022).values['t3.carriedOver.total'] += 3;
    const matcher = new AgencyMatcher(REGISTRY);
    const input = { year: 2022, registry: REGISTRY, reports: reports.map((r) => summarise(r, matcher, AUDIT_KEYS)!), today: AFTER_ALL_DEADLINES };
    const fs = auditYear(input, [broken, ...AUDIT_RULES]).findings;
    expect(fs[0]).toMatchObject({ rule: 'X99-internal', outcome: 'failed', severity: 'warning', basis: 'test' });
    expect(fs[0].message).toContain('boom');
    expect(fs[0].id).toMatch(/^X99-internal:[0-9a-f]{16}$/);
    expect(fs.some((f) => f.rule === 'X1' && f.agency === EDU)).toBe(true);
  });
});
