import { deflateSync } from 'node:zlib';
import { checkContentBudget } from '../../lambdas/core/partition/pdf/content-budget';
import { RejectedInput } from '../../lambdas/core/errors';

/** PDF-like bytes holding the given streams (raw bytes, Flate-encoded when `flate`), as objects with a direct /Length. */
function pdfWith(streams: { data: Buffer; flate: boolean }[]): Uint8Array {
  const parts = streams.map(({ data, flate }, i) =>
    Buffer.concat([
      Buffer.from(`${i + 1} 0 obj\n<< /Length ${data.length}${flate ? ' /Filter /FlateDecode' : ''} >>\nstream\n`, 'latin1'),
      data,
      Buffer.from('\nendstream\nendobj\n', 'latin1'),
    ]),
  );
  return new Uint8Array(Buffer.concat([Buffer.from('%PDF-1.4\n', 'latin1'), ...parts, Buffer.from('%%EOF\n', 'latin1')]));
}

const refused = (bytes: Uint8Array, budget: number) => {
  try {
    checkContentBudget(bytes, budget);
    return false;
  } catch (err) {
    if (err instanceof RejectedInput && err.rule === 'P-PDF-CONTENT-TOO-LARGE') return true;
    throw err;
  }
};

describe('checkContentBudget', () => {
  // Streams of very different sizes and ratios: one large, many small ones (a Type3 font's glyph procedures), one plain.
  const sizes = [200_000, ...Array.from({ length: 300 }, (_, i) => 500 + 37 * i), 30_000];
  const streams = sizes.map((n, i) => ({
    data: i === sizes.length - 1 ? Buffer.alloc(n, 'q') : deflateSync(Buffer.alloc(n, i % 7)),
    flate: i < sizes.length - 1,
  }));
  const total = sizes.reduce((a, b) => a + b, 0);
  const bytes = pdfWith(streams);

  it('refuses exactly when the streams together inflate past the budget, however many and small they are', () => {
    expect(refused(bytes, total - 1)).toBe(true);
    expect(refused(bytes, total)).toBe(false);
    expect(refused(bytes, Math.floor(total / 2))).toBe(true);
    expect(refused(bytes, 1000)).toBe(true);
  });

  it('gives the same verdict when it stops early (what is left could not reach the budget even at deflate’s 1032× limit)', () => {
    for (const budget of [total + 1, 2 * total, 10 * 1024 * 1024, 1 << 30, Infinity]) expect(refused(bytes, budget)).toBe(false);
    // Many small streams alone, each far from the budget, still add up.
    const small = pdfWith(streams.slice(1, -1));
    const smallTotal = sizes.slice(1, -1).reduce((a, b) => a + b, 0);
    expect(refused(small, smallTotal - 1)).toBe(true);
    expect(refused(small, smallTotal)).toBe(false);
  });

  it('counts images and font programs as nothing', () => {
    const image = Buffer.concat([
      Buffer.from('1 0 obj\n<< /Subtype /Image /Length 5 >>\nstream\n', 'latin1'),
      Buffer.from('abcde'),
      Buffer.from('\nendstream\nendobj\n%%EOF\n'),
    ]);
    expect(refused(new Uint8Array(image), 0)).toBe(false);
  });
});
