import { detectScript, toSimplified } from '../../decode/script';
import { RejectedInput } from '../../errors';
import type { Limits } from '../../record/options';
import type { Cell, DocText, Grid, Locator } from '../../types';
import { checkContentBudget } from './content-budget';
import { needsRules } from './needs-rules';
import { buildGrids } from './grids';
import { ruledGrids, ruledTables, type RuledTable } from './ruled';
import { docTop, dropFurniture, lineText, pageLines, pageTokens, type Line, type PageText, type Token } from './layout';
import { loadPdf, type LoadedPdf } from './load';
import { fixRadicals } from './radicals';

/** Fewer visible characters than this per page means there is no text layer worth reading. */
const MIN_CHARS_PER_PAGE = 20;

/** A PDF with (almost) no visible text: its pages are images, to be read by OCR (`parseReport` routes it there). */
export class NoTextLayer extends RejectedInput {
  constructor() {
    super('The PDF has no text layer (it looks like scanned images); it needs OCR before it can be read.', 'P-PDF-NO-TEXT');
  }
}

/**
 * PDF bytes to the format-blind document: text line by line in reading order (page numbers and running
 * headers dropped, radical look-alikes fixed, simplified script) and the tables rebuilt from positions.
 */
export async function partitionPdf(bytes: Uint8Array, opts: Limits): Promise<DocText> {
  await checkContentBudget(bytes, opts.maxPdfContentBytes);
  const layout = pageLayout();
  const ruledPage = (p: PageText) => needsRules(p, () => layout(p).lines);
  const pdf = await loadPdf(bytes, { maxPages: opts.maxPages, timeoutMs: opts.pdfTimeoutMs, ruled: ruledPage });
  return partitionPages(pdf, layout);
}

/**
 * Positioned text and rules of every page (a PDF's text layer, or what OCR read from its page images) to the
 * document: the one reading both share, so a scan's table is rebuilt exactly as a text PDF's is.
 */
export function partitionPages(pdf: LoadedPdf, layout = pageLayout()): DocText {
  const tokens = pdf.pages.map((p) => layout(p).tokens);
  const pages = pdf.pages.map((p) => ({ height: p.height, width: p.width, lines: layout(p).lines }));
  const visible = pages.reduce((n, p) => n + p.lines.reduce((m, l) => m + lineText(l).replace(/\s/g, '').length, 0), 0);
  if (visible < MIN_CHARS_PER_PAGE * Math.max(1, pages.length)) throw new NoTextLayer();
  dropFurniture(pages);
  const ruling = pdf.pages.map((p, i) => ruledTables(p.page, p.rules ?? [], tokens[i], p.width));
  // Text outside the ruled tables is read for borderless tables.
  const unruled = pdf.pages.map((p, i) => ({ height: p.height, lines: pageLines(ruling[i].rest, p.height) }));
  dropFurniture(unruled);
  const printed: Line[] = pages.flatMap((p) => p.lines);
  const raw = printed.map(lineText).join('\n');
  const traditional = detectScript(raw) === 'traditional';
  const simplify = (s: string) => (traditional ? toSimplified(s) : s);
  // Tables are rebuilt from simplified text, so headings and labels read the same in either script;
  // each cell's `raw` keeps the characters as printed.
  const lines = traditional ? printed.map(simplifiedLine) : printed;
  const text = lines.map(lineText).join('\n');
  const others = unruled.flatMap((p) => p.lines).map((l) => (traditional ? simplifiedLine(l) : l));
  const ruled = ruling.flatMap((r) => r.tables).map((t) => (traditional ? simplifiedTable(t) : t));
  const width = Math.max(...pages.map((p) => contentWidth(p.lines)), 1);
  return {
    kind: 'pdf',
    text,
    raw: raw.length === text.length ? raw : text,
    title: pdf.title ? simplify(fixRadicals(pdf.title)) : undefined,
    grids: allGrids(
      ruled,
      buildGrids(others, width),
      pages.map((p) => p.height),
    ),
    findings: ruling.flatMap((r) => r.findings),
    pages: pdf.pages.length,
  };
}

/** Each page's tokens and lines, read once: for the choice of ruled pages and for the text. */
function pageLayout(): (p: PageText) => { tokens: Token[]; lines: Line[] } {
  const read = new Map<number, { tokens: Token[]; lines: Line[] }>();
  return (p) => read.get(p.page) ?? read.set(p.page, withLines(pageTokens(p), p.height)).get(p.page)!;
}

const withLines = (tokens: Token[], height: number) => ({ tokens, lines: pageLines(tokens, height) });

/** opencc t2cn maps character for character, so positions and lengths stay as printed. */
function simplifiedLine(l: Line): Line {
  return { ...l, segs: l.segs.map((s) => ({ ...s, text: toSimplified(s.text), parts: s.parts.map((t) => ({ ...t, str: toSimplified(t.str) })) })) };
}

function simplifiedTable(t: RuledTable): RuledTable {
  const seen = new Map<Cell, Cell>();
  const conv = (c: Cell) => seen.get(c) ?? seen.set(c, { ...c, text: toSimplified(c.text) }).get(c)!;
  return { ...t, rows: t.rows.map((r) => r.map(conv)) };
}

/** Width of the page's text block: from the leftmost to the rightmost glyph of horizontal lines. */
function contentWidth(lines: Line[]): number {
  const h = lines.filter((l) => !l.vertical);
  if (h.length === 0) return 0;
  return Math.max(...h.map((l) => l.segs[l.segs.length - 1].x2)) - Math.min(...h.map((l) => l.segs[0].x));
}

/**
 * Grids of the ruled tables and of the text-based reading, in document order, each cell's locator carrying
 * its grid, row and column (a spanning cell keeps those of the cell where it starts).
 */
function allGrids(ruled: RuledTable[], others: Grid[], heights: number[]): Grid[] {
  const topOf = (page: number, y: number) => docTop(page, heights[page - 1], y);
  const firstCell = (g: Grid) => g.rows.flat().find((c) => c.loc.page && c.loc.y !== undefined);
  const parts = [
    ...ruledGrids(ruled).map((g) => ({ top: topOf(g.page, g.y), rows: g.rows })),
    ...others.map((g) => ({ top: firstCell(g) ? topOf(firstCell(g)!.loc.page!, firstCell(g)!.loc.y!) : Infinity, rows: g.rows })),
  ].sort((a, b) => a.top - b.top);
  return parts.map((p, index) => {
    const origin = new Map<Cell, Locator>();
    const rows = p.rows.map((r, row) => r.map((c, col) => ({ ...c, loc: origin.get(c) ?? origin.set(c, { ...c.loc, table: index, row, col }).get(c)! })));
    return { index, rows };
  });
}
