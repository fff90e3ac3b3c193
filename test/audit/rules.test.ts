import { AgencyMatcher, AUDIT_KEYS, AUDIT_RULES, auditYear, summarise, type Agency, type AuditFinding } from '../../lambdas/core/audit';
import type { Report } from '../../lambdas/core/types';
import { GOVERNMENT_NAME, makeWorld, REGISTRY } from './fixtures';

const EDU = '淮安市洪泽区教育局';
const POLICE = '淮安市洪泽区公安局';
const AUDIT_OFFICE = '淮安市审计局';
const AFTER_ALL_DEADLINES = '2023-06-01';

interface Run {
  year?: number;
  today?: string;
  registry?: Agency[];
  mutate?: (reports: Report[]) => Report[] | void;
}

/** Audits the consistent 2021–2023 world after `mutate`; year 2022 unless told. */
function audit({ year = 2022, today = AFTER_ALL_DEADLINES, registry = REGISTRY, mutate }: Run = {}): AuditFinding[] {
  let { reports } = makeWorld([2021, 2022, 2023]);
  reports = mutate?.(reports) ?? reports;
  const matcher = new AgencyMatcher(registry);
  const summaries = reports.map((r) => summariseOrThrow(r, matcher));
  return auditYear({ year, registry, reports: summaries, today }).findings;
}

/** Summarised as the handler summarises stored records. */
function summariseOrThrow(r: Report, matcher: AgencyMatcher) {
  const s = summarise(r, matcher, AUDIT_KEYS);
  if (!s) throw new Error(`fixture report ${r.id} was not summarised`);
  return s;
}

const find = (reports: Report[], agency: string, year: number) => reports.find((r) => r.agency === agency && r.year === year)!;
const rules = (fs: AuditFinding[]) => fs.map((f) => f.rule);
/** Findings that `mutated` has and the baseline lacks (X5 rates are rated against the generator's spread). */
const added = (mutated: AuditFinding[], baseline: AuditFinding[]) => {
  const seen = new Set(baseline.map((f) => f.id));
  return mutated.filter((f) => !seen.has(f.id));
};

const baseline = audit();

describe('the rule registry', () => {
  it('has X1 to X7 once each, each with a severity and a basis', () => {
    expect(AUDIT_RULES.map((r) => r.id)).toEqual(['X1', 'X2', 'X3', 'X4', 'X5', 'X6', 'X7']);
    for (const rule of AUDIT_RULES) {
      expect(['error', 'warning', 'info']).toContain(rule.severity);
      expect(rule.basis.length).toBeGreaterThan(5);
    }
  });
});

describe('the consistent world', () => {
  it('breaks no deterministic rule in 2022 or 2023', () => {
    for (const year of [2022, 2023]) {
      const fired = rules(audit({ year })).filter((r) => !r.startsWith('X5-RATE'));
      expect(fired).toEqual([]);
    }
  });

  it('gives stable, unique finding ids', () => {
    const again = audit();
    expect(again.map((f) => f.id)).toEqual(baseline.map((f) => f.id));
    const broken = audit({ mutate: (rs) => void (find(rs, EDU, 2022).values['t3.carriedOver.total'] += 3) });
    expect(new Set(broken.map((f) => f.id)).size).toBe(broken.length);
  });
});

describe('X1 carry-over', () => {
  it('is an error when the total carried over differs from last year’s carried forward', () => {
    const fs = audit({ mutate: (rs) => void (find(rs, EDU, 2022).values['t3.carriedOver.total'] += 3) });
    const x1 = fs.filter((f) => f.rule === 'X1');
    expect(x1).toHaveLength(1);
    expect(x1[0]).toMatchObject({ severity: 'error', agency: EDU, reports: [`${EDU}-2022`, `${EDU}-2021`] });
    expect(x1[0].keys).toEqual(['t3.carriedOver.total', 't3.carriedForward.total']);
  });

  it('is a warning per column', () => {
    const fs = audit({ mutate: (rs) => void (find(rs, EDU, 2022).values['t3.carriedOver.legal'] += 1) });
    expect(fs.filter((f) => f.rule.startsWith('X1')).map((f) => [f.rule, f.severity, f.keys[0]])).toEqual([['X1-COL', 'warning', 't3.carriedOver.legal']]);
  });

  it('needs last year’s report', () => {
    const fs = audit({
      mutate: (rs) => {
        find(rs, EDU, 2022).values['t3.carriedOver.total'] += 3;
        return rs.filter((r) => !(r.agency === EDU && r.year === 2021));
      },
    });
    expect(fs.filter((f) => f.rule.startsWith('X1'))).toEqual([]);
  });
});

describe('X2 stock of normative documents', () => {
  it('warns when documents in force do not roll forward', () => {
    const fs = audit({ mutate: (rs) => void (find(rs, POLICE, 2022).values['t2.normative.valid'] += 5) });
    expect(fs.filter((f) => f.rule === 'X2').map((f) => [f.severity, f.agency, f.keys[0]])).toEqual([['warning', POLICE, 't2.normative.valid']]);
  });

  it('is not checked against a 2019-format year', () => {
    const { reports } = makeWorld([2020, 2021]);
    const police = find(reports, POLICE, 2021);
    police.values['t2.normative.valid'] += 5;
    const matcher = new AgencyMatcher(REGISTRY);
    const fs = auditYear({ year: 2021, registry: REGISTRY, reports: reports.map((r) => summariseOrThrow(r, matcher)), today: '2022-06-01' }).findings;
    expect(rules(fs)).not.toContain('X2');
  });
});

describe('X3 missing, late and unregistered reports', () => {
  const withoutEdu2022 = (rs: Report[]) => rs.filter((r) => !(r.agency === EDU && r.year === 2022));
  const withoutGov2022 = (rs: Report[]) => rs.filter((r) => !(r.agency === GOVERNMENT_NAME && r.year === 2022));

  it('reports a department missing after 31 January, not before', () => {
    expect(rules(audit({ today: '2023-01-31', mutate: withoutEdu2022 }))).not.toContain('X3-MISSING');
    const fs = audit({ today: '2023-02-01', mutate: withoutEdu2022 }).filter((f) => f.rule === 'X3-MISSING');
    expect(fs.map((f) => [f.agency, f.severity, f.reports])).toEqual([[EDU, 'error', []]]);
  });

  it('gives governments until 31 March', () => {
    expect(rules(audit({ today: '2023-03-31', mutate: withoutGov2022 }))).not.toContain('X3-MISSING');
    expect(
      audit({ today: '2023-04-01', mutate: withoutGov2022 })
        .filter((f) => f.rule === 'X3-MISSING')
        .map((f) => f.agency),
    ).toEqual([GOVERNMENT_NAME]);
  });

  it('honours a deadline override', () => {
    const registry = REGISTRY.map((a) => (a.name === EDU ? { ...a, deadline: '02-28' } : a));
    expect(rules(audit({ registry, today: '2023-02-15', mutate: withoutEdu2022 }))).not.toContain('X3-MISSING');
    expect(rules(audit({ registry, today: '2023-03-01', mutate: withoutEdu2022 }))).toContain('X3-MISSING');
  });

  it('reports a late report', () => {
    const fs = audit({ mutate: (rs) => void (find(rs, EDU, 2022).publishedAt = '2023-02-10') });
    expect(fs.filter((f) => f.rule === 'X3-LATE').map((f) => [f.agency, f.severity, f.evidence])).toEqual([
      [EDU, 'warning', expect.stringContaining('2023-01-31')],
    ]);
  });

  it('matches a government printed without its city, and reports names that match nothing', () => {
    const fs = audit({
      mutate: (rs) => {
        find(rs, GOVERNMENT_NAME, 2022).agency = '洪泽区人民政府';
        find(rs, POLICE, 2022).agency = '洪泽县不存在局';
      },
    });
    const unregistered = fs.filter((f) => f.rule === 'X3-UNREGISTERED');
    expect(unregistered.map((f) => [f.agency, f.reports])).toEqual([['洪泽县不存在局', [`${POLICE}-2022`]]]);
    // The renamed government still matched: it is neither missing nor unregistered.
    expect(fs.filter((f) => f.rule === 'X3-MISSING').map((f) => f.agency)).toEqual([POLICE]);
  });
});

describe('X4 copying', () => {
  it('flags a narrative mostly copied from last year', () => {
    const fs = audit({
      mutate: (rs) => {
        const prev = find(rs, EDU, 2021);
        const cur = find(rs, EDU, 2022);
        // Last year's text with every twentieth character changed: well over half the shingles survive.
        cur.sections = prev.sections.map((s) => ({ ...s, text: [...s.text].map((c, i) => (i % 20 === 0 ? '新' : c)).join('') }));
      },
    });
    const x4 = fs.filter((f) => f.rule === 'X4-PREV');
    expect(x4.map((f) => [f.agency, f.reports])).toEqual([[EDU, [`${EDU}-2022`, `${EDU}-2021`]]]);
  });

  it('does not flag a narrative with a third of its characters changed', () => {
    const fs = audit({
      mutate: (rs) => {
        const prev = find(rs, EDU, 2021);
        find(rs, EDU, 2022).sections = prev.sections.map((s) => ({ ...s, text: [...s.text].map((c, i) => (i % 3 === 0 ? '改' : c)).join('') }));
      },
    });
    expect(rules(fs)).not.toContain('X4-PREV');
  });

  it('flags the same narrative under two agencies, names swapped', () => {
    const fs = audit({
      mutate: (rs) => {
        const source = find(rs, EDU, 2022);
        find(rs, POLICE, 2022).sections = source.sections.map((s) => ({ ...s, text: s.text.split(EDU).join(POLICE) }));
      },
    });
    const x4 = fs.filter((f) => f.rule === 'X4-NARRATIVE');
    expect(x4).toHaveLength(1);
    expect([...x4[0].reports].sort()).toEqual([`${EDU}-2022`, `${POLICE}-2022`].sort());
  });

  it('flags identical tables across agencies', () => {
    const fs = audit({ mutate: (rs) => void (find(rs, POLICE, 2022).values = { ...find(rs, AUDIT_OFFICE, 2022).values }) });
    const x4 = fs.filter((f) => f.rule === 'X4-TABLES');
    expect(x4.map((f) => [...f.reports].sort())).toEqual([[`${POLICE}-2022`, `${AUDIT_OFFICE}-2022`].sort()]);
  });
});

/** Moves the natural persons' granted applications of a report to 本机关不掌握. */
function mostlyNoInfo(r: Report) {
  const v = r.values;
  const moved = v['t3.granted.natural'];
  v['t3.granted.natural'] = 0;
  v['t3.unable.noInfo.natural'] += moved;
  v['t3.granted.total'] -= moved;
  v['t3.unable.noInfo.total'] += moved;
}

describe('X5 outliers', () => {
  it('rates a department whose applications end mostly in 本机关不掌握', () => {
    const fs = added(audit({ mutate: (rs) => mostlyNoInfo(find(rs, POLICE, 2022)) }), baseline);
    const rates = fs.filter((f) => f.rule === 'X5-RATE' && f.agency === POLICE);
    expect(rates.map((f) => f.keys[0])).toContain('t3.unable.noInfo.total');
    expect(rates.every((f) => f.evidence.includes('n=10'))).toBe(true);
  });

  it('does not rate agencies in a peer group below the minimum size', () => {
    const fs = audit({ mutate: (rs) => mostlyNoInfo(find(rs, AUDIT_OFFICE, 2022)) });
    expect(fs.filter((f) => f.rule.startsWith('X5') && f.agency === AUDIT_OFFICE)).toEqual([]);
    // The same group is rated once the minimum is lowered to its size.
    const { reports } = makeWorld([2021, 2022]);
    mostlyNoInfo(find(reports, AUDIT_OFFICE, 2022));
    const matcher = new AgencyMatcher(REGISTRY);
    const small = auditYear({
      year: 2022,
      registry: REGISTRY,
      reports: reports.map((r) => summariseOrThrow(r, matcher)),
      today: AFTER_ALL_DEADLINES,
      options: { minPeers: 3 },
    }).findings;
    expect(small.some((f) => f.rule === 'X5-RATE' && f.agency === AUDIT_OFFICE)).toBe(true);
  });

  it('notes year-on-year jumps over ×5 and drops under ×0.2, not smaller changes', () => {
    const fs = audit({
      mutate: (rs) => {
        find(rs, EDU, 2022).values['t2.licensing.decisions'] *= 6;
        find(rs, POLICE, 2022).values['t2.licensing.decisions'] = Math.round(find(rs, POLICE, 2021).values['t2.licensing.decisions'] / 6);
        find(rs, AUDIT_OFFICE, 2022).values['t2.licensing.decisions'] *= 4;
      },
    });
    expect(
      fs
        .filter((f) => f.rule === 'X5-JUMP')
        .map((f) => [f.agency, f.keys[0]])
        .sort(),
    ).toEqual(
      [
        [POLICE, 't2.licensing.decisions'],
        [EDU, 't2.licensing.decisions'],
      ].sort(),
    );
  });

  it('notes a zero where the peers’ median is large', () => {
    const fs = audit({ mutate: (rs) => void (find(rs, EDU, 2022).values['t2.penalty.decisions'] = 0) });
    expect(fs.filter((f) => f.rule === 'X5-ZERO').map((f) => [f.agency, f.keys[0]])).toEqual([[EDU, 't2.penalty.decisions']]);
    // Zero against a small peer group is not rated.
    const small = audit({ mutate: (rs) => void (find(rs, AUDIT_OFFICE, 2022).values['t2.penalty.decisions'] = 0) });
    expect(small.filter((f) => f.rule === 'X5-ZERO')).toEqual([]);
  });
});

describe('X6 government against its departments', () => {
  it('warns when the government reports fewer applications than its departments together', () => {
    const fs = audit({
      mutate: (rs) => {
        const v = find(rs, GOVERNMENT_NAME, 2022).values;
        v['t3.newReceived.total'] = 1;
      },
    });
    const x6 = fs.filter((f) => f.rule === 'X6');
    expect(x6.map((f) => [f.agency, f.severity, f.keys[0], f.reports.length])).toEqual([[GOVERNMENT_NAME, 'warning', 't3.newReceived.total', 11]]);
  });
});

describe('X7 old format', () => {
  it('flags a 2021-or-later report on the 2019 format, not a 2020 one', () => {
    const fs = audit({ mutate: (rs) => void (find(rs, EDU, 2022).format = '2019') });
    expect(fs.filter((f) => f.rule === 'X7').map((f) => [f.agency, f.severity])).toEqual([[EDU, 'error']]);
    const { reports } = makeWorld([2020]);
    const matcher = new AgencyMatcher(REGISTRY);
    const old = auditYear({ year: 2020, registry: REGISTRY, reports: reports.map((r) => summariseOrThrow(r, matcher)), today: '2021-06-01' });
    expect(rules(old.findings)).not.toContain('X7');
  });
});
