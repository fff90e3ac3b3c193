import { T2_ROWS, T3_COL_NAMES, T3_COLS, T4_COLS, T4_GROUP_NAMES } from '../tables/row-defs';

/** Chinese names of the figures audit messages cite, so a finding reads without the key dictionary. */
const FIGURES: Record<string, string> = {
  't3.newReceived.total': '本年新收申请数',
  't4.review.total': '行政复议总数',
  't4.litigation.sum.total': '行政诉讼总数',
  't2.licensing.decisions': '行政许可处理决定数',
  't2.penalty.decisions': '行政处罚处理决定数',
};

const DOCUMENTS: Record<string, string> = { rules: '规章', normative: '行政规范性文件' };

/** The figure's short Chinese name as audit messages cite it, else its label on the form. */
export const figureLabel = (key: string) => FIGURES[key] ?? labelOf(key);
export const columnLabel = (col: string) => T3_COL_NAMES[col] ?? col;
export const documentLabel = (kind: string) => DOCUMENTS[kind] ?? kind;

/** Rows and columns of the three tables as the national form prints them (short forms), by key part. */
const TABLES: Record<string, { name: string; rows: Record<string, string>; cols: Record<string, string> }> = {
  t2: {
    name: '表二',
    rows: {
      rules: '规章',
      normative: '行政规范性文件',
      licensing: '行政许可',
      otherServices: '其他对外管理服务事项',
      penalty: '行政处罚',
      coercion: '行政强制',
      fees: '行政事业性收费',
      procurement: '政府集中采购',
    },
    cols: {
      issued: '本年制发件数',
      repealed: '本年废止件数',
      valid: '现行有效件数',
      decisions: '处理决定数量',
      amount: '金额（万元）',
      made: '本年新制作数量',
      published: '本年新公开数量',
      total: '对外公开总数量',
      prev: '上一年项目数量',
      change: '本年增/减',
      count: '采购项目数量',
    },
  },
  t3: {
    name: '表三',
    rows: {
      newReceived: '本年新收',
      carriedOver: '上年结转',
      granted: '予以公开',
      partial: '部分公开',
      'denied.stateSecret': '不予公开 · 国家秘密',
      'denied.lawProhibited': '不予公开 · 法律行政法规禁止',
      'denied.threeSecurity': '不予公开 · 危及“三安全一稳定”',
      'denied.thirdParty': '不予公开 · 保护第三方合法权益',
      'denied.internalAffairs': '不予公开 · 三类内部事务信息',
      'denied.processInfo': '不予公开 · 四类过程性信息',
      'denied.enforcementFile': '不予公开 · 行政执法案卷',
      'denied.queryMatter': '不予公开 · 行政查询事项',
      'denied.sum': '不予公开 · 小计',
      'unable.noInfo': '无法提供 · 本机关不掌握',
      'unable.needCreation': '无法提供 · 需另行制作',
      'unable.unclear': '无法提供 · 补正后仍不明确',
      'unable.sum': '无法提供 · 小计',
      'notProcessed.complaint': '不予处理 · 信访举报投诉类',
      'notProcessed.repeat': '不予处理 · 重复申请',
      'notProcessed.publication': '不予处理 · 公开出版物',
      'notProcessed.massRepeat': '不予处理 · 大量反复申请',
      'notProcessed.confirm': '不予处理 · 要求确认或重新出具',
      'notProcessed.sum': '不予处理 · 小计',
      otherHandling: '其他处理',
      'otherHandling.overdueCorrection': '其他处理 · 逾期不补正',
      'otherHandling.overdueFee': '其他处理 · 逾期未缴费',
      'otherHandling.other': '其他处理 · 其他',
      'otherHandling.sum': '其他处理 · 小计',
      totalProcessed: '办理结果总计',
      carriedForward: '结转下年度继续办理',
      // Not a printed row: the prose's 予以公开及部分公开 (values/derived.ts).
      grantedAndPartial: '予以公开及部分公开',
    },
    // 法人或其他组织 is the 2019 form's one column for what the 2021 form splits five ways (values/derived.ts sums them).
    cols: { ...T3_COL_NAMES, legalPersons: '法人或其他组织' },
  },
  t4: {
    name: '表四',
    rows: { ...T4_GROUP_NAMES, 'litigation.sum': '行政诉讼合计' },
    cols: { upheld: '结果维持', corrected: '结果纠正', other: '其他结果', pending: '尚未审结', total: '总计' },
  },
};

const FIELDS: Record<string, string> = { agency: '机关名称', year: '报告年度', publishedAt: '发布日期', format: '表格格式' };
const SECTION_NUMERALS = '一二三四五六';

/**
 * The printed name of a value key, table, section or record field: `t3.newReceived.total` →
 * `表三 · 本年新收 · 总计`; null for a key the form does not print.
 */
export function fieldLabel(key: string): string | null {
  if (key in FIELDS) return FIELDS[key];
  const section = /^section\.([1-6])$/.exec(key);
  if (section) return `第${SECTION_NUMERALS[Number(section[1]) - 1]}部分`;
  const [table, ...rest] = key.split('.');
  const t = TABLES[table];
  if (!t) return null;
  if (rest.length === 0) return t.name;
  const row = t.rows[rest.slice(0, -1).join('.')];
  const col = t.cols[rest[rest.length - 1]];
  if (row && col) return `${t.name} · ${row} · ${col}`;
  return t.rows[rest.join('.')] ? `${t.name} · ${t.rows[rest.join('.')]}` : null;
}

/**
 * The one label lookup: every message, header and export names a value key, table, section or
 * record field through here (the form's printed name), and only a key the form does not print
 * stands as itself.
 */
export const labelOf = (key: string): string => fieldLabel(key) ?? key;

/** The label with the key as secondary text, `表三 · 予以公开 · 总计 (t3.granted.total)`: for English sentences and evidence, which officers and scripts both read. */
export const labelWithKey = (key: string): string => {
  const label = fieldLabel(key);
  return label && label !== key ? `${label} (${key})` : key;
};

/** Every key the form prints (and its tables, sections and record fields) with its label: the page's dictionary. */
export function formLabels(): Record<string, string> {
  const keys = [
    ...Object.keys(FIELDS),
    ...[1, 2, 3, 4, 5, 6].map((n) => `section.${n}`),
    ...Object.keys(TABLES),
    ...T2_ROWS.flatMap((r) => r.cols.map((c) => `t2.${r.row}.${c}`)),
    ...Object.keys(TABLES.t3.rows).flatMap((row) => [...T3_COLS, 'legalPersons'].map((c) => `t3.${row}.${c}`)),
    ...Object.keys(TABLES.t4.rows).flatMap((row) => T4_COLS.map((c) => `t4.${row}.${c}`)),
  ];
  return Object.fromEntries(keys.map((k) => [k, fieldLabel(k)!]));
}
