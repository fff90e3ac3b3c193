/**
 * The national report form as data: every row and column of tables 2, 3 and 4 with its canonical
 * key part and its Chinese label exactly as docs/fields.md prints it. The generator,
 * the renderers and the modules that mutate generated reports all read this one definition.
 */

export type ReportFormat = '2019' | '2021';

export interface Labelled {
  /** Key part: `normative`, `issued`, `denied.stateSecret`, `natural`, … */
  key: string;
  label: string;
}

/** One sub-table of table 2: a 第二十条 clause with its own columns and rows. */
export interface T2Block {
  clause: string;
  columns: Labelled[];
  rows: Labelled[];
  /** Column keys whose cells hold money in 万元 (two decimals). */
  money: string[];
}

export interface T3Row extends Labelled {
  /** Printed before the label in a merged cell: `（三）不予公开` over its numbered items. */
  group?: string;
  /** Under the merged `三、本年度办理结果` cell. */
  outcome: boolean;
}

export const SECTION_TITLES = [
  '一、总体情况',
  '二、主动公开政府信息情况',
  '三、收到和处理政府信息公开申请情况',
  '四、政府信息公开行政复议、行政诉讼情况',
  '五、存在的主要问题及改进情况',
  '六、其他需要报告的事项',
] as const;

export const T2_CONTENT_HEADER = '信息内容';

const COUNTS_2021: Labelled[] = [
  { key: 'issued', label: '本年制发件数' },
  { key: 'repealed', label: '本年废止件数' },
  { key: 'valid', label: '现行有效件数' },
];
const DECISIONS_2021: Labelled[] = [{ key: 'decisions', label: '本年处理决定数量' }];
const PROJECTS_2019: Labelled[] = [
  { key: 'prev', label: '上一年项目数量' },
  { key: 'change', label: '本年增/减' },
  { key: 'decisions', label: '处理决定数量' },
];

export const T2_BLOCKS: Record<ReportFormat, T2Block[]> = {
  '2021': [
    {
      clause: '第二十条第（一）项',
      columns: COUNTS_2021,
      rows: [
        { key: 'rules', label: '规章' },
        { key: 'normative', label: '行政规范性文件' },
      ],
      money: [],
    },
    { clause: '第二十条第（五）项', columns: DECISIONS_2021, rows: [{ key: 'licensing', label: '行政许可' }], money: [] },
    {
      clause: '第二十条第（六）项',
      columns: DECISIONS_2021,
      rows: [
        { key: 'penalty', label: '行政处罚' },
        { key: 'coercion', label: '行政强制' },
      ],
      money: [],
    },
    {
      clause: '第二十条第（八）项',
      columns: [{ key: 'amount', label: '本年收费金额（单位：万元）' }],
      rows: [{ key: 'fees', label: '行政事业性收费' }],
      money: ['amount'],
    },
  ],
  '2019': [
    {
      clause: '第二十条第（一）项',
      columns: [
        { key: 'made', label: '本年新制作数量' },
        { key: 'published', label: '本年新公开数量' },
        { key: 'total', label: '对外公开总数量' },
      ],
      rows: [
        { key: 'rules', label: '规章' },
        { key: 'normative', label: '规范性文件' },
      ],
      money: [],
    },
    {
      clause: '第二十条第（五）项',
      columns: PROJECTS_2019,
      rows: [
        { key: 'licensing', label: '行政许可' },
        { key: 'otherServices', label: '其他对外管理服务事项' },
      ],
      money: [],
    },
    {
      clause: '第二十条第（六）项',
      columns: PROJECTS_2019,
      rows: [
        { key: 'penalty', label: '行政处罚' },
        { key: 'coercion', label: '行政强制' },
      ],
      money: [],
    },
    {
      clause: '第二十条第（八）项',
      columns: PROJECTS_2019.slice(0, 2),
      rows: [{ key: 'fees', label: '行政事业性收费' }],
      money: [],
    },
    {
      clause: '第二十条第（九）项',
      columns: [
        { key: 'count', label: '采购项目数量' },
        { key: 'amount', label: '采购总金额' },
      ],
      rows: [{ key: 'procurement', label: '政府集中采购' }],
      money: ['amount'],
    },
  ],
};

export const T3_APPLICANT_HEADER = '申请人情况';
export const T3_LEGAL_PERSONS_HEADER = '法人或其他组织';
export const T3_OUTCOME_HEADER = '三、本年度办理结果';
export const T3_BALANCE_NOTE = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';

/** Table 3's columns in printed order; the five between natural and total sit under 法人或其他组织. */
export const T3_COLUMNS: Labelled[] = [
  { key: 'natural', label: '自然人' },
  { key: 'commercial', label: '商业企业' },
  { key: 'research', label: '科研机构' },
  { key: 'social', label: '社会公益组织' },
  { key: 'legal', label: '法律服务机构' },
  { key: 'other', label: '其他' },
  { key: 'total', label: '总计' },
];
export const T3_LEGAL_PERSON_COLUMNS = ['commercial', 'research', 'social', 'legal', 'other'] as const;

const DENIED = '（三）不予公开';
const UNABLE = '（四）无法提供';
const NOT_PROCESSED = '（五）不予处理';
const OTHER_HANDLING = '（六）其他处理';

const T3_HEAD_ROWS: T3Row[] = [
  { key: 'newReceived', label: '一、本年新收政府信息公开申请数量', outcome: false },
  { key: 'carriedOver', label: '二、上年结转政府信息公开申请数量', outcome: false },
  { key: 'granted', label: '（一）予以公开', outcome: true },
  { key: 'partial', label: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', outcome: true },
  { key: 'denied.stateSecret', label: '1.属于国家秘密', group: DENIED, outcome: true },
  { key: 'denied.lawProhibited', label: '2.其他法律行政法规禁止公开', group: DENIED, outcome: true },
  { key: 'denied.threeSecurity', label: '3.危及“三安全一稳定”', group: DENIED, outcome: true },
  { key: 'denied.thirdParty', label: '4.保护第三方合法权益', group: DENIED, outcome: true },
  { key: 'denied.internalAffairs', label: '5.属于三类内部事务信息', group: DENIED, outcome: true },
  { key: 'denied.processInfo', label: '6.属于四类过程性信息', group: DENIED, outcome: true },
  { key: 'denied.enforcementFile', label: '7.属于行政执法案卷', group: DENIED, outcome: true },
  { key: 'denied.queryMatter', label: '8.属于行政查询事项', group: DENIED, outcome: true },
  { key: 'unable.noInfo', label: '1.本机关不掌握相关政府信息', group: UNABLE, outcome: true },
  { key: 'unable.needCreation', label: '2.没有现成信息需要另行制作', group: UNABLE, outcome: true },
  { key: 'unable.unclear', label: '3.补正后申请内容仍不明确', group: UNABLE, outcome: true },
  { key: 'notProcessed.complaint', label: '1.信访举报投诉类申请', group: NOT_PROCESSED, outcome: true },
  { key: 'notProcessed.repeat', label: '2.重复申请', group: NOT_PROCESSED, outcome: true },
  { key: 'notProcessed.publication', label: '3.要求提供公开出版物', group: NOT_PROCESSED, outcome: true },
  { key: 'notProcessed.massRepeat', label: '4.无正当理由大量反复申请', group: NOT_PROCESSED, outcome: true },
  { key: 'notProcessed.confirm', label: '5.要求行政机关确认或重新出具已获取信息', group: NOT_PROCESSED, outcome: true },
];

const T3_TAIL_ROWS: T3Row[] = [
  { key: 'totalProcessed', label: '（七）总计', outcome: true },
  { key: 'carriedForward', label: '四、结转下年度继续办理', outcome: false },
];

const T3_OTHER_HANDLING: Record<ReportFormat, T3Row[]> = {
  '2019': [{ key: 'otherHandling', label: OTHER_HANDLING, outcome: true }],
  '2021': [
    {
      key: 'otherHandling.overdueCorrection',
      label: '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
      group: OTHER_HANDLING,
      outcome: true,
    },
    {
      key: 'otherHandling.overdueFee',
      label: '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
      group: OTHER_HANDLING,
      outcome: true,
    },
    { key: 'otherHandling.other', label: '3.其他', group: OTHER_HANDLING, outcome: true },
  ],
};

/** Table 3's rows in printed order for a format. */
export function t3Rows(format: ReportFormat): T3Row[] {
  return [...T3_HEAD_ROWS, ...T3_OTHER_HANDLING[format], ...T3_TAIL_ROWS];
}

/** The outcome rows whose sum is （七）总计. */
export function t3OutcomeLeaves(format: ReportFormat): T3Row[] {
  return t3Rows(format).filter((r) => r.outcome && r.key !== 'totalProcessed');
}

export const T4_LITIGATION_HEADER = '行政诉讼';

/** Table 4's groups in printed order; the last two sit under 行政诉讼. */
export const T4_GROUPS: Labelled[] = [
  { key: 'review', label: '行政复议' },
  { key: 'litigationDirect', label: '未经复议直接起诉' },
  { key: 'litigationAfterReview', label: '复议后起诉' },
];

export const T4_COLUMNS: Labelled[] = [
  { key: 'upheld', label: '结果维持' },
  { key: 'corrected', label: '结果纠正' },
  { key: 'other', label: '其他结果' },
  { key: 'pending', label: '尚未审结' },
  { key: 'total', label: '总计' },
];

/** Every canonical table key of a format, in printed order (table 2, then 3 row by row, then 4 group by group). */
export function tableKeys(format: ReportFormat): string[] {
  const t2 = T2_BLOCKS[format].flatMap((b) => b.rows.flatMap((r) => b.columns.map((c) => `t2.${r.key}.${c.key}`)));
  const t3 = t3Rows(format).flatMap((r) => T3_COLUMNS.map((c) => `t3.${r.key}.${c.key}`));
  const t4 = T4_GROUPS.flatMap((g) => T4_COLUMNS.map((c) => `t4.${g.key}.${c.key}`));
  return [...t2, ...t3, ...t4];
}

/** Keys of table 2 whose value is money in 万元. */
export function moneyKeys(format: ReportFormat): string[] {
  return T2_BLOCKS[format].flatMap((b) => b.rows.flatMap((r) => b.money.map((c) => `t2.${r.key}.${c}`)));
}
