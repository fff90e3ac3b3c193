import { BASIS } from './basis';
import { failed, notAssessable, type Rule } from './rule';
import { sectionText } from './section-text';

/**
 * S11: the work summary (section 1) opens its statements with the reporting year. A sentence that
 * opens with another year (`2023年，我局…` in the 2024 report) is last year's text carried over;
 * years inside titles (`《2023年政务公开工作要点》`) and spans (`2019年以来`) are not.
 */
export const s11: Rule = {
  id: 'S11',
  name: { zh: '沿用往年文字', en: "Last year's text" },
  description: { zh: '工作概述以报告年度陈述，未沿用上一年的文字。', en: "The work summary speaks of the reporting year, not last year's text carried over." },
  basis: `${BASIS.art49}（报告上一年度工作）`,
  check(report) {
    const text = sectionText(report, 1);
    if (report.year === null || text === null)
      return [
        notAssessable('S11', {
          message: '缺少报告年度或第一部分“总体情况”，无法核对年份。',
          messageEn: 'Without the reporting year and section 1, the years of the summary cannot be checked.',
          keys: ['year', 'section.1'],
        }),
      ];
    const opening = /(?:^|[。；！\s])((?:19|20)\d{2})年(?:度)?(?:[，,]|我|本|全)/g;
    const stale = [...text.matchAll(opening)]
      .filter((m) => Number(m[1]) !== report.year)
      .map((m) => {
        const at = m.index! + m[0].indexOf(m[1]);
        return text.slice(at, text.indexOf('。', at) + 1 || at + 60);
      });
    if (stale.length === 0) return [];
    const years = [...new Set(stale.map((s) => s.slice(0, 4)))];
    return [
      failed('S11', 'warning', {
        message: `${report.year}年度报告的总体情况中有以${years.join('、')}年开头的工作表述，疑似沿用往年文字。`,
        messageEn: `The ${report.year} report's summary has statements opening with ${years.join(', ')}: text copied from an earlier report.`,
        keys: ['year', 'section.1'],
        sentences: stale,
      }),
    ];
  },
};
