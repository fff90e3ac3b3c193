import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadPdf, loadPdfJs } from '../../lambdas/core/partition/pdf/load';

const SAMPLES = join(__dirname, '../../samples/pdf');

describe('headless fonts (pdf.js options for reading rules from the operator list)', () => {
  it.each(['gen-2021-pdf-sparse-lo.pdf', 'gen-2021-pdf-sparse-chromium.pdf', 'gen-2021-pdf-cid.pdf'])(
    '%s: pdf.js hands its fonts to the font loader (so its worker compiles no glyph outlines), and the rules are read',
    async (file) => {
      // pdf.js's own realm (jest loads it natively): where it looks FontFace up.
      const realm = (await loadPdfJs()).getDocument.constructor('return globalThis')() as { FontFace?: new (family: string) => unknown };
      const loaded: string[] = [];
      const before = realm.FontFace;
      realm.FontFace = class {
        readonly loaded = Promise.resolve(this);
        constructor(family: string) {
          loaded.push(family);
        }
      };
      try {
        const pdf = await loadPdf(new Uint8Array(readFileSync(join(SAMPLES, file))), { maxPages: 20, timeoutMs: 30_000, ruled: () => true });
        // With disableFontFace, pdf.js never builds a FontFace: it compiles and posts every drawn glyph's outline instead.
        expect(loaded.length).toBeGreaterThan(0);
        expect(pdf.pages.reduce((n, p) => n + (p.rules?.length ?? 0), 0)).toBeGreaterThan(20);
      } finally {
        realm.FontFace = before;
      }
    },
  );
});
