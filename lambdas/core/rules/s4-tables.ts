import { labelWithKey } from '../form';
import type { TableId } from '../types';
import { BASIS } from './basis';
import { failed, type Rule } from './rule';

const TABLES: { id: TableId; name: string; nameEn: string }[] = [
  { id: 't2', name: '主动公开政府信息情况表', nameEn: 'table 2 (proactive disclosure)' },
  { id: 't3', name: '收到和处理政府信息公开申请情况表', nameEn: 'table 3 (applications)' },
  { id: 't4', name: '政府信息公开行政复议、行政诉讼情况表', nameEn: 'table 4 (reviews and lawsuits)' },
];

/**
 * S4: each standard table is present with values. A table whose figures the prose states but whose
 * cells are gone (lost in publishing or scraping, as in the seed) is its own finding: the numbers
 * exist, the form does not.
 */
export const s4: Rule = {
  id: 'S4',
  name: { zh: '标准表格齐全', en: 'Standard tables present' },
  description: { zh: '表二、表三、表四均有且有数值。', en: 'Tables 2, 3 and 4 are present and hold values.' },
  basis: `${BASIS.art50}；${BASIS.formats}`,
  check(report) {
    return TABLES.filter((t) => !report.tables.includes(t.id)).map((t) => {
      const stated = report.narrative.filter((f) => f.key.startsWith(`${t.id}.`));
      if (stated.length === 0)
        return failed('S4-missing', 'error', {
          message: `缺少${t.name}（表格不存在或没有数值）。`,
          messageEn: `The report has no ${t.nameEn} with values.`,
          keys: [t.id],
        });
      return failed('S4-narrative-only', 'error', {
        message: `${t.name}缺失，但正文叙述了其中${stated.length}项数字：表格在发布时丢失。`,
        messageEn: `The ${t.nameEn} is missing although the prose states ${stated.length} of its figures: the table was lost.`,
        keys: [t.id],
        sentences: [...new Set(stated.map((f) => f.sentence))],
        detail: stated.map((f) => `${labelWithKey(f.key)}=${f.value}`).join(', '),
      });
    });
  },
};
