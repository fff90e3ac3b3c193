import { distance } from 'fastest-levenshtein';
import { isFormFormat, t2Rows, T3_ROWS, t3Layout, t3RowsOf, T4_ROW, type FormFormat, type FormRow, type T3Layout } from '../form';
import type { Format, TableId } from '../types';
import type { Row } from './row';

/**
 * What a label names, per format and table: a report's rows are classified several times over (the
 * layout, wrapped figures, placement), each time against some fifty patterns. Bounded: labels vary
 * from report to report.
 */
const named = new Map<string, FormRow | null>();
const NAMED_MAX = 20_000;

/** The standard-table row a labelled row is, trying the table it sits in first; null when the label says nothing. */
export function classify(row: Row, format: Format): FormRow | null {
  const key = `${format}|${row.context}|${row.label}`;
  let def = named.get(key);
  if (def === undefined) {
    if (named.size >= NAMED_MAX) named.clear();
    named.set(key, (def = classifyLabel(row.label, row.context, format)));
  }
  return def;
}

function classifyLabel(label: string, context: TableId | null, format: Format): FormRow | null {
  if (context === 't4' && !T3_ROWS.some((d) => d.match.test(label))) return T4_ROW;
  if (!isFormFormat(format)) return null;
  const t2 = t2Rows(format);
  const t3 = t3RowsOf(format);
  const order = context === 't2' ? [...t2, ...t3] : [...t3, ...t2];
  const own = ownLabel(label);
  return order.find((d) => d.match.test(own)) ?? null;
}

/** `（三）`, `三、`, `2.` anywhere in a label: where a numbered label starts. */
const NUMBER = /[（(][一二三四五六七八九十]+[)）]|(?<![一二三四五六七八九十])[一二三四五六七八九十]+[、．.]|(?<![\d.])\d+\s*[.、．](?!\d)/.source;
const NUMBERED = new RegExp(NUMBER, 'g');

/**
 * The row's own words: the label from its last numbered start on. Group labels come before it
 * (`三、本年度办理结果（三）不予公开1.属于国家秘密`), and so may the tail of the row above when a
 * wrapped label ran on into this one (`不掌握相关政府信息2.没有现成信息需要另行制作`): neither names the row.
 */
export function ownLabel(label: string): string {
  let last = 0;
  for (const m of label.matchAll(NUMBERED)) last = m.index!;
  return label.slice(last);
}

/** A row's own words without the number it is printed under (`（三）`, `2.`): the start `ownLabel` cut it at. */
const UNNUMBERED = new RegExp(`^(?:${NUMBER})`);

/**
 * Whether a label no pattern names may be this row's, misread (OCR's `行政规性文件`, `现章`, `订政理制` for
 * 行政规范性文件, 规章, 行政强制): nearer this row's words by edit distance than any other row's of `rows`, by at most
 * half of them, or no words at all. It never names a row by itself: the form's row order must leave this row for it.
 */
export function resembles(label: string, def: FormRow, rows: readonly FormRow[]): boolean {
  const own = ownLabel(label).replace(UNNUMBERED, '');
  if (own === '') return true;
  const away = (d: FormRow) => Math.min(distance(own, d.zh), distance(own, d.label));
  const near = away(def);
  return near <= Math.floor(def.zh.length / 2) && rows.every((d) => d === def || away(d) > near);
}

/**
 * Table 3's layout: the 2021 form's three 其他处理 sub-rows, or the single row the 2019 form and some 2021
 * reports print. The group title （六）其他处理 may stand apart from its sub-rows (a text that prints labels
 * apart from figures): a sub-row's own label then says the report has them.
 */
export function layoutOf(rows: Row[], format: FormFormat): T3Layout {
  const named = rows.map((r) => classify(r, format));
  const single = named.find((d) => d?.replaces !== undefined);
  // The sub-rows named by words only they have (their 3.其他 is also a column's title).
  const subRows = new Set(single?.replaces?.filter((k) => T3_ROWS.find((d) => d.key === k)?.match.test('其他') === false));
  return t3Layout(format, single !== undefined && !named.some((d) => d !== null && subRows.has(d.key)));
}

/** Every key of a standard table in a format's form (table 3 in either layout). */
export function tableKeys(table: TableId, format: Format): string[] {
  if (table === 't4') return [...T4_ROW.keys];
  if (!isFormFormat(format)) return [];
  return (table === 't2' ? t2Rows(format) : t3RowsOf(format)).flatMap((d) => [...d.keys]);
}
