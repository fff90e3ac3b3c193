import type { Finding } from '../../types';
import type { Token } from '../pdf/layout';
import { ruledGrids, ruledTables } from '../pdf/ruled';
import type { Rule } from '../pdf/ruling';
import type { TextTable } from './grid';
import { COL, FS, OffsetIndex, pageY, placeChars, WIDTH_MODELS, wordTokens, type Placed, type TextLine, type WidthModel } from './layout';

/**
 * Tables drawn with box characters (w3m's `┌─┬─┐ │ ├ ┼`) or ASCII grids (`+---+---+` and `|`, as
 * pandoc and many dumps draw them). The drawing is a table's ruling, character by character: each
 * stroke becomes a rule and each word a text token, and the ruled-table reader of PDFs builds the
 * cells (spans where a boundary is not drawn, a label wrapped over several lines joined in its cell,
 * a blank cell left blank).
 */
const UNICODE = /[\u2500-\u257f]/;
const ASCII_BORDER = /^\s*\+(?:[-=:+]*[-=][-=:+]*)\+\s*$/;
const ASCII_ROW = /^\s*\|.*\|\s*$/;

/** Characters that connect to the line below / above, and to the right / left. */
const DOWN = new Set([...'│┃║├┤┼┬┌┐╔╗╦╠╣╬┝┥┿┯┰┳╤╥╞╡╪|+']);
const UP = new Set([...'│┃║├┤┼┴└┘╚╝╩╠╣╬┝┥┿┷┸┻╧╨╞╡╪|+']);
const RIGHT = new Set([...'─━═├┼┬┴┌└╠╬╦╩╔╚┝┿┯┷┳┻╞╪╤╧+-=']);
const LEFT = new Set([...'─━═┤┼┬┴┐┘╣╬╦╩╗╝┥┿┯┷┳┻╡╪╤╧+-=']);

interface Region {
  lines: TextLine[];
  ascii: boolean;
}

/** The stretches of lines drawn as box tables. */
function regions(lines: TextLine[]): Region[] {
  const out: Region[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (UNICODE.test(lines[i].text)) {
      let k = i;
      while (k + 1 < lines.length && UNICODE.test(lines[k + 1].text)) k++;
      out.push({ lines: lines.slice(i, k + 1), ascii: false });
      i = k;
    } else if (ASCII_BORDER.test(lines[i].text)) {
      let k = i;
      while (k + 1 < lines.length && (ASCII_BORDER.test(lines[k + 1].text) || ASCII_ROW.test(lines[k + 1].text))) k++;
      while (k > i && !ASCII_BORDER.test(lines[k].text)) k--;
      if (k > i) out.push({ lines: lines.slice(i, k + 1), ascii: true });
      i = k;
    }
  }
  return out;
}

/** Box characters always align in the tool's own columns: the width model under which the vertical strokes line up best. */
function modelOf(region: Region): WidthModel {
  const spread = (model: WidthModel) => {
    const cols = new Set<number>();
    for (const l of region.lines) for (const c of placeChars(l, model)) if (c.ch === '│' || c.ch === '|' || c.ch === '┼' || c.ch === '+') cols.add(c.col);
    return cols.size;
  };
  return WIDTH_MODELS.reduce((best, m) => (spread(m) < spread(best) ? m : best));
}

/** A line of an ASCII grid that is all border (`+---+===+`): its `-`, `=` and `+` are strokes; elsewhere they are text. */
const isBorder = (l: TextLine, ascii: boolean) => (ascii ? ASCII_BORDER.test(l.text) : /^[\s\u2500-\u257f]*$/.test(l.text));

function isStroke(ch: string, ascii: boolean, border: boolean): boolean {
  if (!ascii) return UNICODE.test(ch);
  return ch === '|' || (border && (ch === '+' || ch === '-' || ch === '=' || ch === ':'));
}

/** The region's strokes as rules (runs of connected characters) and its words as tokens, on `page`. */
function drawing(
  region: Region,
  model: WidthModel,
  y: (l: TextLine) => number,
  offsets: OffsetIndex,
  item: { next: number },
): { rules: Rule[]; tokens: Token[] } {
  const n = region.lines.length;
  const rows = region.lines.map((l) => {
    const border = isBorder(l, region.ascii);
    const chars = placeChars(l, model);
    const at = new Map<number, Placed>();
    for (const c of chars) if (isStroke(c.ch, region.ascii, border)) at.set(c.col, c);
    return { line: l, chars, strokes: at, border };
  });
  const centre = (i: number) => y(region.lines[i]) + 0.3 * FS;
  const mid = (col: number) => (col + 0.5) * COL;
  const rules: Rule[] = [];
  // Horizontal runs within a line.
  rows.forEach((r, i) => {
    const cols = [...r.strokes.keys()].sort((a, b) => a - b);
    let start: number | undefined;
    for (let k = 0; k < cols.length; k++) {
      const c = cols[k];
      const next = r.strokes.get(c + 1);
      const joins = next !== undefined && RIGHT.has(r.strokes.get(c)!.ch) && LEFT.has(next.ch);
      if (joins) start ??= c;
      else if (start !== undefined) {
        rules.push({ x1: mid(start), x2: mid(c), y1: centre(i), y2: centre(i) });
        start = undefined;
      }
    }
  });
  // Vertical runs down a column.
  const columns = new Set(rows.flatMap((r) => [...r.strokes.keys()]));
  for (const c of columns) {
    let start: number | undefined;
    for (let i = 0; i < n; i++) {
      const here = rows[i].strokes.get(c);
      const below = rows[i + 1]?.strokes.get(c);
      const joins = here !== undefined && below !== undefined && DOWN.has(here.ch) && UP.has(below.ch);
      if (joins) start ??= i;
      else if (start !== undefined) {
        rules.push({ x1: mid(c), x2: mid(c), y1: centre(i), y2: centre(start) });
        start = undefined;
      }
    }
  }
  const tokens = rows.flatMap((r) =>
    r.border
      ? []
      : wordTokens(
          r.chars.filter((c) => !r.strokes.has(c.col)),
          y(r.line),
          r.line.page,
          () => true,
          offsets,
          item,
        ),
  );
  return { rules, tokens };
}

/** The box-drawn tables of the text, each with the stretch of text it covers. */
export function boxTables(lines: TextLine[], offsets: OffsetIndex): { tables: TextTable[]; findings: Finding[] } {
  const tables: TextTable[] = [];
  const findings: Finding[] = [];
  const item = { next: 0 };
  const y = pageY(lines);
  for (const region of regions(lines)) {
    const { rules, tokens } = drawing(region, modelOf(region), y, offsets, item);
    const ruling = ruledTables(region.lines[0].page, rules, tokens);
    findings.push(...ruling.findings);
    const last = region.lines[region.lines.length - 1];
    for (const g of ruledGrids(ruling.tables)) tables.push({ rows: g.rows, from: region.lines[0].start, to: last.start + last.text.length });
  }
  return { tables, findings };
}
