import { detectScript, toSimplified } from '../../decode/script';
import { RejectedInput } from '../../errors';
import type { ParseOptions } from '../../record/options';
import type { DocText } from '../../types';
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
  const pdf = await loadPdf(bytes, { maxPages: opts.maxPages, timeoutMs: opts.pdfTimeoutMs });
  const pages = pdf.pages.map((p) => ({ height: p.height, width: p.width, lines: pageLines(pageTokens(p), p.height) }));
  const visible = pages.reduce((n, p) => n + p.lines.reduce((m, l) => m + lineText(l).replace(/\s/g, '').length, 0), 0);
  if (visible < MIN_CHARS_PER_PAGE * Math.max(1, pages.length))
    throw new RejectedInput('The PDF has no text layer (it looks like scanned images); it needs OCR before it can be read.', 'P-PDF-NO-TEXT');
  dropFurniture(pages);
  const lines: Line[] = pages.flatMap((p) => p.lines);
  const raw = lines.map(lineText).join('\n');
  const traditional = detectScript(raw) === 'traditional';
  const simplify = (s: string) => (traditional ? toSimplified(s) : s);
  const grids = buildGrids(lines, Math.max(...pages.map((p) => contentWidth(p.lines)), 1));
  if (traditional) for (const g of grids) for (const row of g.rows) for (const c of row) c.text = toSimplified(c.text);
  return {
    kind: 'pdf',
    text: simplify(raw),
    raw,
    title: pdf.title ? simplify(fixRadicals(pdf.title)) : undefined,
    grids,
    pages: pdf.pages.length,
  };
}

/** Width of the page's text block: from the leftmost to the rightmost glyph of horizontal lines. */
function contentWidth(lines: Line[]): number {
  const h = lines.filter((l) => !l.vertical);
  if (h.length === 0) return 0;
  return Math.max(...h.map((l) => l.segs[l.segs.length - 1].x2)) - Math.min(...h.map((l) => l.segs[0].x));
}
