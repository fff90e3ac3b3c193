import { BASIS } from './basis';
import { failed, notAssessable, type Rule } from './rule';
import { expectedFormat, tableShape } from './table-shape';

/** S2: the tables follow the national format of the reporting year. */
export const s2: Rule = {
  id: 'S2',
  name: { zh: '表格格式', en: 'Table format' },
  description: { zh: '表格采用报告年度适用的全国统一格式。', en: 'The tables follow the national format in force for the reporting year.' },
  basis: BASIS.formats,
  check(report) {
    const shape = tableShape(report);
    const expected = report.year === null ? 'unknown' : expectedFormat(report.year);
    if (shape === 'unknown' || expected === 'unknown')
      return [
        notAssessable('S2', {
          message: '缺少报告年度或可识别的表格，无法判断格式是否与年度相符。',
          messageEn: 'Without a reporting year from 2019 on and recognisable tables, the format cannot be checked against the year.',
          keys: ['year', 'format'],
        }),
      ];
    if (shape === expected) return [];
    return [
      failed('S2', 'error', {
        message: `${report.year}年度报告应使用${expected}年版表格，实际表格为${shape}年版。`,
        messageEn: `A ${report.year} report must use the ${expected} tables; its tables follow the ${shape} format.`,
        keys: ['year', 'format'],
        detail: `tables' shape: ${shape}`,
        basis: expected === '2019' ? BASIS.format2019 : BASIS.format2021,
      }),
    ];
  },
};
