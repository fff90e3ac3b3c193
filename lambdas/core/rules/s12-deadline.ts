import { agencyLevel } from './agency-level';
import { BASIS } from './basis';
import { failed, notAssessable, type Rule } from './rule';

/**
 * S12: departments publish by 31 January of the next year, governments by 31 March (条例第四十九条).
 * An unknown date is never a pass; an unknown level is judged only where both deadlines agree.
 */
export const s12: Rule = {
  id: 'S12',
  name: { zh: '发布期限', en: 'Publication deadline' },
  description: { zh: '部门1月31日前、政府3月31日前发布年度报告。', en: 'Departments publish by 31 January, governments by 31 March.' },
  basis: BASIS.art49,
  check(report) {
    if (report.year === null || !report.publishedAt)
      return [
        notAssessable('S12', {
          message: '报告未载明发布日期（或年度），无法核对是否按期公开。',
          messageEn: 'The report states no publication date (or year): the deadline cannot be checked.',
          keys: ['publishedAt', 'year'],
        }),
      ];
    const january = `${report.year + 1}-01-31`;
    const march = `${report.year + 1}-03-31`;
    const date = report.publishedAt;
    if (date <= january) return [];
    const level = report.agency ? agencyLevel(report.agency) : null;
    if (date <= march && level === null)
      return [
        notAssessable('S12', {
          message: `报告于${date}发布：政府部门已逾1月31日期限，人民政府未逾3月31日期限，但无法识别机关层级。`,
          messageEn: `Published ${date}: late for a department (31 January), in time for a government (31 March), and the agency is unknown.`,
          keys: ['publishedAt', 'year', 'agency'],
        }),
      ];
    if (date <= march && level === 'government') return [];
    const deadline = level === 'department' ? january : march;
    return [
      failed('S12', 'warning', {
        message: `报告于${date}发布，晚于${level === 'department' ? '政府部门' : '人民政府'}的公布期限${deadline}。`,
        messageEn: `Published ${date}, after the ${level === 'department' ? 'department' : 'government'} deadline of ${deadline}.`,
        keys: ['publishedAt', 'year', 'agency'],
        detail: `level: ${level ?? 'unknown'}; deadline ${deadline}`,
      }),
    ];
  },
};
