/**
 * The columns of the three tables, as the national form prints them. What a cell may hold follows
 * from its column: a count (a whole number, never negative), a signed change (本年增/减: a whole
 * number that may be negative) or money (万元 with decimals; a cell printed in 元 is converted).
 */
export type CellKind = 'count' | 'signed' | 'money';

export interface Column {
  /** Column part of the key: `t2.<row>.issued`, `t3.<row>.natural`, `t4.<group>.upheld`. */
  key: string;
  /** The heading as the form prints it. */
  zh: string;
  /** The heading in a field label (`表二 · 政府集中采购 · 金额（万元）`): the same words for a key in either format. */
  label: string;
  en: string;
  kind: CellKind;
  /** Money is in 万元 (fields.md), whatever unit the cell was printed in. */
  unit?: '万元';
}

/** How many 元 make the form's unit, 万元. */
export const YUAN_PER_WAN = 10_000;

/**
 * A money figure in 万元, the form's unit, from the unit it was printed in (元, 万元, 亿元; none: 万元),
 * rounded to millionths so a converted figure compares equal under the form's tolerance.
 */
export function toWan(n: number, unit?: string): number {
  const v = unit === '元' ? n / YUAN_PER_WAN : unit === '亿元' ? n * YUAN_PER_WAN : n;
  return Math.round(v * 1e6) / 1e6;
}

const count = (key: string, zh: string, en: string, label = zh): Column => ({ key, zh, label, en, kind: 'count' });
const money = (key: string, zh: string, en: string): Column => ({ key, zh, label: '金额（万元）', en, kind: 'money', unit: '万元' });

/** Table 2, 2021 form, 第二十条第（一）项: documents. */
export const T2_DOCUMENTS_2021: readonly Column[] = [
  count('issued', '本年制发件数', 'issued this year'),
  count('repealed', '本年废止件数', 'repealed this year'),
  count('valid', '现行有效件数', 'in force'),
];
/** Table 2, 2021 form, 第二十条第（五）（六）项: decisions. */
export const T2_DECISIONS_2021: readonly Column[] = [count('decisions', '本年处理决定数量', 'decisions this year', '处理决定数量')];
/** Table 2, 2021 form, 第二十条第（八）项: fees. */
export const T2_FEES_2021: readonly Column[] = [money('amount', '本年收费金额（单位：万元）', 'fees charged this year (10,000 yuan)')];

/** Table 2, 2019 form, 第二十条第（一）项: documents. */
export const T2_DOCUMENTS_2019: readonly Column[] = [
  count('made', '本年新制作数量', 'newly made this year'),
  count('published', '本年新公开数量', 'newly published this year'),
  count('total', '对外公开总数量', 'published in all'),
];
/** Table 2, 2019 form, 第二十条第（五）（六）项: items, their change and the decisions on them. */
export const T2_ITEMS_2019: readonly Column[] = [
  count('prev', '上一年项目数量', "last year's items"),
  { key: 'change', zh: '本年增/减', label: '本年增/减', en: 'change this year', kind: 'signed' },
  count('decisions', '处理决定数量', 'decisions'),
];
/** Table 2, 2019 form, 第二十条第（八）项: fee items (no decisions column). */
export const T2_FEES_2019: readonly Column[] = T2_ITEMS_2019.slice(0, 2);
/** Table 2, 2019 form, 第二十条第（九）项: central procurement. */
export const T2_PROCUREMENT_2019: readonly Column[] = [
  count('count', '采购项目数量', 'procurement projects'),
  money('amount', '采购总金额', 'procurement amount (10,000 yuan)'),
];

/** Table 3's columns in printed order: 自然人, the five under 法人或其他组织, 总计. */
export const T3_COLUMNS: readonly Column[] = [
  count('natural', '自然人', 'natural persons'),
  count('commercial', '商业企业', 'commercial enterprises'),
  count('research', '科研机构', 'research institutions'),
  count('social', '社会公益组织', 'public-interest organisations'),
  count('legal', '法律服务机构', 'legal service providers'),
  count('other', '其他', 'other organisations'),
  count('total', '总计', 'total'),
];

/** Every applicant column of table 3 (all but 总计). */
export const T3_APPLICANTS: readonly Column[] = T3_COLUMNS.filter((c) => c.key !== 'total');

/** Table 4's columns, repeated under each of its three groups. */
export const T4_COLUMNS: readonly Column[] = [
  count('upheld', '结果维持', 'upheld'),
  count('corrected', '结果纠正', 'corrected'),
  count('other', '其他结果', 'other result'),
  count('pending', '尚未审结', 'pending'),
  count('total', '总计', 'total'),
];
