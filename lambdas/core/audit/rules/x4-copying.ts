import { groupBy } from '../group';
import { cite, makeFinding, type AuditRule } from '../rule';
import { similarity } from '../similarity';
import type { AuditFinding, ReportSummary } from '../types';
import { RULE_KEYS } from './inputs';

/**
 * X4: a narrative largely copied from the agency's previous report (shingled similarity over the
 * threshold), and a narrative or a complete set of tables identical across different agencies.
 */
export const x4Copying: AuditRule = {
  id: 'X4',
  name: { zh: '抄袭与雷同', en: 'Copied or identical' },
  description: {
    zh: '正文大段沿用上年，或不同机关的正文、表格完全相同。',
    en: 'A narrative copied from last year, or text or tables identical across agencies.',
  },
  severity: 'warning',
  basis: '《政府信息公开条例》第五十条：年度报告应如实反映本年度政府信息公开工作情况',
  keys: RULE_KEYS.X4,
  check(ctx) {
    const out: AuditFinding[] = [];
    for (const [agency, cur] of ctx.current) {
      const prev = ctx.previous.get(agency);
      if (!prev?.narrativeSignature || !cur.narrativeSignature) continue;
      const sim = similarity(cur.narrativeSignature, prev.narrativeSignature);
      if (sim <= ctx.options.copySimilarity) continue;
      const pct = Math.round(sim * 100);
      out.push(
        makeFinding(this, ctx.year, {
          suffix: 'PREV',
          agency,
          reports: [cur, prev],
          keys: ['sections'],
          message: `${agency} ${ctx.year}年度报告的文字部分与上年报告约${pct}%相同。`,
          messageEn: `${agency}: about ${pct}% of the ${ctx.year} narrative repeats the previous report.`,
          evidence: `${cite(cur)} vs ${cite(prev)}: shingle similarity ${sim.toFixed(2)} > ${ctx.options.copySimilarity}`,
        }),
      );
    }
    const matched = [...ctx.current.values()];
    out.push(...identical(this, ctx.year, matched, (r) => r.narrativeHash, 'NARRATIVE', '文字部分', 'narrative'));
    out.push(...identical(this, ctx.year, matched, (r) => r.tableHash, 'TABLES', '全部表格数据', 'tables'));
    return out;
  },
};

function identical(
  rule: AuditRule,
  year: number,
  reports: ReportSummary[],
  hashOf: (r: ReportSummary) => string | null,
  suffix: string,
  what: string,
  whatEn: string,
): AuditFinding[] {
  return [...groupBy(reports, hashOf).values()]
    .filter((g) => g.length > 1)
    .map((g) => {
      const names = g.map((r) => r.agency!.name);
      return makeFinding(rule, year, {
        suffix,
        agency: names[0],
        reports: g,
        keys: [suffix === 'TABLES' ? 'values' : 'sections'],
        message: `${names.join('、')}的${year}年度报告${what}完全相同。`,
        messageEn: `The ${year} ${whatEn} of ${names.join(', ')} are identical.`,
        evidence: g.map(cite).join(', '),
      });
    });
}
