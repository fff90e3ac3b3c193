import * as jpeg from 'jpeg-js';
import { imageFormat } from '../sniff/image-format';
import { imagePages } from './decode-image';

/** A page of an image-only PDF: a JPEG filling a page of `width` × `height` points. */
export interface JpegPage {
  jpeg: Uint8Array;
  width: number;
  height: number;
}

/** A JPEG's pixel size and colour components, from its frame header (SOF0–SOF15 but DHT, JPG and DAC). */
export function jpegFrame(b: Uint8Array): { width: number; height: number; components: number } | undefined {
  for (let i = 2; i + 9 < b.length;) {
    if (b[i] !== 0xff) return undefined;
    const marker = b[i + 1];
    const length = (b[i + 2] << 8) | b[i + 3];
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc)
      return { height: (b[i + 5] << 8) | b[i + 6], width: (b[i + 7] << 8) | b[i + 8], components: b[i + 9] };
    i += 2 + length;
  }
  return undefined;
}

const COLOUR_SPACES: Record<number, string> = { 1: 'DeviceGray', 3: 'DeviceRGB', 4: 'DeviceCMYK' };

/** An image-only PDF, one JPEG a page (DCTDecode: the JPEG's bytes as they are), each filling its page. */
export function imagePdf(pages: JpegPage[]): Buffer {
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  const offsets: number[] = [];
  let size = parts[0].length;
  const add = (body: Buffer | string) => {
    const b = typeof body === 'string' ? Buffer.from(body, 'latin1') : body;
    offsets.push(size);
    parts.push(b);
    size += b.length;
  };
  // Objects: 1 catalog, 2 pages, then per page: page, content, image.
  add('1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n');
  add(`2 0 obj\n<< /Type /Pages /Count ${pages.length} /Kids [${pages.map((_, i) => `${3 + 3 * i} 0 R`).join(' ')}] >>\nendobj\n`);
  pages.forEach((p, i) => {
    const frame = jpegFrame(p.jpeg);
    if (!frame) throw new Error(`page ${i + 1}: not a JPEG with a frame header`);
    const [w, h] = [p.width, p.height].map((v) => Math.round(v * 100) / 100);
    const id = 3 + 3 * i;
    const content = `q ${w} 0 0 ${h} 0 0 cm /Im0 Do Q`;
    add(
      `${id} 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${w} ${h}] /Resources << /XObject << /Im0 ${id + 2} 0 R >> >> /Contents ${id + 1} 0 R >>\nendobj\n`,
    );
    add(`${id + 1} 0 obj\n<< /Length ${content.length} >>\nstream\n${content}\nendstream\nendobj\n`);
    const space = COLOUR_SPACES[frame.components] ?? 'DeviceRGB';
    add(
      Buffer.concat([
        Buffer.from(
          `${id + 2} 0 obj\n<< /Type /XObject /Subtype /Image /Width ${frame.width} /Height ${frame.height} /ColorSpace /${space} /BitsPerComponent 8 /Filter /DCTDecode /Length ${p.jpeg.length} >>\nstream\n`,
          'latin1',
        ),
        Buffer.from(p.jpeg),
        Buffer.from('\nendstream\nendobj\n', 'latin1'),
      ]),
    );
  });
  const xref = size;
  const table = [`xref\n0 ${offsets.length + 1}\n0000000000 65535 f \n`, ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)].join('');
  parts.push(Buffer.from(`${table}trailer\n<< /Size ${offsets.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`, 'latin1'));
  return Buffer.concat(parts);
}

/** JPEG quality of a PNG or TIFF page shown as evidence: its figures stay sharp, the page stays under the API's limit. */
const EVIDENCE_QUALITY = 85;

/**
 * An image upload as a PDF of its pages, each on a page of the size OCR read it at (`imagePages`), so a value's
 * evidence box (page points) outlines its cell where the evidence panel draws the page, as for a scanned PDF. A JPEG
 * is wrapped as it is; PNG and TIFF pages, which a browser may not show, are re-encoded as grey JPEGs.
 */
export function imageUploadPdf(bytes: Uint8Array, maxPages: number): Buffer {
  const pages = imagePages(bytes, maxPages);
  if (imageFormat(bytes) === 'jpeg') return imagePdf([{ jpeg: bytes, width: pages[0].width, height: pages[0].height }]);
  return imagePdf(
    pages.map((p) => {
      const { width, height, data } = p.image;
      const rgba = Buffer.alloc(width * height * 4);
      for (let i = 0; i < data.length; i++) rgba.fill(data[i], 4 * i, 4 * i + 3).writeUInt8(255, 4 * i + 3);
      return { jpeg: jpeg.encode({ width, height, data: rgba }, EVIDENCE_QUALITY).data, width: p.width, height: p.height };
    }),
  );
}
