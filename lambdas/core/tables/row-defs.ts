import type { Format, TableId } from '../types';

/**
 * The rows of the three standard tables (fields.md), in the order the national format prints them.
 * `match` runs on the row's label with all whitespace removed; rows are tried in list order, so
 * a sub-row (`1.属于国家秘密`) wins over the group label printed beside it (`（三）不予公开`).
 */
export interface RowDef {
  table: TableId;
  /** Row part of the key: `t3.<row>.<col>`, `t2.<row>.<col>`. */
  row: string;
  match: RegExp;
  cols: string[];
  /** Formats whose table has this row. */
  formats: Format[];
  /** Columns holding money (万元) or signed changes, where `.`, `元` and `-` may appear. */
  money?: string[];
  signed?: string[];
}

const BOTH: Format[] = ['2019', '2021'];
export const T3_COLS = ['natural', 'commercial', 'research', 'social', 'legal', 'other', 'total'];
export const T4_GROUPS = ['review', 'litigationDirect', 'litigationAfterReview'];
export const T4_COLS = ['upheld', 'corrected', 'other', 'pending', 'total'];
/** Column and group names as the form prints them, for messages. */
export const T3_COL_NAMES: Record<string, string> = {
  natural: '自然人',
  commercial: '商业企业',
  research: '科研机构',
  social: '社会公益组织',
  legal: '法律服务机构',
  other: '其他',
  total: '总计',
};
export const T4_GROUP_NAMES: Record<string, string> = { review: '行政复议', litigationDirect: '未经复议直接起诉', litigationAfterReview: '复议后起诉' };
const DOCS_2021 = ['issued', 'repealed', 'valid'];
const DOCS_2019 = ['made', 'published', 'total'];
const ITEMS_2019 = ['prev', 'change', 'decisions'];

export const T2_ROWS: RowDef[] = [
  { table: 't2', row: 'rules', match: /规章/, cols: DOCS_2021, formats: ['2021'] },
  { table: 't2', row: 'normative', match: /规范性文件/, cols: DOCS_2021, formats: ['2021'] },
  { table: 't2', row: 'licensing', match: /行政许可/, cols: ['decisions'], formats: ['2021'] },
  { table: 't2', row: 'penalty', match: /行政处罚/, cols: ['decisions'], formats: ['2021'] },
  { table: 't2', row: 'coercion', match: /行政强制/, cols: ['decisions'], formats: ['2021'] },
  { table: 't2', row: 'fees', match: /行政事业性收费|事业性收费/, cols: ['amount'], formats: ['2021'], money: ['amount'] },
  { table: 't2', row: 'rules', match: /规章/, cols: DOCS_2019, formats: ['2019'] },
  { table: 't2', row: 'normative', match: /规范性文件/, cols: DOCS_2019, formats: ['2019'] },
  { table: 't2', row: 'licensing', match: /行政许可/, cols: ITEMS_2019, formats: ['2019'], signed: ['change'] },
  { table: 't2', row: 'otherServices', match: /其他对外管理服务|对外管理服务事项/, cols: ITEMS_2019, formats: ['2019'], signed: ['change'] },
  { table: 't2', row: 'penalty', match: /行政处罚/, cols: ITEMS_2019, formats: ['2019'], signed: ['change'] },
  { table: 't2', row: 'coercion', match: /行政强制/, cols: ITEMS_2019, formats: ['2019'], signed: ['change'] },
  { table: 't2', row: 'fees', match: /行政事业性收费|事业性收费/, cols: ['prev', 'change'], formats: ['2019'], signed: ['change'] },
  { table: 't2', row: 'procurement', match: /政府集中采购|集中采购/, cols: ['count', 'amount'], formats: ['2019'], money: ['amount'] },
];

const t3 = (row: string, match: RegExp, formats: Format[] = BOTH): RowDef => ({ table: 't3', row, match, cols: T3_COLS, formats });

/** Canonical order of table 3; the 2019 format has one （六）其他处理 row, the 2021 format three sub-rows. */
export const T3_ROWS: RowDef[] = [
  t3('newReceived', /本年新收/),
  t3('carriedOver', /上年结转/),
  t3('granted', /(?<!不)予以公开/),
  t3('partial', /部分公开/),
  t3('denied.stateSecret', /国家秘密/),
  t3('denied.lawProhibited', /其他法律|行政法规禁止|法规禁止/),
  t3('denied.threeSecurity', /三安全一稳定|危及/),
  t3('denied.thirdParty', /第三方/),
  t3('denied.internalAffairs', /内部事务/),
  t3('denied.processInfo', /过程性/),
  t3('denied.enforcementFile', /执法案卷/),
  t3('denied.queryMatter', /查询事项/),
  t3('unable.noInfo', /不掌握/),
  t3('unable.needCreation', /另行制作|没有现成/),
  t3('unable.unclear', /仍不明确|不明确/),
  t3('notProcessed.complaint', /信访|举报投诉/),
  t3('notProcessed.repeat', /(?<!反复)重复申请/),
  t3('notProcessed.publication', /出版物/),
  t3('notProcessed.massRepeat', /大量反复|反复申请/),
  t3('notProcessed.confirm', /确认或重新出具|重新出具|要求行政机关确认/),
  t3('otherHandling.overdueCorrection', /逾期不补正|不补正/, ['2021']),
  t3('otherHandling.overdueFee', /缴纳费用|收费通知/, ['2021']),
  t3('otherHandling.other', /(?:其他处理|^)\d?[.、．]?其他$/, ['2021']),
  t3('otherHandling', /其他处理$/),
  t3('totalProcessed', /[（(]七[）)]总计|^总计$/),
  t3('carriedForward', /结转下年/),
];

/** Table 4 prints its three groups side by side: one row of 15 cells. */
export const T4_ROW: RowDef = {
  table: 't4',
  row: '*',
  match: /行政复议|行政诉讼|结果维持|尚未审结|^$/,
  cols: T4_GROUPS.flatMap((g) => T4_COLS.map((c) => `${g}.${c}`)),
  formats: BOTH,
};

/** A row's canonical keys, in column order (fields.md). */
export const rowKeys = (def: RowDef) => def.cols.map((c) => (def.row === T4_ROW.row ? `t4.${c}` : `${def.table}.${def.row}.${c}`));

/** Every key of a standard table in a format's form (table 3 with both its 其他处理 forms). */
export function tableKeys(table: TableId, format: Format): string[] {
  if (table === 't4') return rowKeys(T4_ROW);
  return (table === 't2' ? T2_ROWS : T3_ROWS).filter((d) => d.formats.includes(format)).flatMap(rowKeys);
}

/** One group of table 4 printed as a block of its own, five cells under its heading. */
const T4_BLOCKS: [RegExp, RowDef][] = [
  [/(?<!未经)行政复议(?!后)/, 'review'],
  [/未经复议|直接(?:提起)?(?:行政)?(?:起诉|诉讼)/, 'litigationDirect'],
  [/复议后(?:提起)?(?:行政)?(?:起诉|诉讼)/, 'litigationAfterReview'],
].map(([re, g]) => [re as RegExp, { ...T4_ROW, cols: T4_COLS.map((c) => `${g}.${c}`) }]);

/**
 * The table-4 group blocks a label names (`（二）行政诉讼：未经复议直接起诉`), in form order. A label
 * naming both 行政复议 and 行政诉讼 heads the whole table: every group.
 */
export const t4BlocksNamed = (label: string): RowDef[] =>
  /行政复议/.test(label) && /行政诉讼/.test(label) ? T4_BLOCKS.map(([, def]) => def) : T4_BLOCKS.filter(([re]) => re.test(label)).map(([, def]) => def);
