/**
 * Records for the rule tests, built from the project's generator: a consistent report of either
 * format that passes every rule, which a test then breaks in one place (a cell, a section, a date).
 */
import { narrativePassage, type NarrativePart } from '../../scripts/generate/narrative';
import { SECTION_TITLES, tableKeys, type FormFormat as ReportFormat } from '../../lambdas/core/form';
import { makeReportSpec, type ReportSpecOptions } from '../../scripts/generate/values';
import { checkReport } from '../../lambdas/core/rules';
import { computeDerived } from '../../lambdas/core/values/derived';
import type { Finding, NarrativeFigure, Report, Section } from '../../lambdas/core/types';

export interface FixtureOptions extends Partial<ReportSpecOptions> {
  format: ReportFormat;
}

/** Sections a careful agency writes: the year opens the summary, problems are concrete, fees are stated. */
function sections(year: number, values: Record<string, number>, narrative: NarrativeFigure[]): Section[] {
  const stated = (...parts: NarrativePart[]) => parts.map((part) => narrativePassage(narrative, part)).join('');
  const unpaid = values['t3.otherHandling.overdueFee.total'] ?? 0;
  const texts = [
    `${year}年，本机关认真贯彻《中华人民共和国政府信息公开条例》，${stated('proactive', 'requests')}将政务公开纳入绩效考核，开展社会评议，未发生需要责任追究的情形。`,
    '主动公开情况见下表。',
    `收到和处理申请情况见下表。${stated('outcomes')}`,
    '行政复议、行政诉讼情况见下表。',
    '一是政策解读形式较为单一；二是个别栏目更新不及时。下一步将加强业务培训，规范答复文书，按期更新栏目内容。',
    unpaid > 0 ? `本年度共收取信息处理费${unpaid * 100}元。` : '本年度未收取信息处理费。',
  ];
  return SECTION_TITLES.map((title, i) => ({ n: i + 1, title, text: texts[i] }));
}

const PARTS: NarrativePart[] = ['proactive', 'requests', 'outcomes'];

/** The generator's sentence for one figure, whichever part of the prose states it. */
function sentenceOf(key: string, value: number): string {
  return PARTS.map((part) => narrativePassage([{ key, value }], part)).join('');
}

/** A parsed record of a generated report, every value with a table locator, every rule satisfied. */
export function makeReport(options: FixtureOptions): Report {
  const spec = makeReportSpec({ seed: 1, ...options });
  const keys = tableKeys(spec.format);
  const evidence = Object.fromEntries(
    keys.map((key, i) => [key, { source: 'table' as const, locator: `table[${key[1]}] cell ${i}`, raw: String(spec.values[key]) }]),
  );
  const narrative = spec.narrative.map(({ key, value }) => ({ key, value, sentence: sentenceOf(key, value) }));
  return {
    id: `generated-${spec.format}-${options.seed ?? 1}`,
    status: 'parsed',
    reason: null,
    input: { kind: 'text', bytes: 0, sha256: '', encoding: 'utf-8', script: 'simplified' },
    agency: spec.agency,
    year: spec.year,
    format: spec.format,
    publishedAt: spec.publishedAt,
    sections: sections(spec.year, spec.values, narrative),
    tables: ['t2', 't3', 't4'],
    values: { ...spec.values },
    evidence,
    derived: computeDerived(spec.values),
    narrative,
    repairs: [],
    findings: [],
  };
}

/** Re-derives the subtotals after a test changed cells, as the parser would. */
export function withValues(report: Report, changes: Record<string, number | undefined>): Report {
  const values = { ...report.values };
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) delete values[key];
    else values[key] = value;
  }
  return { ...report, values, derived: computeDerived(values) };
}

/** Findings that report a problem or a gap, for one rule family (`S5` matches `S5-balance`). */
export function findingsOf(report: Report, rule: string): Finding[] {
  return checkReport(report).filter((f) => f.rule === rule || f.rule.startsWith(`${rule}-`));
}
