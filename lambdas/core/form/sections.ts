/**
 * The six sections of the national format, each with the core words its title always keeps
 * (titles vary: `存在的问题及下一步安排`, `存在的主要问题及整改措施`, …). Alternatives are tried in order.
 */
export interface FormSection {
  n: number;
  /** The title as the form prints it. */
  title: string;
  en: string;
  cores: readonly string[];
  /** Header words of the standard table the section holds: what confirms a heading found only approximately. */
  table?: RegExp;
}

export const SECTIONS: readonly FormSection[] = [
  { n: 1, title: '一、总体情况', en: 'overview', cores: ['总体情况', '基本情况', '概述'] },
  {
    n: 2,
    title: '二、主动公开政府信息情况',
    en: 'proactive disclosure',
    cores: ['主动公开政府信息情况', '主动公开政府信息', '主动公开情况'],
    table: /第二十条|信息内容|本年制发|本年新制作/,
  },
  {
    n: 3,
    title: '三、收到和处理政府信息公开申请情况',
    en: 'applications received and handled',
    cores: ['收到和处理政府信息公开申请', '收到和处理', '依申请公开政府信息情况'],
    table: /申请人情况|自然人|本年新收/,
  },
  {
    n: 4,
    title: '四、政府信息公开行政复议、行政诉讼情况',
    en: 'administrative review and litigation',
    cores: ['行政复议、行政诉讼', '行政复议和行政诉讼', '行政复议及行政诉讼', '行政复议,行政诉讼', '行政复议，行政诉讼'],
    table: /结果维持|结果纠正|尚未审结/,
  },
  {
    n: 5,
    title: '五、存在的主要问题及改进情况',
    en: 'problems and improvements',
    cores: ['存在的主要问题', '存在的问题', '主要问题及改进', '问题及改进', '存在问题', '主要问题'],
  },
  { n: 6, title: '六、其他需要报告的事项', en: 'other matters', cores: ['其他需要报告的事项', '其他需要报告', '需要报告的事项', '其他事项'] },
];

/** The section titles in order, as the form prints them. */
export const SECTION_TITLES: readonly string[] = SECTIONS.map((s) => s.title);
