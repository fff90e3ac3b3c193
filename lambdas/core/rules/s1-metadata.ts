import { BASIS } from './basis';
import { failed, notAssessable, type Issue, type Rule } from './rule';

const publishedYear = (date: string | null) => (date ? Number(date.slice(0, 4)) : null);

/** S1: the record names its agency and its reporting year, and that year is the statistics period. */
export const s1: Rule = {
  id: 'S1',
  name: { zh: '机关与年度', en: 'Agency and year' },
  description: {
    zh: '报告写明发布机关和报告年度，年度即统计期。',
    en: 'The report names its agency and reporting year, and that year is the statistics period.',
  },
  basis: `${BASIS.art49}（上一年度报告）；${BASIS.formats}（标题）`,
  check(report) {
    const issues: Issue[] = [];
    if (!report.agency)
      issues.push(
        failed('S1-agency', 'error', {
          message: '未能识别报告的机关名称。',
          messageEn: 'The reporting agency could not be identified.',
          keys: ['agency'],
        }),
      );
    if (report.year === null) {
      issues.push(
        failed('S1-year', 'error', {
          message: '未能识别报告年度（统计期间）。',
          messageEn: 'The reporting year (statistics period) could not be identified.',
          keys: ['year'],
        }),
      );
      return issues;
    }
    const published = publishedYear(report.publishedAt);
    if (published === null)
      issues.push(
        notAssessable('S1-period', {
          message: '没有发布日期，无法核对报告年度是否为统计期间而非发布年份。',
          messageEn: 'No publication date: cannot confirm the year is the statistics period rather than the publication year.',
          keys: ['year', 'publishedAt'],
        }),
      );
    else if (report.year >= published)
      issues.push(
        failed('S1-period', 'warning', {
          message: `报告年度${report.year}不早于发布年份${published}：年度报告应报告上一年度，年度可能取成了发布年份。`,
          messageEn: `Reporting year ${report.year} is not before the publication year ${published}: the report covers the previous year, so the year may be the publication year.`,
          keys: ['year', 'publishedAt'],
        }),
      );
    return issues;
  },
};
