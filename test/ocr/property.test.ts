import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createEngine, type Engine } from '../../lambdas/core/ocr/engine';
import { crop, resize, type Gray } from '../../lambdas/core/ocr/image';
import { pdfPageImages } from '../../lambdas/core/ocr/pdf-images';
import { readPage } from '../../lambdas/core/ocr/read-page';
import { ACCEPT } from '../../lambdas/core/ocr/review';

/**
 * The property behind "every number in its cell or flagged": a figure's crop, degraded further at random (grain,
 * blur, lower resolution, a shift of the crop), is read over digits either as the printed figure or with a
 * confidence under the acceptance bar. Truth comes from the clean 300 dpi scan, whose table reads right in full.
 */
let engine: Engine;
let figures: { str: string; crop: Gray }[] = [];

beforeAll(async () => {
  engine = await createEngine();
  const bytes = readFileSync(path.join(__dirname, '..', 'fixtures', 'scans', 'gen-2021-scan-cid-clean.pdf'));
  const { images } = await pdfPageImages(bytes, { maxPages: 10, pages: [2] });
  const page = await readPage(images[0], engine);
  const s = 72 / 300;
  // The stored image is upright and unskewed: token boxes (points, y up) are its pixels at 300 dpi.
  figures = page.tokens
    .filter((t) => t.numeric && t.conf >= 0.99)
    .slice(0, 40)
    .map((t) => ({
      str: t.str,
      crop: crop(images[0].image, t.box.x / s - 12, (page.text.height - t.box.y - t.box.h) / s - 10, t.box.w / s + 24, t.box.h / s + 20),
    }));
}, 120_000);

afterAll(() => engine?.close());

function degrade(img: Gray, noise: number, blur: number, scale: number, seed: number): Gray {
  let out = scale < 1 ? resize(img, Math.max(8, Math.round(img.width * scale)), Math.max(8, Math.round(img.height * scale))) : img;
  for (let b = 0; b < blur; b++) {
    const d = new Uint8Array(out.data);
    for (let i = 1; i < d.length - 1; i++) d[i] = (out.data[i - 1] + 2 * out.data[i] + out.data[i + 1]) >> 2;
    out = { ...out, data: d };
  }
  let state = seed >>> 0;
  const rand = () => (state = (state * 1664525 + 1013904223) >>> 0) / 2 ** 32;
  const data = out.data.map((v) => Math.max(0, Math.min(255, v + Math.round((rand() + rand() + rand() - 1.5) * 2 * noise))));
  return { ...out, data };
}

it('an OCR-read figure equals the printed one or is flagged (confidence under the bar), never silently wrong', async () => {
  expect(figures.length).toBeGreaterThanOrEqual(20);
  await fc.assert(
    fc.asyncProperty(
      fc.nat({ max: figures.length - 1 }),
      fc.integer({ min: 0, max: 60 }),
      fc.integer({ min: 0, max: 3 }),
      fc.double({ min: 0.25, max: 1, noNaN: true }),
      fc.nat(),
      async (i, noise, blur, scale, seed) => {
        const f = figures[i];
        const read = (await engine.recognize(degrade(f.crop, noise, blur, scale, seed))).digits;
        const conf = read.conf.length ? Math.min(...read.conf) : 0;
        if (conf >= ACCEPT) expect(read.text).toBe(f.str);
      },
    ),
    { numRuns: 150, seed: 20261206 },
  );
}, 300_000);
