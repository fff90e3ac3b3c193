import type { TableId } from '../types';

/** One of the three standard tables: its name, the section that holds it, and the words of its header. */
export interface FormTable {
  id: TableId;
  /** `表二`: how messages and field labels name it. */
  zh: string;
  en: string;
  /** The section (1–6) the table stands in. */
  section: number;
  /**
   * Header words only this table prints: a grid (or the part of it below them) holding them is this
   * table. Tried in the order of `TABLES` (table 4's words first: its 其他结果 is not table 3's 其他).
   */
  header: RegExp;
}

export const TABLES: readonly FormTable[] = [
  { id: 't4', zh: '表四', en: 'Table 4', section: 4, header: /行政复议|行政诉讼|结果维持|尚未审结/ },
  { id: 't3', zh: '表三', en: 'Table 3', section: 3, header: /申请人情况|自然人|本年新收|商业企业/ },
  { id: 't2', zh: '表二', en: 'Table 2', section: 2, header: /第二十条|信息内容|本年制发|本年新制作|处理决定数量|采购项目数量/ },
];

export const tableInfo = (id: TableId): FormTable => TABLES.find((t) => t.id === id)!;

/** Header cells the form prints above the tables' columns (the generator draws them; readers skip them). */
export const HEADERS = {
  /** Table 2's label column over each clause's rows. */
  t2Content: '信息内容',
  /** Table 3: over the seven applicant columns, over the five organisation columns, and the outcome rows' merged label. */
  t3Applicants: '申请人情况',
  t3LegalPersons: '法人或其他组织',
  t3Outcomes: '三、本年度办理结果',
  /** Table 3's top-left cell states the column balance. */
  t3BalanceNote: '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）',
} as const;

/**
 * Words only the standard tables print, never prose: a sentence holding one is a flattened table
 * (its column headings, header cells and the labels of rows prose never names this way).
 */
export const TABLE_WORDS =
  /第二十条第|信息内容|本年新制作数量|本年新公开数量|对外公开总数量|本年制发件数|本年废止件数|现行有效件数|处理决定数量|上一年项目数量|本年增\/减|采购项目数量|申请人情况自然人|勾稽关系|结果维持|结果纠正|尚未审结|未经复议直接起诉|属于国家秘密|信访举报投诉类申请|（七）总计/;
