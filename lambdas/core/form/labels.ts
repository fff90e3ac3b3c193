import type { TableId } from '../types';
import { T3_COLUMNS, T4_COLUMNS, type Column } from './columns';
import { DERIVED_ROWS, T3_LEGAL_PERSONS, type DerivedRow } from './derived';
import { FORMATS, type FormFormat } from './formats';
import { T2_BLOCKS, T3_ROWS, T4_GROUPS, t2Rows, t3Layout, t3Rows, type FormRow } from './rows';
import { SECTIONS } from './sections';
import { TABLES, tableInfo } from './tables';

/** Record fields the page names. */
const FIELDS: Readonly<Record<string, string>> = { agency: '机关名称', year: '报告年度', publishedAt: '发布日期', format: '表格格式' };
const SECTION_NUMERALS = '一二三四五六';

/** A row's words in a field label: the group's label before its own (`不予公开 · 国家秘密`). */
const rowWords = (r: FormRow | DerivedRow) => (r.group ? `${r.group.label} · ${r.label}` : r.label);

/** Every row (printed or derived) and column of a table by key part, in form order, either format. */
function vocabulary(table: TableId): { rows: Map<string, string>; cols: Map<string, string> } {
  const rows = new Map<string, string>();
  const cols = new Map<string, string>();
  const addCols = (cs: readonly Column[]) => cs.filter((c) => !cols.has(c.key)).forEach((c) => cols.set(c.key, c.label));
  const derived = DERIVED_ROWS.filter((d) => d.table === table);
  if (table === 't2')
    for (const f of FORMATS)
      for (const r of t2Rows(f)) {
        if (!rows.has(r.key)) rows.set(r.key, r.label);
        addCols(r.columns);
      }
  if (table === 't3') {
    for (const r of T3_ROWS) {
      rows.set(r.key, rowWords(r));
      // A group's subtotal follows its last row.
      const sum = derived.find((d) => d.group && r.group === d.group && d.parts[d.parts.length - 1] === r.key);
      if (sum) rows.set(sum.key, rowWords(sum));
    }
    addCols([...T3_COLUMNS, T3_LEGAL_PERSONS]);
  }
  if (table === 't4') {
    for (const g of T4_GROUPS) rows.set(g.key, g.label);
    addCols(T4_COLUMNS);
  }
  for (const d of derived) if (!rows.has(d.key)) rows.set(d.key, rowWords(d));
  return { rows, cols };
}

const VOCABULARY = Object.fromEntries(TABLES.map((t) => [t.id, vocabulary(t.id)])) as Record<TableId, ReturnType<typeof vocabulary>>;

/**
 * The printed name of a value key, table, section or record field: `t3.newReceived.total` →
 * `表三 · 本年新收 · 总计`; null for a key the form does not print.
 */
export function fieldLabel(key: string): string | null {
  if (key in FIELDS) return FIELDS[key];
  const section = /^section\.([1-6])$/.exec(key);
  if (section) return `第${SECTION_NUMERALS[Number(section[1]) - 1]}部分`;
  const [table, ...rest] = key.split('.');
  const t = VOCABULARY[table as TableId];
  if (!t) return null;
  const name = tableInfo(table as TableId).zh;
  if (rest.length === 0) return name;
  const row = t.rows.get(rest.slice(0, -1).join('.'));
  const col = t.cols.get(rest[rest.length - 1]);
  if (row && col) return `${name} · ${row} · ${col}`;
  const whole = t.rows.get(rest.join('.'));
  return whole ? `${name} · ${whole}` : null;
}

/** Every key the form prints or derives (and its tables, sections and record fields) with its label: the page's dictionary. */
export function formLabels(): Record<string, string> {
  const keys = [
    ...Object.keys(FIELDS),
    ...SECTIONS.map((s) => `section.${s.n}`),
    ...['t2', 't3', 't4'],
    ...FORMATS.flatMap((f) => t2Rows(f).flatMap((r) => r.keys)),
    ...(['t3', 't4'] as const).flatMap((table) =>
      [...VOCABULARY[table].rows.keys()].flatMap((row) => [...VOCABULARY[table].cols.keys()].map((c) => `${table}.${row}.${c}`)),
    ),
  ];
  return Object.fromEntries(keys.map((k) => [k, fieldLabel(k)!]));
}

/** Short names of the figures messages and comparisons cite most, so a sentence reads without the key dictionary. */
const FIGURE_NAMES: Readonly<Record<string, string>> = {
  't3.newReceived.total': '本年新收申请数',
  't3.carriedOver.total': '上年结转申请数',
  't3.totalProcessed.total': '办理结果总计',
  't3.carriedForward.total': '结转下年度办理数',
  't4.review.total': '行政复议总数',
  't4.litigation.sum.total': '行政诉讼总数',
  't2.licensing.decisions': '行政许可处理决定数',
  't2.penalty.decisions': '行政处罚处理决定数',
};

/** A figure's name inside a sentence: its short name, else its field label, else the key itself. */
export const figureName = (key: string): string => FIGURE_NAMES[key] ?? fieldLabel(key) ?? key;

/** A column's printed name by key part (`natural` → 自然人) in a table, or the key part itself. */
export const columnName = (table: TableId, col: string): string => VOCABULARY[table].cols.get(col) ?? col;

/** A row's name by key part (`normative` → 行政规范性文件) in a table, or the key part itself. */
export const rowName = (table: TableId, row: string): string => VOCABULARY[table].rows.get(row) ?? row;

/** One standard table as the page draws it: columns by key part, rows by key prefix; derived rows marked. */
export interface PageTable {
  id: TableId;
  title: string;
  columns: [string, string][];
  rows: ([string, string] | [string, string, 'derived'])[];
}

const printed = (c: Column) => (c.unit && !c.zh.includes(c.unit) ? `${c.zh}（${c.unit}）` : c.zh);

/** The three tables of a format as the page draws them, in the form's words. */
export function pageTables(format: FormFormat): PageTable[] {
  const section = (id: TableId) => SECTIONS.find((s) => s.n === tableInfo(id).section)!.title;
  const t2cols = new Map<string, string>();
  for (const c of T2_BLOCKS[format].flatMap((b) => b.columns)) if (!t2cols.has(c.key)) t2cols.set(c.key, printed(c));
  const t3rows: PageTable['rows'] = [];
  const rows = t3Rows(t3Layout(format));
  rows.forEach((r, i) => {
    t3rows.push([`t3.${r.key}`, r.group && rows[i - 1]?.group !== r.group ? `${r.group.zh} ${r.zh}` : r.zh]);
    const sum = DERIVED_ROWS.find((d) => d.group && d.group === r.group && rows[i + 1]?.group !== r.group);
    if (sum) t3rows.push([`t3.${sum.key}`, `${sum.group!.label} ${sum.label}`, 'derived']);
  });
  return [
    { id: 't2', title: section('t2'), columns: [...t2cols], rows: t2Rows(format).map((r) => [`t2.${r.key}`, r.zh]) },
    { id: 't3', title: section('t3'), columns: T3_COLUMNS.map((c) => [c.key, c.zh]), rows: t3rows },
    {
      id: 't4',
      title: section('t4'),
      columns: T4_COLUMNS.map((c) => [c.key, c.zh]),
      rows: [
        ...T4_GROUPS.map((g): [string, string] => [`t4.${g.key}`, g.under ? `${g.under} ${g.zh}` : g.zh]),
        ...DERIVED_ROWS.filter((d) => d.table === 't4').map((d): [string, string, 'derived'] => [`t4.${d.key}`, d.label, 'derived']),
      ],
    },
  ];
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
