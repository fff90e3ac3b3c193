import { RejectedInput } from '../errors';
import { multiply } from '../partition/pdf/layout';
import { loadPdfJs } from '../partition/pdf/load';
import { MAX_PIXELS, toGrayDroppingRed, type Gray } from './image';
import type { PageImage } from './read-page';

/** A page image smaller than this share of its page is a picture on a page, not the scan of the page. */
const MIN_COVER = 0.5;

/** pdf.js `ImageKind`. */
const GRAYSCALE_1BPP = 1;
const RGB_24BPP = 2;

interface PdfJsImage {
  width: number;
  height: number;
  kind?: number;
  data?: Uint8Array | Uint8ClampedArray;
}

/**
 * The page images of a scanned PDF as they are stored (pdf.js decodes the JPEG, Flate, CCITT or JBIG2 stream; nothing
 * is re-rendered), each with where it lies on its page. A page whose largest image covers less than half of it has no
 * scan (a blank separator sheet, a picture on a text page) and is left out. `pages` selects 1-based page numbers.
 */
export async function pdfPageImages(bytes: Uint8Array, opts: { maxPages: number; pages?: number[] }): Promise<{ count: number; images: PageImage[] }> {
  const { getDocument, OPS } = await loadPdfJs();
  const task = getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, verbosity: 0, disableFontFace: true });
  try {
    const doc = await task.promise;
    if (doc.numPages > opts.maxPages)
      throw new RejectedInput(`The PDF has ${doc.numPages} pages; an annual report is far shorter (limit ${opts.maxPages} pages).`, 'P-PDF-TOO-LONG');
    const images: PageImage[] = [];
    for (const n of opts.pages ?? Array.from({ length: doc.numPages }, (_, i) => i + 1)) {
      const page = await doc.getPage(n);
      const viewport = page.getViewport({ scale: 1 });
      const ops = await page.getOperatorList();
      // The transformation matrix at each image paint: unit square → user space → displayed page, y up.
      let ctm = [1, 0, 0, 1, 0, 0];
      const stack: number[][] = [];
      let best: { placement: number[]; area: number; id?: string; inline?: PdfJsImage; mask?: boolean } | undefined;
      for (let i = 0; i < ops.fnArray.length; i++) {
        const fn = ops.fnArray[i];
        const args = ops.argsArray[i] as unknown[];
        if (fn === OPS.save) stack.push(ctm);
        else if (fn === OPS.restore) ctm = stack.pop() ?? ctm;
        else if (fn === OPS.transform) ctm = multiply(ctm, args as number[]);
        else if (fn === OPS.paintFormXObjectBegin) {
          stack.push(ctm);
          const m = (args as [number[] | null])[0];
          if (m) ctm = multiply(ctm, m);
        } else if (fn === OPS.paintFormXObjectEnd) ctm = stack.pop() ?? ctm;
        else if (fn === OPS.paintImageXObject || fn === OPS.paintInlineImageXObject || fn === OPS.paintImageMaskXObject) {
          const placement = multiply([1, 0, 0, -1, 0, viewport.height], multiply(viewport.transform, ctm));
          const area = Math.abs(placement[0] * placement[3] - placement[1] * placement[2]);
          if (best && best.area >= area) continue;
          const a0 = args[0];
          best = typeof a0 === 'string' ? { placement, area, id: a0 } : { placement, area, inline: a0 as PdfJsImage, mask: fn === OPS.paintImageMaskXObject };
        }
      }
      if (best && best.area >= MIN_COVER * viewport.width * viewport.height) {
        const img = best.inline ?? ((best.id!.startsWith('g_') ? page.commonObjs : page.objs).get(best.id!) as PdfJsImage);
        const gray = grayOf(img, best.mask);
        if (gray) images.push({ page: n, image: gray, width: viewport.width, height: viewport.height, placement: best.placement });
      }
      page.cleanup();
    }
    return { count: doc.numPages, images };
  } finally {
    await task.destroy().catch(() => undefined);
  }
}

/** pdf.js's decoded image to grey (red stamp ink lifted); 1-bit images unpacked, an image mask's set bits as ink. */
function grayOf(img: PdfJsImage, mask = false): Gray | undefined {
  const { width, height, data } = img;
  if (!data || !width || !height) return undefined;
  if (width * height > MAX_PIXELS) throw new RejectedInput(`A page image has ${width} × ${height} pixels; a scanned page has far fewer.`, 'P-IMAGE-TOO-LARGE');
  if (mask || img.kind === GRAYSCALE_1BPP) {
    const out = new Uint8Array(width * height);
    const stride = (width + 7) >> 3;
    for (let y = 0; y < height; y++)
      for (let x = 0; x < width; x++) {
        const bit = (data[y * stride + (x >> 3)] >> (7 - (x & 7))) & 1;
        // In a mask a set bit is paint (ink); in a 1-bit grey image a set bit is white.
        out[y * width + x] = mask ? (bit ? 0 : 255) : bit ? 255 : 0;
      }
    return { width, height, data: out };
  }
  return toGrayDroppingRed(width, height, data, img.kind === RGB_24BPP ? 3 : 4);
}
