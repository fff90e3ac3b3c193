import { deadlineFor } from '../deadline';
import { cite, makeFinding, type AuditRule } from '../rule';
import type { AuditFinding } from '../types';
import { RULE_KEYS } from './inputs';

/**
 * X3: every registered agency publishes its report by its deadline. A missing report is only a
 * finding once the deadline has passed; a report published after it is late; a report whose agency
 * matches nothing in the registry cannot be audited and is reported too.
 */
export const x3MissingLate: AuditRule = {
  id: 'X3',
  name: { zh: '缺报、迟报、未登记', en: 'Missing, late or unregistered' },
  description: {
    zh: '登记机关按期发布年度报告；报告机关可在名录中找到。',
    en: "Every registered agency publishes on time; every report's agency is in the registry.",
  },
  severity: 'error',
  basis: '《政府信息公开条例》第四十九条、第五十条：部门1月31日前、县级以上人民政府3月31日前公布上一年度年度报告',
  keys: RULE_KEYS.X3,
  check(ctx) {
    const out: AuditFinding[] = [];
    for (const agency of ctx.registry) {
      const deadline = deadlineFor(agency, ctx.year);
      const report = ctx.current.get(agency.name);
      if (!report) {
        if (ctx.today <= deadline) continue;
        out.push(
          makeFinding(this, ctx.year, {
            suffix: 'MISSING',
            agency: agency.name,
            reports: [],
            keys: [],
            message: `${agency.name}未见${ctx.year}年度报告（期限${deadline}）。`,
            messageEn: `${agency.name}: no ${ctx.year} report found; the deadline was ${deadline}.`,
            evidence: `registry: ${agency.name} (${agency.kind}, ${agency.level}); audited ${ctx.today}`,
          }),
        );
      } else if (report.publishedAt && report.publishedAt > deadline) {
        out.push(
          makeFinding(this, ctx.year, {
            suffix: 'LATE',
            severity: 'warning',
            agency: agency.name,
            reports: [report],
            keys: ['publishedAt'],
            message: `${agency.name} ${ctx.year}年度报告于${report.publishedAt}公布，晚于期限${deadline}。`,
            messageEn: `${agency.name}: the ${ctx.year} report was published ${report.publishedAt}, after the deadline ${deadline}.`,
            evidence: `${cite(report)} publishedAt=${report.publishedAt}; deadline ${deadline}`,
          }),
        );
      }
    }
    for (const report of ctx.reports) {
      if (report.agency && !report.agency.inferred) continue;
      out.push(
        makeFinding(this, ctx.year, {
          suffix: 'UNREGISTERED',
          severity: 'info',
          agency: report.agencyText,
          reports: [report],
          keys: ['agency'],
          message: `报告${report.id}的机关“${report.agencyText ?? '（未识别）'}”不在机关名录中：已按名称推断机关类别和层级进行核查，未核查是否按期公开。`,
          messageEn: `Report ${report.id}: agency "${report.agencyText ?? '(not found)'}" matches no registered agency; audited with kind and level inferred from its name, deadlines not checked.`,
          evidence: `${cite(report)} agency=${report.agencyText ?? 'null'}`,
        }),
      );
    }
    return out;
  },
};
