import { detectScript, toSimplified } from '../../decode/script';
import { RejectedInput } from '../../errors';
import type { ParseOptions } from '../../record/options';
import type { DocText } from '../../types';
import { checkContentBudget } from './content-budget';
import { buildGrids } from './grids';
import { dropFurniture, lineText, pageLines, pageTokens, type Line } from './layout';
import { loadPdf } from './load';
import { fixRadicals } from './radicals';

/** Fewer visible characters than this per page means there is no text layer worth reading. */
const MIN_CHARS_PER_PAGE = 20;

/**
 * PDF bytes to the format-blind document: text line by line in reading order (page numbers and running
 * headers dropped, radical look-alikes fixed, simplified script) and the tables rebuilt from positions.
 */
export async function partitionPdf(bytes: Uint8Array, opts: Required<ParseOptions>): Promise<DocText> {
  checkContentBudget(bytes, opts.maxPdfContentBytes);
  const pdf = await loadPdf(bytes, { maxPages: opts.maxPages, timeoutMs: opts.pdfTimeoutMs });
  const pages = pdf.pages.map((p) => ({ height: p.height, width: p.width, lines: pageLines(pageTokens(p), p.height) }));
  const visible = pages.reduce((n, p) => n + p.lines.reduce((m, l) => m + lineText(l).replace(/\s/g, '').length, 0), 0);
  if (visible < MIN_CHARS_PER_PAGE * Math.max(1, pages.length))
    throw new RejectedInput('The PDF has no text layer (it looks like scanned images); it needs OCR before it can be read.', 'P-PDF-NO-TEXT');
  dropFurniture(pages);
  const printed: Line[] = pages.flatMap((p) => p.lines);
  const raw = printed.map(lineText).join('\n');
  const traditional = detectScript(raw) === 'traditional';
  const simplify = (s: string) => (traditional ? toSimplified(s) : s);
  // Tables are rebuilt from simplified text, so headings and labels read the same in either script;
  // each cell's `raw` keeps the characters as printed.
  const lines = traditional ? printed.map(simplifiedLine) : printed;
  const text = lines.map(lineText).join('\n');
  return {
    kind: 'pdf',
    text,
    raw: raw.length === text.length ? raw : text,
    title: pdf.title ? simplify(fixRadicals(pdf.title)) : undefined,
    grids: buildGrids(lines, Math.max(...pages.map((p) => contentWidth(p.lines)), 1)),
    pages: pdf.pages.length,
  };
}

/** opencc t2cn maps character for character, so positions and lengths stay as printed. */
function simplifiedLine(l: Line): Line {
  return { ...l, segs: l.segs.map((s) => ({ ...s, text: toSimplified(s.text), parts: s.parts.map((t) => ({ ...t, str: toSimplified(t.str) })) })) };
}

/** Width of the page's text block: from the leftmost to the rightmost glyph of horizontal lines. */
function contentWidth(lines: Line[]): number {
  const h = lines.filter((l) => !l.vertical);
  if (h.length === 0) return 0;
  return Math.max(...h.map((l) => l.segs[l.segs.length - 1].x2)) - Math.min(...h.map((l) => l.segs[0].x));
}
