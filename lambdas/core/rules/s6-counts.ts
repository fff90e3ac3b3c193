import { labelOf, labelWithKey, MONEY_KEYS, SIGNED_KEYS } from '../form';
import { BASIS } from './basis';
import { failed, notAssessable, type Issue, type Rule } from './rule';

/**
 * S6: every count is a whole number of at least zero, and a value was printed as a number: a blank,
 * `/` or `—` gives no key, so a key whose cell holds no digit means a blank was turned into 0.
 */
export const s6: Rule = {
  id: 'S6',
  name: { zh: '数字规范', en: 'Counts are whole numbers' },
  description: { zh: '件数为非负整数，空白未被当作0。', en: 'Every count is a whole number of at least zero, and no blank was turned into 0.' },
  basis: BASIS.formats,
  check(report) {
    const keys = Object.keys(report.values).filter((k) => /^t[234]\./.test(k));
    if (keys.length === 0)
      return [
        notAssessable('S6', {
          message: '没有表格数值，无法核对计数。',
          messageEn: 'No table values: the counts cannot be checked.',
          keys: report.tables.length ? report.tables : ['t2', 't3', 't4'],
        }),
      ];
    const issues: Issue[] = [];
    for (const key of keys) {
      const value = report.values[key];
      const raw = report.evidence[key]?.raw;
      if (raw !== undefined && !/\d/.test(raw))
        issues.push(
          failed('S6-blank', 'error', {
            message: `「${labelOf(key)}」的单元格为“${raw}”（空白或“/”），却记为${value}：空白、“/”与0应区分。`,
            messageEn: `${labelWithKey(key)} is stored as ${value} but its cell reads "${raw}": blank, "/" and 0 must stay distinct.`,
            keys: [key],
          }),
        );
      else if (value < 0 && !SIGNED_KEYS.has(key))
        issues.push(
          failed('S6-negative', 'error', {
            message: `「${labelOf(key)}」为负数${value}：件数不能为负。`,
            messageEn: `${labelWithKey(key)} is negative (${value}); a count cannot be.`,
            keys: [key],
          }),
        );
      else if (!Number.isInteger(value) && !MONEY_KEYS.has(key))
        issues.push(
          failed('S6-integer', 'error', {
            message: `「${labelOf(key)}」为${value}：件数应为整数。`,
            messageEn: `${labelWithKey(key)} is ${value}; a count must be a whole number.`,
            keys: [key],
          }),
        );
    }
    return issues;
  },
};
