import type { Format } from '../types';
import type { Row } from './row';
import { T2_ROWS, T3_ROWS, T4_ROW, type RowDef } from './row-defs';

/** The standard-table row a labelled row is, trying the table it sits in first; null when the label says nothing. */
export function classify(row: Row, format: Format): RowDef | null {
  if (row.context === 't4' && !T3_ROWS.some((d) => d.match.test(row.label))) return T4_ROW;
  const t2 = T2_ROWS.filter((d) => d.formats.includes(format));
  const t3 = T3_ROWS.filter((d) => d.formats.includes(format));
  const order = row.context === 't2' ? [...t2, ...t3] : [...t3, ...t2];
  const own = ownLabel(row.label);
  return order.find((d) => d.match.test(own)) ?? null;
}

/** `（三）`, `三、`, `2.` anywhere in a label: where a numbered label starts. */
const NUMBERED = /[（(][一二三四五六七八九十]+[)）]|(?<![一二三四五六七八九十])[一二三四五六七八九十]+[、．.]|(?<![\d.])\d+\s*[.、．](?!\d)/g;

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

/** Table 3's rows in form order: the 2021 form's three 其他处理 sub-rows, or the single row some reports keep. */
export function canonicalT3(rows: Row[], format: Format): RowDef[] {
  const single = T3_ROWS.find((d) => d.row === 'otherHandling')!;
  // The group title （六）其他处理 may stand apart from its sub-rows (a text that prints labels apart from figures): a sub-row's own label then says which.
  const subRow = (d: RowDef | null) => d?.row === 'otherHandling.overdueCorrection' || d?.row === 'otherHandling.overdueFee';
  const labelled = rows.map((r) => classify(r, format));
  const usesSingle = format === '2019' || (labelled.includes(single) && !labelled.some(subRow));
  return T3_ROWS.filter((d) => d.formats.includes(format) && (usesSingle ? !d.row.startsWith('otherHandling.') : d !== single));
}
