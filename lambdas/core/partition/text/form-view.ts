/**
 * What the text readers need of the national form, in one place: which row a label names, how many
 * columns that row has, the identities a row's figures satisfy, and the words that title columns
 * rather than rows. Readers that must know the form (one cell per line, where nothing but the form
 * says where a row ends) ask here, so the form model stays the only description of the form.
 */
import { classify } from '../../tables/classify';
import { detectFormat } from '../../tables/detect-format';
import { rowAdmits, rowIdentity } from '../../tables/identities';
import { rowKeys, T3_ROWS, T4_ROW, tableKeys, type RowDef } from '../../tables/row-defs';
import type { Format, TableId } from '../../types';

export { detectFormat, rowKeys as keysOf, tableKeys, type RowDef };

/** The form row a label names in a table, or null. */
export const rowOf = (label: string, context: TableId | null, format: Format): RowDef | null =>
  format === 'unknown' ? null : classify({ label, cells: [], context }, format);

/** The row the figures of an unlabelled line of a table stand for, as far as its shape goes: table 3's rows all have its seven columns, table 4 is one row. */
export const shapeOf = (context: TableId | null): RowDef | null => (context === 't3' ? T3_ROWS[0] : context === 't4' ? T4_ROW : null);

/** Whether a full row of figures satisfies its row's identities (table 3: the total; table 4: each group's total; table 2: its bounds). */
export function rowHolds(def: RowDef, values: number[]): boolean {
  if (values.length !== def.cols.length) return rowAdmits(def, values);
  const check = rowIdentity(def);
  return !check || values.every((_, i) => check(values.slice(0, i + 1)));
}

/**
 * Column titles of the three tables (and their group titles), which a one-cell-per-line text prints
 * in the stream like labels: they head columns, never rows (`总计` over the total column is not the
 * （七）总计 row, `其他` not 3.其他).
 */
const TITLES = new Set([
  '信息内容',
  '本年制发件数',
  '本年废止件数',
  '现行有效件数',
  '本年处理决定数量',
  '本年新制作数量',
  '本年新公开数量',
  '对外公开总数量',
  '上一年项目数量',
  '本年增/减',
  '本年增减',
  '处理决定数量',
  '采购项目数量',
  '采购总金额',
  '申请人情况',
  '自然人',
  '法人或其他组织',
  '商业企业',
  '科研机构',
  '社会公益组织',
  '法律服务机构',
  '其他',
  '总计',
  '行政复议',
  '行政诉讼',
  '未经复议直接起诉',
  '复议后起诉',
  '结果维持',
  '结果纠正',
  '其他结果',
  '尚未审结',
]);

export const isColumnTitle = (label: string) => TITLES.has(label) || /^本年收费金额|^采购总金额|^第二十条/.test(label);
