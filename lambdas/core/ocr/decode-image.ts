import * as jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import * as UTIF from 'utif2';
import { RejectedInput } from '../errors';
import { MAX_PIXELS, toGrayDroppingRed, type Gray } from './image';
import type { PageImage } from './read-page';
import { imageFormat } from '../sniff/image-format';

/** An A4 sheet's width in inches: the resolution of a scan that does not state its own. */
const A4_WIDTH_IN = 8.27;

/**
 * The pages of an uploaded image (a TIFF may hold several), each placed on a page of its own size in points. The
 * resolution is the one the file states when it is plausible for a scan (100–600 dpi), else that of an A4 sheet
 * across the image's shorter side.
 */
export function imagePages(bytes: Uint8Array, maxPages: number): PageImage[] {
  const format = imageFormat(bytes);
  const images: { gray: Gray; dpi?: number }[] = [];
  try {
    if (format === 'jpeg') {
      const j = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: false, maxResolutionInMP: MAX_PIXELS / 1e6, maxMemoryUsageInMB: 512 });
      images.push({ gray: toGrayDroppingRed(j.width, j.height, j.data, j.data.length / (j.width * j.height)), dpi: jfifDpi(bytes) });
    } else if (format === 'png') {
      const p = PNG.sync.read(Buffer.from(bytes));
      if (p.width * p.height > MAX_PIXELS) throw tooLarge(p.width, p.height);
      images.push({ gray: toGrayDroppingRed(p.width, p.height, p.data, 4) });
    } else if (format === 'tiff') {
      const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      const ifds = UTIF.decode(buf).filter((d) => d.t256 && d.t257);
      if (ifds.length > maxPages)
        throw new RejectedInput(`The TIFF has ${ifds.length} pages; an annual report is far shorter (limit ${maxPages} pages).`, 'P-PDF-TOO-LONG');
      for (const ifd of ifds) {
        const [w, h] = [Number(ifd.t256), Number(ifd.t257)];
        if (w * h > MAX_PIXELS) throw tooLarge(w, h);
        UTIF.decodeImage(buf, ifd);
        const res = Number((ifd.t282 as number[] | undefined)?.[0]);
        images.push({ gray: toGrayDroppingRed(w, h, UTIF.toRGBA8(ifd), 4), dpi: res || undefined });
      }
    }
  } catch (err) {
    if (err instanceof RejectedInput) throw err;
    throw new RejectedInput(`The image cannot be read (${err instanceof Error ? err.message : String(err)}).`, 'P-IMAGE-DAMAGED');
  }
  if (images.length === 0) throw new RejectedInput('The file is not a JPEG, PNG or TIFF image that can be read.', 'P-IMAGE-DAMAGED');
  return images.map(({ gray, dpi }, i) => {
    const res = dpi && dpi >= 100 && dpi <= 600 ? dpi : Math.min(gray.width, gray.height) / A4_WIDTH_IN;
    const [width, height] = [(gray.width * 72) / res, (gray.height * 72) / res];
    return { page: i + 1, image: gray, width, height, placement: [width, 0, 0, height, 0, 0] };
  });
}

const tooLarge = (w: number, h: number) => new RejectedInput(`The image has ${w} × ${h} pixels; a scanned page has far fewer.`, 'P-IMAGE-TOO-LARGE');

/** The density a JPEG's JFIF header states, in dots per inch (absent when it states none or only an aspect ratio). */
function jfifDpi(b: Uint8Array): number | undefined {
  // APP0 "JFIF\0" right after SOI: units at offset 13, X density at 14–15.
  if (b[2] !== 0xff || b[3] !== 0xe0 || String.fromCharCode(b[6], b[7], b[8], b[9]) !== 'JFIF') return undefined;
  const units = b[13];
  const x = (b[14] << 8) | b[15];
  return units === 1 ? x : units === 2 ? x * 2.54 : undefined;
}
