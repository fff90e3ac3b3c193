import { buildGrids } from '../pdf/grids';
import { dropFurniture, isNumeric, pageLines, type Line } from '../pdf/layout';
import type { TextTable } from './grid';
import { COL, OffsetIndex, pageHeight, pageY, placeChars, wordTokens, type TextLine, type WidthModel } from './layout';

/**
 * Tables whose columns are only spaces: `pdftotext -layout`, w3m and lynx on tables without borders,
 * fixed-width dumps. Each page of the text becomes positioned lines (a column half an em, a CJK
 * character one or two columns as the tool counts them) for the PDF reader of borderless tables, which
 * finds the value columns from the numbers, joins wrapped labels above or below their numbers, reads
 * headers over several lines and group labels printed once beside their rows. Pages are read apart:
 * pdftotext lays out each page on its own scale.
 */
export function alignedTables(lines: TextLine[], offsets: OffsetIndex): TextTable[] {
  // pandoc's column rules (`----- -----`) frame a table; they are no row.
  const usable = lines.filter((l) => !l.text.includes('|') && !RULES.test(l.text));
  if (usable.filter(isAlignedRow).length < 2) return [];
  const model = widthModel(usable);
  const y = pageY(lines);
  const item = { next: 0 };
  const pages = [...new Set(usable.map((l) => l.page))].map((page) => {
    const own = usable.filter((l) => l.page === page);
    const tokens = own.flatMap((l) => wordTokens(placeChars(l, model), y(l), page, () => true, offsets, item));
    return { page, height: pageHeight(lines, page), lines: pageLines(tokens, pageHeight(lines, page)) };
  });
  dropFurniture(pages);
  const tables: TextTable[] = [];
  for (const p of pages) {
    const width = contentWidth(p.lines);
    for (const grid of buildGrids(p.lines, width, { slack: SLACK })) {
      const at = grid.rows.flat().flatMap((c) => {
        const o = offsets.get(c.loc.page, c.loc.x, c.loc.y);
        return o === undefined ? [] : [o];
      });
      if (at.length) tables.push({ rows: grid.rows, from: Math.min(...at), to: Math.max(...at) });
    }
  }
  return tables;
}

const RULES = /^\s*-{3,}(?:\s+-{3,})*\s*$/;

/** Figures of one column in a dump may stand two columns apart (each rounded to its character cell); the next column is three or more away. */
const SLACK = 2.5 * COL;

/** A line that looks like a table row of such a dump: a figure set apart by two spaces or more from other text. */
const isAlignedRow = (l: TextLine) => {
  const words = l.text.trim().split(/\s{2,}/);
  return words.length >= 2 && words.filter((w) => isNumeric(w)).length >= 1 && !/[。；]$/.test(l.text.trim());
};

/**
 * The width model under which the figures of the aligned rows fall into the fewest columns: with the
 * wrong one, labels of different lengths push the figures of one column apart.
 */
function widthModel(lines: TextLine[]): WidthModel {
  const rows = lines.filter(isAlignedRow);
  const spread = (model: WidthModel) => {
    const starts = new Map<number, Set<number>>();
    for (const l of rows) {
      const set = starts.get(l.page) ?? starts.set(l.page, new Set()).get(l.page)!;
      let prev = ' ';
      for (const c of placeChars(l, model)) {
        if (/\d/.test(c.ch) && /\s/.test(prev)) set.add(Math.round(c.col / 2));
        prev = c.ch;
      }
    }
    return [...starts.values()].reduce((n, s) => n + s.size, 0);
  };
  // Ties go to the first: pdftotext's one column a character, then the display widths.
  return (['chars', 'display', 'display-wide'] as WidthModel[]).reduce((best, m) => (spread(m) < spread(best) ? m : best));
}

/** Width of the page's text block, as the PDF reader measures it. */
function contentWidth(lines: Line[]): number {
  const h = lines.filter((l) => !l.vertical && l.segs.length);
  if (h.length === 0) return COL;
  return Math.max(...h.map((l) => l.segs[l.segs.length - 1].x2)) - Math.min(...h.map((l) => l.segs[0].x));
}
