import * as jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { imagePages } from '../../lambdas/core/ocr/decode-image';
import { imagePdf, imageUploadPdf, jpegFrame } from '../../lambdas/core/ocr/image-pdf';
import { pdfPageImages } from '../../lambdas/core/ocr/pdf-images';

/** A grey page with a dark bar, as a JPEG of `w` × `h` pixels. */
function page(w: number, h: number): Buffer {
  const rgba = Buffer.alloc(w * h * 4, 240);
  for (let y = 40; y < 60; y++) for (let x = 30; x < 200; x++) rgba.fill(20, 4 * (y * w + x), 4 * (y * w + x) + 3);
  return jpeg.encode({ width: w, height: h, data: rgba }, 90).data;
}

describe('an image upload as the PDF its evidence is shown on', () => {
  it('reads a JPEG frame header: size and colour components', () => {
    expect(jpegFrame(page(300, 200))).toEqual({ width: 300, height: 200, components: 3 });
    expect(jpegFrame(Buffer.from('not a jpeg'))).toBeUndefined();
  });

  it('wraps a JPEG as it is, on a page of the size OCR reads it at, so evidence boxes land where they were read', async () => {
    const jpg = page(827, 1169);
    const pdf = imageUploadPdf(jpg, 10);
    expect(pdf.includes(jpg)).toBe(true);
    const [read] = imagePages(jpg, 10);
    const { images } = await pdfPageImages(pdf, { maxPages: 10 });
    expect(images).toHaveLength(1);
    expect([images[0].width, images[0].height]).toEqual([Math.round(read.width * 100) / 100, Math.round(read.height * 100) / 100]);
    expect([images[0].image.width, images[0].image.height]).toEqual([827, 1169]);
  });

  it('re-encodes a PNG (which a page may not show, and a TIFF no browser does) as a grey JPEG of the same pixels', async () => {
    const rgba = jpeg.decode(page(400, 300), { useTArray: true, formatAsRGBA: true });
    const png = new PNG({ width: 400, height: 300 });
    png.data = Buffer.from(rgba.data);
    const { images } = await pdfPageImages(imageUploadPdf(PNG.sync.write(png), 10), { maxPages: 10 });
    const grey = imagePages(PNG.sync.write(png), 10)[0].image;
    expect([images[0].image.width, images[0].image.height]).toEqual([400, 300]);
    // JPEG loss only: the bar stays dark, the paper light.
    expect(images[0].image.data[50 * 400 + 100]).toBeLessThan(60);
    expect(Math.abs(images[0].image.data[150 * 400 + 300] - grey.data[150 * 400 + 300])).toBeLessThan(8);
  });

  it('builds one page per JPEG, each filling its page', async () => {
    const pdf = imagePdf([
      { jpeg: page(200, 100), width: 144, height: 72 },
      { jpeg: page(100, 200), width: 72, height: 144 },
    ]);
    const { count, images } = await pdfPageImages(pdf, { maxPages: 10 });
    expect(count).toBe(2);
    expect(images.map((i) => [i.width, i.height, i.placement])).toEqual([
      [144, 72, [144, 0, 0, 72, 0, 0]],
      [72, 144, [72, 0, 0, 144, 0, 0]],
    ]);
  });
});
