import type { Finding, Format } from '../types';
import { classify } from './classify';
import { rowIdentity } from './identities';
import type { Row } from './row';
import { rowKeys } from './row-defs';

/**
 * A figure wrapped in a narrow cell of a row that a page break cuts: its first digits end the row on one
 * page (`10`), the rest (`5`) stand alone on the next, in a row with no label and no other text. Joined,
 * the row must satisfy its identities (`103 | 2 | … | 105`): then the figure is whole again. When it does
 * not, the cut cells are left out of the row and reported, so that neither part is read as a figure.
 */
export function joinCutFigures(rows: Row[], format: Format, findings: Finding[]): Row[] {
  const out: Row[] = [];
  for (const row of rows) {
    const prev = out[out.length - 1];
    const cut = prev && cutColumns(prev, row);
    if (!cut) {
      out.push(row);
      continue;
    }
    const rest = row.cells.slice(row.cells.length - prev.cells.length);
    const joined = prev.cells.map((c, j) => (cut.includes(j) ? { ...c, text: c.text + rest[j].text, raw: `${c.raw}\n${rest[j].raw}` } : c));
    const def = classify(prev, format);
    const check = def && joined.length === def.cols.length ? rowIdentity(def) : undefined;
    const values = joined.map((c) => Number(c.text));
    if (check && values.every((v) => Number.isFinite(v)) && values.every((_, i) => check(values.slice(0, i + 1)))) {
      out[out.length - 1] = { ...prev, cells: joined };
      continue;
    }
    out[out.length - 1] = { ...prev, cells: prev.cells.map((c, j) => (cut.includes(j) ? { ...c, text: '', raw: c.raw } : c)) };
    findings.push({
      rule: 'P-FIGURE-CUT',
      severity: 'warning',
      message: `「${prev.label.slice(-20)}」行的数字被分页截断（${cut.map((j) => `${prev.cells[j].text}｜${rest[j].text}`).join('，')}），拼接后不满足表格关系，该单元格未读取。`,
      messageEn: `Figures of the row ${prev.label.slice(-20)} are cut by the page break (${cut.map((j) => `${prev.cells[j].text} | ${rest[j].text}`).join(', ')}) and, joined, break the form's identities: those cells were not read.`,
      keys: def ? cut.map((j) => rowKeys(def)[j]) : [],
      evidence: cut.map((j) => `${prev.cells[j].raw} / ${rest[j].raw}`).join('; '),
    });
  }
  return out;
}

/** The columns where `next`, a row on the next page with no label of its own and digits only, continues the figures ending `prev`. */
function cutColumns(prev: Row, next: Row): number[] | undefined {
  // No label of its own: nothing, or only the group labels spanning down from the row above.
  if (!prev.label.startsWith(next.label) || prev.runs || next.runs || next.cells.length < prev.cells.length) return undefined;
  // The empty label cell of the continuation counts among its cells: align the figures from the right.
  const extra = next.cells.slice(0, next.cells.length - prev.cells.length);
  if (extra.some((c) => c.text)) return undefined;
  const page = (r: Row) => r.cells.find((c) => c.loc.page)?.loc.page;
  if (page(prev) === undefined || page(next) !== page(prev)! + 1) return undefined;
  const own = next.cells.slice(extra.length);
  const cols = own.flatMap((c, j) => (c.text ? [j] : []));
  if (cols.length === 0 || !cols.every((j) => /^\d+$/.test(own[j].text) && /\d$/.test(prev.cells[j].text))) return undefined;
  return cols;
}
