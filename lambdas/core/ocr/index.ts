import { RejectedInput } from '../errors';
import { NoTextLayer, partitionPages } from '../partition/pdf';
import type { DocText, Locator } from '../types';
import { imagePages } from './decode-image';
import type { Engine } from './engine';
import { measureSpans } from './figure-shape';
import { pdfPageImages } from './pdf-images';
import { readPage, type OcrPage, type OcrToken, type PageImage } from './read-page';

export type { OcrPage, OcrToken } from './read-page';

/** What OCR read of a document, beside the document: each cell's reading, to judge its figures by. */
export interface OcrReading {
  pages: { page: number; turned: number; skew: number; tokens: number }[];
  /** The OCR tokens a cell's locator covers (its figures' confidence and alternatives). */
  tokensOf(loc: Locator): OcrToken[];
  /** Every token read, page after page (the agency's name is checked against each printing of it). */
  tokens: OcrToken[];
}

/** The page images of a scanned upload: a PDF's stored images, or an image file's pages. */
export async function scanImages(
  bytes: Uint8Array,
  kind: 'pdf' | 'image',
  maxPages: number,
  pages?: number[],
): Promise<{ count: number; images: PageImage[] }> {
  if (kind === 'image') {
    const all = imagePages(bytes, maxPages);
    return { count: all.length, images: pages ? all.filter((p) => pages.includes(p.page)) : all };
  }
  return pdfPageImages(bytes, { maxPages, pages });
}

/** Every page image read by OCR, one after another (the engine holds one page's buffers at a time). */
export async function readImages(images: PageImage[], engine: Engine): Promise<OcrPage[]> {
  const out: OcrPage[] = [];
  for (const img of images) out.push(await readPage(img, engine));
  return out;
}

/**
 * OCR'd pages to the format-blind document, through the PDF path's own reading of positioned text and rules
 * (`partitionPages`), so the form, the identities, the narrative and the neighbours decide as for a text PDF.
 * Locators are moved from the deskewed frame OCR read in back onto the page as stored, where the evidence panel
 * draws them; `ocr.tokensOf` finds a cell's tokens by the locator as extracted.
 */
export function scanDocText(pages: OcrPage[]): DocText & { ocr: OcrReading } {
  if (pages.length === 0) throw new RejectedInput('The scan has no page image that covers a page; there is nothing to read.', 'P-SCAN-EMPTY');
  let doc: DocText;
  try {
    doc = partitionPages({ pages: pages.map((p) => p.text) });
  } catch (err) {
    if (err instanceof NoTextLayer) throw new RejectedInput('OCR found no text on the scanned pages (blank or unreadable images).', 'P-SCAN-NO-TEXT');
    throw err;
  }
  const byPage = new Map(pages.map((p) => [p.text.page, p]));
  const covered = new Map<Locator, OcrToken[]>();
  const tokensOf = (loc: Locator): OcrToken[] => covered.get(loc) ?? [];
  const moved = new Set<Locator>();
  for (const grid of doc.grids)
    for (const row of grid.rows)
      for (const cell of row) {
        const loc = cell.loc;
        const page = loc.page ? byPage.get(loc.page) : undefined;
        if (!page || moved.has(loc)) continue;
        covered.set(loc, tokensAt(page.tokens, loc));
        moved.add(loc);
        toStoredPage(loc, page);
      }
  // Widths are measured in the frame OCR read in, where a figure's box is upright.
  measureSpans(pages.flatMap((p) => p.tokens));
  for (const p of pages) for (const t of p.tokens) t.box = boxOnPage(t.box, p);
  return {
    ...doc,
    kind: 'pdf',
    ocr: {
      pages: pages.map((p) => ({ page: p.text.page, turned: p.turned, skew: p.skew, tokens: p.tokens.length })),
      tokensOf,
      tokens: pages.flatMap((p) => p.tokens),
    },
  };
}

/** The tokens whose centre lies in a ruled cell's box, or, for a cell of a table read from positions, the token at its first glyph. */
function tokensAt(tokens: OcrToken[], loc: Locator): OcrToken[] {
  const centre = (t: OcrToken) => [t.box.x + t.box.w / 2, t.box.y + t.box.h / 2];
  if (loc.box) {
    const b = loc.box;
    return tokens.filter((t) => {
      const [cx, cy] = centre(t);
      return cx >= b.x && cx <= b.x + b.w && cy >= b.y && cy <= b.y + b.h;
    });
  }
  if (loc.x === undefined || loc.y === undefined) return [];
  return tokens.filter((t) => Math.abs(t.box.x - loc.x!) < 0.5 && loc.y! >= t.box.y - 1 && loc.y! <= t.box.y + t.box.h + 1);
}

const round = (v: number) => Math.round(v * 10) / 10;

/** A box of the deskewed frame as the upright box around it on the stored page. */
function boxOnPage(b: { x: number; y: number; w: number; h: number }, page: OcrPage) {
  const corners = [page.toPage(b.x, b.y), page.toPage(b.x + b.w, b.y), page.toPage(b.x, b.y + b.h), page.toPage(b.x + b.w, b.y + b.h)];
  const xs = corners.map((c) => c[0]);
  const ys = corners.map((c) => c[1]);
  const [x, y] = [Math.min(...xs), Math.min(...ys)];
  return { x: round(x), y: round(y), w: round(Math.max(...xs) - x), h: round(Math.max(...ys) - y) };
}

function toStoredPage(loc: Locator, page: OcrPage): void {
  if (loc.box) loc.box = boxOnPage(loc.box, page);
  if (loc.x !== undefined && loc.y !== undefined) {
    const [x, y] = page.toPage(loc.x, loc.y);
    [loc.x, loc.y] = [round(x), round(y)];
  }
}
