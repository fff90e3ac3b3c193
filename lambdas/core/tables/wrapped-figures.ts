import { prefixCheck, t3Rows, type T3Layout } from '../form';
import type { Cell, Finding } from '../types';
import { classify } from './classify';
import type { Row } from './row';

/**
 * A figure wrapped in a narrow cell: its digits on two lines, and a tool or a page break that makes the
 * second line a row of its own (`10` ending a row, `5` alone under it; `32` above a row, `4` below it).
 * Such a fragment has no label naming another row (nothing, a group label spanning over it, or its own row's label spanning both lines) and digits
 * only, in the columns of its neighbour. Joined to the neighbour it must make the row satisfy its identities
 * (`103 | 2 | … | 105`), when the row as printed does not: then the figure is whole again. When no joining
 * does, a cell a fragment would continue is left out of the row and reported, so that no part of a cut
 * figure is read as a figure.
 */
export function joinWrappedFigures(rows: Row[], layout: T3Layout, findings: Finding[]): Row[] {
  const { format } = layout;
  const used = new Set<Row>();
  const canon = t3Rows(layout);
  // A label naming no row of this report's form: nothing, a group label (（六）其他处理 over three sub-rows).
  const names = (f: Row) => {
    const d = classify(f, format);
    return d !== null && (d.table !== 't3' || canon.includes(d));
  };
  const out = rows.map((row, i) => {
    if (used.has(row)) return row;
    const def = row.label && row.cells.length ? classify(row, format) : null;
    if (!def || def.table === 't2') return row;
    // A spanning label repeated on the fragment's line (`（七）总计` over `15` and `3`) names the row itself, not another.
    const isFragment = (f: Row | undefined) => f !== undefined && (!names(f) || f.label === row.label) && fragment(f, row);
    const check = row.cells.length === def.keys.length ? prefixCheck(def, format) : undefined;
    if (!check) {
      // Fewer cells than columns (blank columns squeezed out): no sum can be checked. A lone figure above or below
      // the row is a part of one of its figures, and the row's figures are reported as cut.
      const parts = [rows[i - 1], rows[i + 1]].filter((f) => isFragment(f) && !used.has(f!) && f!.cells.filter((c) => c.text).length === 1) as Row[];
      if (parts.length === 0) return row;
      parts.forEach((f) => used.add(f));
      findings.push(
        cutFinding(
          row,
          [...def.keys],
          parts.map((f) => f.cells.find((c) => c.text)!.raw),
        ),
      );
      return row;
    }
    // A sparse row's blanks count as nothing in its sums; a row needs its total and a figure it sums.
    const holds = (cells: Cell[]) => {
      const v = cells.map((c) => (c.text === '' ? 0 : Number(c.text)));
      const printed = cells.filter((c) => c.text !== '');
      return (
        printed.length >= 2 && printed.every((c) => /^\d+$/.test(c.text)) && cells[cells.length - 1].text !== '' && v.every((_, k) => check(v.slice(0, k + 1)))
      );
    };
    if (holds(row.cells)) return row;
    const above = isFragment(rows[i - 1]) && !used.has(rows[i - 1]) ? rows[i - 1] : undefined;
    const below = isFragment(rows[i + 1]) ? rows[i + 1] : undefined;
    if (!above && !below) return row;
    const options = [[above], [below], [above, below]].map((fs) => fs.filter((f): f is Row => f !== undefined)).filter((fs) => fs.length > 0);
    for (const fs of options) {
      const joined = join(
        row,
        fs.find((f) => f === above),
        fs.find((f) => f === below),
      );
      if (joined && holds(joined)) {
        fs.forEach((f) => used.add(f));
        return { ...row, cells: joined };
      }
    }
    // Cut and not made whole: the cells a fragment continues are not read, nor the fragments, even where the row's
    // own cell is blank (a short row's total wrapped around its line, `10` above and `9` below).
    const cut = [...new Set([above, below].flatMap((f) => (f ? tail(f, row).flatMap((c, j) => (c.text ? [j] : [])) : [])))].sort((x, y) => x - y);
    const pieces = (j: number) =>
      [above && tail(above, row)[j], row.cells[j], below && tail(below, row)[j]].flatMap((c) => (c && c.text ? [c.raw] : [])).join(' / ');
    findings.push(
      cutFinding(
        row,
        cut.map((j) => def.keys[j]),
        cut.map(pieces),
      ),
    );
    [above, below].forEach((f) => f && used.add(f));
    return { ...row, cells: row.cells.map((c, j) => (cut.includes(j) ? { ...c, text: '' } : c)) };
  });
  return out.filter((r) => !used.has(r));
}

/** A fragment's cells in its neighbour's columns (its empty label cell counted among its cells is left out), or nothing when they do not line up. */
function tail(f: Row, row: Row): Cell[] {
  const extra = f.cells.length - row.cells.length;
  return extra >= 0 && f.cells.slice(0, extra).every((c) => !c.text) ? f.cells.slice(extra) : [];
}

/** A row of digits only in the columns of `row` (its label, if any, names no row: a group label spanning over it). */
function fragment(f: Row, row: Row): boolean {
  if (f === row || f.runs || row.runs) return false;
  const cells = tail(f, row);
  return cells.length > 0 && cells.some((c) => c.text) && cells.every((c) => !c.text || /^\d+$/.test(c.text));
}

/** The row with each fragment's digits before (above) or after (below) its own in their columns; undefined where a fragment meets text that is no figure. */
function join(row: Row, above: Row | undefined, below: Row | undefined): Cell[] | undefined {
  const a = above ? tail(above, row) : [];
  const b = below ? tail(below, row) : [];
  const cells = row.cells.map((c, j) => {
    const before = a[j]?.text ?? '';
    const after = b[j]?.text ?? '';
    if (!before && !after) return c;
    if (c.text && !/^\d+$/.test(c.text)) return undefined;
    return { ...c, text: before + c.text + after, raw: [a[j]?.raw, c.raw, b[j]?.raw].filter(Boolean).join('\n') };
  });
  return cells.every((c): c is Cell => c !== undefined) ? cells : undefined;
}

function cutFinding(row: Row, keys: string[], printed: string[]): Finding {
  return {
    rule: 'P-FIGURE-CUT',
    severity: 'warning',
    message: `「${row.label.slice(-20)}」行的数字被折行或分页截断，部分印在本行上下单独一行（${printed.join('、')}），拼接后无法以表格关系确认，该单元格未读取。`,
    messageEn: `Figures of the row ${row.label.slice(-20)} are wrapped or cut by a page break, partly onto a line of their own (${printed.join(', ')}), and, joined, cannot be confirmed by the form's identities: those cells were not read.`,
    keys,
    evidence: printed.join('; '),
  };
}
