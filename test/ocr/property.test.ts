// @needs poppler: the scans are rendered from samples/pdf with pdftoppm (scripts/generate/render-scan.ts).
import fc from 'fast-check';
import { createEngine, type Engine } from '../../lambdas/core/ocr/engine';
import { measureSpans, shapeDoubt } from '../../lambdas/core/ocr/figure-shape';
import { crop, resize, type Gray } from '../../lambdas/core/ocr/image';
import { pdfPageImages } from '../../lambdas/core/ocr/pdf-images';
import { readPage } from '../../lambdas/core/ocr/read-page';
import { ACCEPT } from '../../lambdas/core/ocr/review';
import { scanPdf } from '../../scripts/generate/render-scan';

/**
 * The property behind "every number in its cell or flagged": a figure's crop, degraded further at random (grain,
 * blur, resolution down to 75 dpi, a shift of the crop), is read over digits either as the printed figure or is
 * held back as the review holds it back: a confidence under the acceptance bar, a reading whose digits do not fill
 * the figure's ink (`shapeDoubt`: a recogniser may drop a digit and be sure of the rest), or digits too few pixels high
 * to read for sure. Truth comes from the clean
 * scan of the table's page, whose figures test/ocr/scans.test.ts checks against the labels.
 */
let engine: Engine;
let figures: { str: string; crop: Gray; span?: number; inkPx: number }[] = [];

beforeAll(async () => {
  engine = await createEngine();
  const { pdf, labels } = scanPdf('gen-2021-pdf-cid', 'clean', [3]);
  const { images } = await pdfPageImages(pdf, { maxPages: 10 });
  const page = await readPage(images[0], engine);
  measureSpans(page.tokens);
  const printed = new Set(Object.values((labels as { values: Record<string, number> }).values).map(String));
  const s = 72 / 200;
  // The stored image is upright and unskewed: token boxes (points, y up) are its pixels at 200 dpi.
  figures = page.tokens
    .filter((t) => t.numeric && t.conf >= ACCEPT && printed.has(t.str))
    // Every figure other than 0, and a few of the many 0s.
    .filter((t, i, all) => t.str !== '0' || all.slice(0, i).filter((u) => u.str === '0').length < 12)
    .map((t) => ({
      str: t.str,
      span: t.span,
      inkPx: t.inkPx!,
      crop: crop(images[0].image, t.box.x / s - 8, (page.text.height - t.box.y - t.box.h) / s - 7, t.box.w / s + 16, t.box.h / s + 14),
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

it('an OCR-read figure equals the printed one or is flagged (confidence under the bar, digits short of its ink), never silently wrong', async () => {
  expect(figures.length).toBeGreaterThanOrEqual(20);
  expect(figures.filter((f) => f.str.length > 1 && f.span !== undefined).length).toBeGreaterThanOrEqual(5);
  await fc.assert(
    fc.asyncProperty(
      fc.nat({ max: figures.length - 1 }),
      fc.integer({ min: 0, max: 60 }),
      fc.integer({ min: 0, max: 3 }),
      fc.double({ min: 0.375, max: 1, noNaN: true }),
      fc.nat(),
      async (i, noise, blur, scale, seed) => {
        const f = figures[i];
        const read = (await engine.recognize(degrade(f.crop, noise, blur, scale, seed))).digits;
        const conf = read.conf.length ? Math.min(...read.conf) : 0;
        // The ink is the figure's, however degraded: its width in digits is the printed figure's, its height scaled.
        const token = { str: read.text, box: { x: 0, y: 0, w: 1, h: 1 }, conf, numeric: true, span: f.span, inkPx: f.inkPx * scale };
        if (conf >= ACCEPT && read.text && !shapeDoubt('t3.granted.natural', [token])) expect(read.text).toBe(f.str);
      },
    ),
    { numRuns: 150, seed: 20261206 },
  );
}, 300_000);
