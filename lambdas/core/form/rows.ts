import type { TableId } from '../types';
import {
  T2_DECISIONS_2021,
  T2_DOCUMENTS_2019,
  T2_DOCUMENTS_2021,
  T2_FEES_2019,
  T2_FEES_2021,
  T2_ITEMS_2019,
  T2_PROCUREMENT_2019,
  T3_COLUMNS,
  T4_COLUMNS,
  type Column,
} from './columns';
import { FORMATS, type FormFormat } from './formats';
import { cellKey } from './keys';

/** A merged label cell of table 3 printed beside its numbered rows (`（三）不予公开` over 1.–8.). */
export interface RowGroup {
  key: 'denied' | 'unable' | 'notProcessed' | 'otherHandling';
  zh: string;
  /** In field labels: `不予公开 · 国家秘密`. */
  label: string;
  en: string;
}

/**
 * Where a table-3 row stands in the form's balance: applications taken in (一、二), an outcome under
 * 三、本年度办理结果, their total （七）, or carried forward (四).
 */
export type T3Role = 'intake' | 'outcome' | 'processed' | 'forward';

/** One printed row of a standard table: its key, labels, the label variants that name it, and its cells. */
export interface FormRow {
  table: TableId;
  /** Row part of the key (`rules`, `denied.stateSecret`, `review`); `*` for table 4 printed as one row of its three groups. */
  key: string;
  /** The label as the form prints it in the row's own cell (a group's label stands beside it, `group.zh`). */
  zh: string;
  /** In field labels (`表三 · 不予公开 · 国家秘密`): short, with the group's label before it. */
  label: string;
  en: string;
  /**
   * The label variants that name the row, tried on the label with all whitespace removed. Rows
   * are tried in form order, so a sub-row (`1.属于国家秘密`) wins over the group label printed beside it.
   */
  match: RegExp;
  columns: readonly Column[];
  /** The canonical keys of the row's cells, in printed order. */
  keys: readonly string[];
  formats: readonly FormFormat[];
  group?: RowGroup;
  role?: T3Role;
  /** Table 2: the 第二十条 clause whose sub-table holds the row. */
  clause?: string;
  /** The rows some reports print this one row in place of (（六）其他处理 for the 2021 form's three sub-rows). */
  replaces?: readonly string[];
  /** A heading printed over this row and its neighbours (`行政诉讼` over table 4's two litigation groups). */
  under?: string;
  /** How prose names the row's documents, as a pattern (`(?:政府)?规章`): what narrative sentences are read by. */
  prose?: string;
}

type RowData = Omit<FormRow, 'keys' | 'table' | 'formats' | 'columns'>;

const row = (table: TableId, formats: readonly FormFormat[], columns: readonly Column[], data: RowData): FormRow => ({
  table,
  ...data,
  columns,
  formats,
  keys: columns.map((c) => cellKey(table, data.key, c.key)),
});

/** One sub-table of table 2: a 第二十条 clause with its own columns and rows. */
export interface T2Block {
  clause: string;
  columns: readonly Column[];
  rows: readonly FormRow[];
}

const block = (format: FormFormat, clause: string, columns: readonly Column[], rows: Omit<RowData, 'clause'>[]): T2Block => ({
  clause,
  columns,
  rows: rows.map((r) => row('t2', [format], columns, { ...r, clause })),
});

const RULES = { key: 'rules', zh: '规章', label: '规章', en: 'rules', match: /规章/, prose: '(?:政府)?规章' };
const NORMATIVE = { key: 'normative', label: '行政规范性文件', en: 'normative documents', match: /规范性文件/, prose: '(?:行政)?规范性文件' };
const LICENSING = { key: 'licensing', zh: '行政许可', label: '行政许可', en: 'administrative licensing', match: /行政许可/ };
const PENALTY = { key: 'penalty', zh: '行政处罚', label: '行政处罚', en: 'administrative penalties', match: /行政处罚/ };
const COERCION = { key: 'coercion', zh: '行政强制', label: '行政强制', en: 'administrative coercion', match: /行政强制/ };
const FEES = { key: 'fees', zh: '行政事业性收费', label: '行政事业性收费', en: 'administrative fees', match: /行政事业性收费|事业性收费/ };

export const T2_BLOCKS: Readonly<Record<FormFormat, readonly T2Block[]>> = {
  '2021': [
    block('2021', '第二十条第（一）项', T2_DOCUMENTS_2021, [RULES, { ...NORMATIVE, zh: '行政规范性文件' }]),
    block('2021', '第二十条第（五）项', T2_DECISIONS_2021, [LICENSING]),
    block('2021', '第二十条第（六）项', T2_DECISIONS_2021, [PENALTY, COERCION]),
    block('2021', '第二十条第（八）项', T2_FEES_2021, [FEES]),
  ],
  '2019': [
    block('2019', '第二十条第（一）项', T2_DOCUMENTS_2019, [RULES, { ...NORMATIVE, zh: '规范性文件' }]),
    block('2019', '第二十条第（五）项', T2_ITEMS_2019, [
      LICENSING,
      {
        key: 'otherServices',
        zh: '其他对外管理服务事项',
        label: '其他对外管理服务事项',
        en: 'other public services',
        match: /其他对外管理服务|对外管理服务事项/,
      },
    ]),
    block('2019', '第二十条第（六）项', T2_ITEMS_2019, [PENALTY, COERCION]),
    block('2019', '第二十条第（八）项', T2_FEES_2019, [FEES]),
    block('2019', '第二十条第（九）项', T2_PROCUREMENT_2019, [
      { key: 'procurement', zh: '政府集中采购', label: '政府集中采购', en: 'central government procurement', match: /政府集中采购|集中采购/ },
    ]),
  ],
};

const T2_ROWS: Readonly<Record<FormFormat, readonly FormRow[]>> = {
  '2021': T2_BLOCKS['2021'].flatMap((b) => b.rows),
  '2019': T2_BLOCKS['2019'].flatMap((b) => b.rows),
};

/** Table 2's rows of a format, in printed order. */
export const t2Rows = (format: FormFormat): readonly FormRow[] => T2_ROWS[format];

export const T3_GROUPS: Readonly<Record<RowGroup['key'], RowGroup>> = {
  denied: { key: 'denied', zh: '（三）不予公开', label: '不予公开', en: 'not disclosed' },
  unable: { key: 'unable', zh: '（四）无法提供', label: '无法提供', en: 'cannot be provided' },
  notProcessed: { key: 'notProcessed', zh: '（五）不予处理', label: '不予处理', en: 'not processed' },
  otherHandling: { key: 'otherHandling', zh: '（六）其他处理', label: '其他处理', en: 'other handling' },
};

const t3 = (data: RowData, formats: readonly FormFormat[] = FORMATS): FormRow => row('t3', formats, T3_COLUMNS, data);
const { denied, unable, notProcessed, otherHandling } = T3_GROUPS;
const OTHER_HANDLING_ROWS = ['otherHandling.overdueCorrection', 'otherHandling.overdueFee', 'otherHandling.other'];

/**
 * Table 3's rows in form order, both formats: the 2021 form prints （六）其他处理 as three sub-rows,
 * the 2019 form (and some 2021 reports) as one row.
 */
export const T3_ROWS: readonly FormRow[] = [
  t3({ key: 'newReceived', zh: '一、本年新收政府信息公开申请数量', label: '本年新收', en: 'new applications', match: /本年新收/, role: 'intake' }),
  t3({ key: 'carriedOver', zh: '二、上年结转政府信息公开申请数量', label: '上年结转', en: 'carried over from last year', match: /上年结转/, role: 'intake' }),
  t3({ key: 'granted', zh: '（一）予以公开', label: '予以公开', en: 'disclosed', match: /(?<!不)予以公开/, role: 'outcome' }),
  t3({
    key: 'partial',
    zh: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
    label: '部分公开',
    en: 'partly disclosed',
    match: /部分公开/,
    role: 'outcome',
  }),
  t3({ key: 'denied.stateSecret', zh: '1.属于国家秘密', label: '国家秘密', en: 'state secret', match: /国家秘密/, group: denied, role: 'outcome' }),
  t3({
    key: 'denied.lawProhibited',
    zh: '2.其他法律行政法规禁止公开',
    label: '法律行政法规禁止',
    en: 'prohibited by other laws',
    match: /其他法律|行政法规禁止|法规禁止/,
    group: denied,
    role: 'outcome',
  }),
  t3({
    key: 'denied.threeSecurity',
    zh: '3.危及“三安全一稳定”',
    label: '危及“三安全一稳定”',
    en: 'endangers security or stability',
    match: /三安全一稳定|危及/,
    group: denied,
    role: 'outcome',
  }),
  t3({
    key: 'denied.thirdParty',
    zh: '4.保护第三方合法权益',
    label: '保护第三方合法权益',
    en: "a third party's rights",
    match: /第三方/,
    group: denied,
    role: 'outcome',
  }),
  t3({
    key: 'denied.internalAffairs',
    zh: '5.属于三类内部事务信息',
    label: '三类内部事务信息',
    en: 'internal affairs',
    match: /内部事务/,
    group: denied,
    role: 'outcome',
  }),
  t3({
    key: 'denied.processInfo',
    zh: '6.属于四类过程性信息',
    label: '四类过程性信息',
    en: 'process information',
    match: /过程性/,
    group: denied,
    role: 'outcome',
  }),
  t3({
    key: 'denied.enforcementFile',
    zh: '7.属于行政执法案卷',
    label: '行政执法案卷',
    en: 'enforcement file',
    match: /执法案卷/,
    group: denied,
    role: 'outcome',
  }),
  t3({
    key: 'denied.queryMatter',
    zh: '8.属于行政查询事项',
    label: '行政查询事项',
    en: 'administrative query',
    match: /查询事项/,
    group: denied,
    role: 'outcome',
  }),
  t3({
    key: 'unable.noInfo',
    zh: '1.本机关不掌握相关政府信息',
    label: '本机关不掌握',
    en: 'not held by the agency',
    match: /不掌握/,
    group: unable,
    role: 'outcome',
  }),
  t3({
    key: 'unable.needCreation',
    zh: '2.没有现成信息需要另行制作',
    label: '需另行制作',
    en: 'would have to be created',
    match: /另行制作|没有现成/,
    group: unable,
    role: 'outcome',
  }),
  t3({
    key: 'unable.unclear',
    zh: '3.补正后申请内容仍不明确',
    label: '补正后仍不明确',
    en: 'unclear after correction',
    match: /仍不明确|不明确/,
    group: unable,
    role: 'outcome',
  }),
  t3({
    key: 'notProcessed.complaint',
    zh: '1.信访举报投诉类申请',
    label: '信访举报投诉类',
    en: 'petitions and complaints',
    match: /信访|举报投诉/,
    group: notProcessed,
    role: 'outcome',
  }),
  t3({
    key: 'notProcessed.repeat',
    zh: '2.重复申请',
    label: '重复申请',
    en: 'repeated application',
    match: /(?<!反复)重复申请/,
    group: notProcessed,
    role: 'outcome',
  }),
  t3({
    key: 'notProcessed.publication',
    zh: '3.要求提供公开出版物',
    label: '公开出版物',
    en: 'asks for a publication',
    match: /出版物/,
    group: notProcessed,
    role: 'outcome',
  }),
  t3({
    key: 'notProcessed.massRepeat',
    zh: '4.无正当理由大量反复申请',
    label: '大量反复申请',
    en: 'mass repeated applications',
    match: /大量反复|反复申请/,
    group: notProcessed,
    role: 'outcome',
  }),
  t3({
    key: 'notProcessed.confirm',
    zh: '5.要求行政机关确认或重新出具已获取信息',
    label: '要求确认或重新出具',
    en: 'asks to confirm or reissue',
    match: /确认或重新出具|重新出具|要求行政机关确认/,
    group: notProcessed,
    role: 'outcome',
  }),
  t3(
    {
      key: 'otherHandling.overdueCorrection',
      zh: '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
      label: '逾期不补正',
      en: 'not corrected in time',
      match: /逾期不补正|不补正/,
      group: otherHandling,
      role: 'outcome',
    },
    ['2021'],
  ),
  t3(
    {
      key: 'otherHandling.overdueFee',
      zh: '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
      label: '逾期未缴费',
      en: 'fee not paid in time',
      match: /缴纳费用|收费通知/,
      group: otherHandling,
      role: 'outcome',
    },
    ['2021'],
  ),
  t3({ key: 'otherHandling.other', zh: '3.其他', label: '其他', en: 'other', match: /(?:其他处理|^)\d?[.、．]?其他$/, group: otherHandling, role: 'outcome' }, [
    '2021',
  ]),
  t3({
    key: 'otherHandling',
    zh: '（六）其他处理',
    label: '其他处理',
    en: 'other handling',
    match: /其他处理$/,
    role: 'outcome',
    replaces: OTHER_HANDLING_ROWS,
  }),
  t3({ key: 'totalProcessed', zh: '（七）总计', label: '办理结果总计', en: 'total processed', match: /[（(]七[）)]总计|^总计$/, role: 'processed' }),
  t3({
    key: 'carriedForward',
    zh: '四、结转下年度继续办理',
    label: '结转下年度继续办理',
    en: 'carried forward to next year',
    match: /结转下年/,
    role: 'forward',
  }),
];

/**
 * Which of the form's two ways of printing （六）其他处理 a table 3 uses: `rows` (the 2021 form's three
 * sub-rows) or `single` (one row: the 2019 form, and some 2021 reports).
 */
export interface T3Layout {
  format: FormFormat;
  otherHandling: 'rows' | 'single';
}

/** The layout the form prescribes, or the one a report printed (the single row once any row is read as it). */
export const t3Layout = (format: FormFormat, printsSingle = false): T3Layout => ({
  format,
  otherHandling: format === '2019' || printsSingle ? 'single' : 'rows',
});

const REPLACED = new Set(T3_ROWS.flatMap((r) => r.replaces ?? []));

/** The single （六）其他处理 row: printing it makes the layout `single`. */
const REPLACING = new Set(T3_ROWS.filter((r) => r.replaces).map((r) => r.key));

/** The layout a report's values show: the （六）其他处理 rows it printed decide, else its format's own. */
export function t3LayoutOfKeys(format: FormFormat, keys: Iterable<string>): T3Layout {
  let single = false;
  for (const k of keys) {
    if (!k.startsWith('t3.')) continue;
    // The row part: everything between the table and the column (`t3.otherHandling.other.total` → otherHandling.other).
    const row = k.slice(3, k.lastIndexOf('.'));
    if (REPLACED.has(row)) return { format, otherHandling: 'rows' };
    single ||= REPLACING.has(row);
  }
  return t3Layout(format, single);
}

/** A layout, or a format standing for the layout its form prescribes. */
export type LayoutOrFormat = T3Layout | FormFormat;
const asLayout = (l: LayoutOrFormat): T3Layout => (typeof l === 'string' ? t3Layout(l) : l);

/** Per format and layout, computed once: the rows are read for every row of every report. */
const layoutKey = (l: T3Layout) => `${l.format}:${l.otherHandling}`;
const T3_ROWS_OF_LAYOUT = new Map<string, readonly FormRow[]>();
for (const format of FORMATS)
  for (const layout of [t3Layout(format), t3Layout(format, true)])
    T3_ROWS_OF_LAYOUT.set(
      layoutKey(layout),
      T3_ROWS.filter((r) => {
        if (r.replaces) return layout.otherHandling === 'single';
        if (REPLACED.has(r.key)) return layout.otherHandling === 'rows';
        return r.formats.includes(layout.format);
      }),
    );

/** Table 3's rows of a layout, in printed order: the layout alone says which way （六）其他处理 is printed. */
export const t3Rows = (of: LayoutOrFormat): readonly FormRow[] => T3_ROWS_OF_LAYOUT.get(layoutKey(asLayout(of)))!;

const T3_ROWS_OF_FORMAT: Readonly<Record<FormFormat, readonly FormRow[]>> = {
  '2021': T3_ROWS.filter((r) => r.formats.includes('2021')),
  '2019': T3_ROWS.filter((r) => r.formats.includes('2019')),
};

/** Table 3's rows a report of this format may print, either layout: what labels are matched against. */
export const t3RowsOf = (format: FormFormat): readonly FormRow[] => T3_ROWS_OF_FORMAT[format];

/** The outcome rows of a layout: their sum is （七）总计. */
export const t3Outcomes = (of: LayoutOrFormat): FormRow[] => t3Rows(of).filter((r) => r.role === 'outcome');

const t4 = (data: RowData): FormRow => row('t4', FORMATS, T4_COLUMNS, data);

/** The heading the two litigation groups of table 4 stand under. */
export const T4_LITIGATION = { zh: '行政诉讼', en: 'litigation' } as const;

/**
 * Table 4's three groups, each a row of five cells; `match` names the group when it is printed as a
 * block of its own under a heading (`（二）行政诉讼：未经复议直接起诉`).
 */
export const T4_GROUPS: readonly FormRow[] = [
  t4({ key: 'review', zh: '行政复议', label: '行政复议', en: 'administrative review', match: /(?<!未经)行政复议(?!后)/ }),
  t4({
    key: 'litigationDirect',
    zh: '未经复议直接起诉',
    label: '未经复议直接起诉',
    en: 'litigation without review',
    match: /未经复议|直接(?:提起)?(?:行政)?(?:起诉|诉讼)/,
    under: T4_LITIGATION.zh,
  }),
  t4({
    key: 'litigationAfterReview',
    zh: '复议后起诉',
    label: '复议后起诉',
    en: 'litigation after review',
    match: /复议后(?:提起)?(?:行政)?(?:起诉|诉讼)/,
    under: T4_LITIGATION.zh,
  }),
];

/** Table 4 as the form prints it: its three groups side by side, one row of fifteen cells. */
export const T4_ROW: FormRow = {
  table: 't4',
  key: '*',
  zh: '',
  label: '',
  en: 'table 4',
  match: /行政复议|行政诉讼|结果维持|尚未审结|^$/,
  columns: T4_GROUPS.flatMap((g) => g.columns),
  keys: T4_GROUPS.flatMap((g) => g.keys),
  formats: FORMATS,
};

/**
 * The table-4 groups a heading names (`（二）行政诉讼：未经复议直接起诉`), in form order. A heading
 * naming both 行政复议 and 行政诉讼 heads the whole table: every group.
 */
export const t4GroupsNamed = (label: string): FormRow[] =>
  /行政复议/.test(label) && /行政诉讼/.test(label) ? [...T4_GROUPS] : T4_GROUPS.filter((g) => g.match.test(label));

const FORM_ROWS = new Map([...T3_ROWS_OF_LAYOUT].map(([key, t3]) => [key, [...T2_ROWS[key.split(':')[0] as FormFormat], ...t3, ...T4_GROUPS]]));

/** Every table row of a layout, in printed order (table 2, table 3, table 4's groups). */
export const formRows = (of: LayoutOrFormat): readonly FormRow[] => FORM_ROWS.get(layoutKey(asLayout(of)))!;

/** Every canonical table key of a layout, in printed order (table 2, then 3 row by row, then 4 group by group). */
export const tableKeys = (of: LayoutOrFormat): string[] => formRows(of).flatMap((r) => r.keys);

/** Keys of cells of a kind (money: 万元; signed: 本年增/减) in the given formats. */
export const keysOfKind = (kind: Column['kind'], formats: readonly FormFormat[] = FORMATS): string[] => [
  ...new Set(formats.flatMap((f) => formRows(f).flatMap((r) => r.keys.filter((_, i) => r.columns[i].kind === kind)))),
];

/** Cells holding money in 万元 (where `.` and `元` may appear), either format, the newest form's first. */
export const MONEY_KEYS: ReadonlySet<string> = new Set(keysOfKind('money', ['2021', '2019']));
/** Cells holding a signed change (本年增/减, where `-` may appear), either format. */
export const SIGNED_KEYS: ReadonlySet<string> = new Set(keysOfKind('signed', ['2021', '2019']));
