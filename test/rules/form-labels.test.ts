import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { AgencyMatcher, AUDIT_KEYS, auditYear, renderAuditCsv, summarise, type AuditFinding } from '../../lambdas/core/audit';
import { fieldLabel } from '../../lambdas/core/form';
import { compareCsv, compareTable, DEFAULT_METRICS, metricFor, RATE_METRICS } from '../../lambdas/core/compare';
import { parseCsv } from '../../lambdas/core/csv';
import { FINDINGS_CSV_HEADER } from '../../lambdas/core/findings/csv';
import { AUDIT_CHECKS, findingName } from '../../lambdas/core/findings/names';
import { PARSE_FINDINGS } from '../../lambdas/core/findings/parse-names';
import { parseReport } from '../../lambdas/core/record/parse-report';
import { checkReport } from '../../lambdas/core/rules';
import type { Finding, Report } from '../../lambdas/core/types';
import { WB_REGISTRY, workbenchReports } from '../api/workbench-fixtures';
import { makeReport, withValues } from './fixture';

// Officers read the form's words, not the project's keys: no message, evidence or export header
// names a cell by a bare key where the form has a label. A key may stand only as secondary text,
// in parentheses right after its label (`表三 · 予以公开 · 总计 (t3.granted.total)`).

const KEY = /\b(?:t[234](?:\.[A-Za-z]+)+|section\.[1-6]|agency|year|publishedAt|format)\b/g;

/** Every key of the text that the form labels but that does not stand right after its label. */
function bareKeys(text: string): string[] {
  const bare: string[] = [];
  for (const m of text.matchAll(KEY)) {
    const key = m[0];
    const label = fieldLabel(key);
    if (!label) continue;
    // Record field names are words too (`year`): only `year=…` or `(year)` is the key itself.
    if (!key.startsWith('t') && !key.startsWith('section.') && text[m.index + key.length] !== '=' && text[m.index - 1] !== '(') continue;
    const before = text.slice(0, m.index);
    if (!before.endsWith(`${label} (`)) bare.push(key);
  }
  return bare;
}

const texts = (f: Pick<Finding, 'rule' | 'message' | 'messageEn' | 'evidence'>) => [f.message, f.messageEn ?? '', f.evidence];

/** Reports that break each rule with a message about cells, in both formats. */
function brokenReports(): Report[] {
  const out: Report[] = [];
  for (const format of ['2019', '2021'] as const) {
    const base = makeReport({ format, seed: 6 });
    const v = base.values;
    const key = (re: RegExp) => Object.keys(v).find((k) => re.test(k))!;
    const t3Totals = Object.keys(v).filter((k) => /^t3\..+\.total$/.test(k));
    out.push(
      withValues(base, { 't3.granted.natural': v['t3.granted.natural'] + 3, 't3.carriedForward.natural': v['t3.carriedForward.natural'] + 2 }),
      withValues(base, { 't4.review.total': v['t4.review.total'] + 4 }),
      withValues(base, Object.fromEntries(t3Totals.slice(2, 6).map((k) => [k, undefined]))),
      withValues(base, Object.fromEntries(t3Totals.map((k) => [k, undefined]))),
      withValues(base, { 't3.newReceived.natural': undefined, 't3.carriedOver.natural': undefined }),
      withValues(base, { [key(/^t3\.granted\.commercial$/)]: -2, 't3.partial.total': 2.5 }),
      { ...withValues(base, {}), evidence: { ...base.evidence, 't3.partial.natural': { source: 'table', locator: 'table[3] cell 9', raw: '/' } } },
      { ...base, narrative: [...base.narrative, { key: 't3.granted.total', value: v['t3.granted.total'] + 7, sentence: '本年度予以公开很多件。' }] },
      {
        ...base,
        tables: ['t2'],
        values: Object.fromEntries(Object.entries(v).filter(([k]) => k.startsWith('t2.'))),
        narrative: [
          { key: 't3.unable.noInfo.total', value: 9, sentence: '因本机关不掌握无法提供9件。' },
          { key: 't3.unable.sum.total', value: 3, sentence: '无法提供3件。' },
          { key: 't4.litigation.sum.corrected', value: 5, sentence: '被纠错5件。' },
          { key: 't4.litigation.sum.total', value: 2, sentence: '行政诉讼2件。' },
        ],
      },
    );
    if (format === '2019') {
      out.push(withValues(base, { 't2.penalty.change': -v['t2.penalty.prev'] - 3 }));
      out.push(withValues(base, { 't2.licensing.change': -v['t2.licensing.prev'], 't2.licensing.decisions': 4 }));
    }
    const money = key(/^t2\..+\.amount$/);
    if (money) {
      out.push({ ...base, evidence: { ...base.evidence, [money]: { source: 'table', locator: 'table[2] cell 3', raw: `${v[money]}元` } } });
      out.push({ ...base, evidence: { ...base.evidence, [money]: { source: 'table', locator: 'table[2] cell 3', raw: `${v[money] + 1}万元` } } });
    }
  }
  return out;
}

/** Every report sample, parsed: the parser's own findings and the rules' on real layouts. */
async function sampleReports(): Promise<Report[]> {
  const dir = path.resolve(__dirname, '../../samples');
  const files = readdirSync(dir).filter((f) => /\.(txt|html)$/.test(f));
  return Promise.all(files.map((f) => parseReport({ id: f.replace(/\.\w+$/, ''), name: f, bytes: new Uint8Array(readFileSync(path.join(dir, f))) })));
}

/** The audit of the workbench's world, with the cross-year figures broken so that every audit rule speaks. */
function auditFindings(): AuditFinding[] {
  const reports = workbenchReports();
  const of = (agency: string, year: number) => reports.find((r) => r.agency === agency && r.year === year)!;
  const [dept, other, gov] = [WB_REGISTRY[1].name, WB_REGISTRY[2].name, WB_REGISTRY[0].name];
  const d = of(dept, 2024);
  d.values['t3.carriedOver.total'] += 9;
  d.values['t3.carriedOver.natural'] += 9;
  d.values['t2.rules.valid'] = (d.values['t2.rules.valid'] ?? 0) + 5;
  d.values['t3.newReceived.total'] *= 40;
  d.format = '2019';
  const o = of(other, 2024);
  o.values['t4.review.total'] = 0;
  o.narrative = [];
  o.sections = of(other, 2023).sections;
  of(gov, 2024).values['t3.newReceived.total'] = 1;
  const matcher = new AgencyMatcher(WB_REGISTRY);
  const summaries = reports.map((r) => summarise(r, matcher, AUDIT_KEYS)!).filter(Boolean);
  return auditYear({ year: 2024, registry: WB_REGISTRY, reports: summaries, today: '2025-06-01' }).findings;
}

describe('the form’s labels, not keys', () => {
  test('bareKeys tells a key standing alone from one after its label', () => {
    expect(bareKeys('正文称t3.granted.total为5')).toEqual(['t3.granted.total']);
    expect(bareKeys('表三 · 予以公开 · 总计 (t3.granted.total)=5; year=2024; 报告年度 (year)=2024')).toEqual(['year']);
    expect(bareKeys('the year 2024 report')).toEqual([]);
  });

  test("every report rule's messages and evidence, on broken records and every sample, name cells by the form's labels", async () => {
    const findings = [...brokenReports().flatMap((r) => checkReport(r)), ...(await sampleReports()).flatMap((r) => r.findings)];
    const rules = new Set(findings.map((f) => f.rule));
    // The rules whose messages name cells all spoke.
    for (const rule of ['S5-balance', 'S5-processed', 'S5-row-sum', 'S5-t4', 'S5-t2', 'S6-negative', 'S6-integer', 'S6-blank', 'S7-yuan-as-wan', 'S8-mismatch'])
      expect([rule, rules.has(rule)]).toEqual([rule, true]);
    expect([...rules].filter((r) => r.startsWith('S8-arithmetic') || r.startsWith('P-')).length).toBeGreaterThan(1);
    const bare = findings.flatMap((f) => texts(f).flatMap((t) => bareKeys(t).map((k) => `${f.rule}: ${k} in ${t}`)));
    expect(bare).toEqual([]);
  });

  test("every audit rule's messages and evidence name figures by the form's labels", () => {
    const findings = auditFindings();
    const families = new Set(findings.map((f) => f.rule.split('-')[0]));
    expect([...families].sort()).toEqual(['X1', 'X2', 'X3', 'X4', 'X5', 'X6', 'X7']);
    const bare = findings.flatMap((f) => texts(f).flatMap((t) => bareKeys(t).map((k) => `${f.rule}: ${k} in ${t}`)));
    expect(bare).toEqual([]);
  });

  test('every parse finding the code can raise, and every audit check with a suffix, has a name of its own', () => {
    const sources = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true, recursive: true })
        .filter((e) => e.isFile() && e.name.endsWith('.ts'))
        .map((e) => readFileSync(path.join(e.parentPath, e.name), 'utf8'));
    const code = sources(path.resolve(__dirname, '../../lambdas')).join('\n');
    const parse = new Set([...code.matchAll(/'(P-[A-Z-]+)'/g)].map((m) => m[1]));
    expect(parse.size).toBeGreaterThan(15);
    for (const id of parse) expect([id, PARSE_FINDINGS[id]?.zh]).toEqual([id, expect.stringMatching(/\p{Script=Han}/u)]);
    const suffixes = new Set([...code.matchAll(/suffix: '([A-Z]+)'|, '([A-Z]+)', '[^']+', '[a-z]+'\)\)/g)].map((m) => m[1] ?? m[2]));
    const checks = Object.keys(AUDIT_CHECKS).map((id) => id.split('-').slice(1).join('-'));
    for (const suffix of suffixes) expect([suffix, checks.includes(suffix)]).toEqual([suffix, true]);
    expect(findingName('S5-balance')?.zh).toBe('表内勾稽关系');
  });

  test('every export’s header row names its columns in Chinese, the field or key only as secondary text', () => {
    const metrics = [...RATE_METRICS.map((m) => m.id), ...DEFAULT_METRICS, 't3.unable.noInfo.total', 't4.review.corrected'].map((id) => metricFor(id)!);
    const table = compareTable([{ reportId: 'a', agency: '甲局', values: { 't3.newReceived.total': 3 } }], metrics);
    const heads = {
      findings: FINDINGS_CSV_HEADER,
      compare: parseCsv(compareCsv(table).replace(/^\uFEFF/, ''))[0],
      audit: parseCsv(renderAuditCsv([]).replace(/^\uFEFF/, ''))[0],
    };
    for (const [file, head] of Object.entries(heads)) {
      for (const cell of head) expect([file, cell]).toEqual([file, expect.stringMatching(/^\p{Script=Han}.* \([\w.]+\)$/u)]);
      expect([file, head.flatMap(bareKeys)]).toEqual([file, []]);
    }
    // Nor do the rates' formulas the charts show.
    expect(RATE_METRICS.flatMap((m) => bareKeys(m.definition))).toEqual([]);
    // A metric that is a cell of the form is headed by the form's own label.
    expect(heads.compare).toContain('表三 · 无法提供 · 本机关不掌握 · 总计 (t3.unable.noInfo.total)');
  });
});
