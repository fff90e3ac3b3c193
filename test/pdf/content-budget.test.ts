// @needs qpdf (test/needs.js): the encrypted spellings of the bombs are made with qpdf (scripts/hostile/bombs.ts).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import { checkContentBudget } from '../../lambdas/core/partition/pdf/content-budget';
import { RejectedInput } from '../../lambdas/core/errors';
import { bombVariants } from '../../scripts/hostile/bombs';

const MB = 1024 * 1024;

/** PDF-like bytes holding the given streams (raw bytes, Flate-encoded when `flate`), as objects with a direct /Length. */
function pdfWith(streams: { data: Buffer; flate: boolean; dict?: string }[], objects: string[] = []): Uint8Array {
  const parts = streams.map(({ data, flate, dict }, i) =>
    Buffer.concat([
      Buffer.from(`${i + 1} 0 obj\n<< /Length ${data.length}${flate ? ' /Filter /FlateDecode' : ''}${dict ?? ''} >>\nstream\n`, 'latin1'),
      data,
      Buffer.from('\nendstream\nendobj\n', 'latin1'),
    ]),
  );
  const others = objects.map((body, i) => Buffer.from(`${streams.length + i + 1} 0 obj\n${body}\nendobj\n`, 'latin1'));
  return new Uint8Array(Buffer.concat([Buffer.from('%PDF-1.4\n', 'latin1'), ...parts, ...others, Buffer.from('%%EOF\n', 'latin1')]));
}

const verdict = async (bytes: Uint8Array, budget: number): Promise<'refused' | 'passed' | string> => {
  try {
    await checkContentBudget(bytes, budget);
    return 'passed';
  } catch (err) {
    if (err instanceof RejectedInput) return err.rule === 'P-PDF-CONTENT-TOO-LARGE' ? 'refused' : err.rule;
    throw err;
  }
};
const refused = async (bytes: Uint8Array, budget: number) => (await verdict(bytes, budget)) === 'refused';

describe('checkContentBudget', () => {
  // Streams of very different sizes and ratios: one large, many small ones (a Type3 font's glyph procedures), one plain.
  const sizes = [200_000, ...Array.from({ length: 300 }, (_, i) => 500 + 37 * i), 30_000];
  const streams = sizes.map((n, i) => ({
    data: i === sizes.length - 1 ? Buffer.alloc(n, 'q') : deflateSync(Buffer.alloc(n, i % 7)),
    flate: i < sizes.length - 1,
  }));
  const total = sizes.reduce((a, b) => a + b, 0);
  const bytes = pdfWith(streams);

  it('refuses exactly when the streams together inflate past the budget, however many and small they are', async () => {
    expect(await refused(bytes, total - 1)).toBe(true);
    expect(await refused(bytes, total)).toBe(false);
    expect(await refused(bytes, Math.floor(total / 2))).toBe(true);
    expect(await refused(bytes, 1000)).toBe(true);
  });

  it('gives the same verdict when it stops early (what is left could not reach the budget even at deflate’s 1032× limit)', async () => {
    for (const budget of [total + 1, 2 * total, 10 * MB, 1 << 30, Infinity]) expect(await refused(bytes, budget)).toBe(false);
    // Many small streams alone, each far from the budget, still add up.
    const small = pdfWith(streams.slice(1, -1));
    const smallTotal = sizes.slice(1, -1).reduce((a, b) => a + b, 0);
    expect(await refused(small, smallTotal - 1)).toBe(true);
    expect(await refused(small, smallTotal)).toBe(false);
  });

  const image = { data: deflateSync(Buffer.alloc(100_000)), flate: true, dict: ' /Type /XObject /Subtype /Image /Width 100 /Height 1000' };
  it('counts an image referred to as an image as nothing (pdf.js never decodes one)', async () => {
    expect(await verdict(pdfWith([image], ['<< /Type /Page /Resources << /XObject << /Im0 1 0 R >> >> >>']), 0)).toBe('passed');
    // Also through a resource dictionary of its own, and as a soft mask.
    expect(await verdict(pdfWith([image], ['<< /Resources << /XObject 3 0 R >> >>', '<< /Im0 1 0 R >>']), 0)).toBe('passed');
    expect(await verdict(pdfWith([image, image], ['<< /XObject << /Im0 1 0 R >> >>', '<< /SMask 2 0 R >>']), 0)).toBe('passed');
  });

  it('counts what only says it is an image: unreferenced, or referred to as page content or a font', async () => {
    expect(await refused(pdfWith([image]), 99_999)).toBe(true);
    expect(await refused(pdfWith([image], ['<< /Type /Page /Contents 1 0 R /Resources << /XObject << /Im0 1 0 R >> >> >>']), 99_999)).toBe(true);
    expect(await refused(pdfWith([image], ['<< /Type /FontDescriptor /FontFile2 1 0 R >>']), 99_999)).toBe(true);
    expect(await refused(pdfWith([image], ['<< /XObject << /Im0 1 0 R >> >>']), 99_999)).toBe(false);
  });

  it('counts font programs (pdf.js decodes them), /Length1 or not', async () => {
    const font = { data: deflateSync(Buffer.alloc(50_000)), flate: true, dict: ' /Length1 50000' };
    expect(await refused(pdfWith([font], ['<< /FontFile2 1 0 R >>']), 49_999)).toBe(true);
    expect(await refused(pdfWith([font], ['<< /FontFile2 1 0 R >>']), 50_000)).toBe(false);
  });

  it('reads names with #xx escapes, abbreviated filters, /F, filter arrays and references to them', async () => {
    const data = deflateSync(Buffer.alloc(40_000, 'a'));
    for (const dict of [' /Filter /Fl#61teDecode', ' /Filter /Fl', ' /F /Fl', ' /Filter [/FlateDecode]', ' /Filter 2 0 R'])
      expect(await refused(pdfWith([{ data, flate: false, dict }], ['[/FlateDecode]']), 39_999)).toBe(true);
    // Counted as the raw bytes when no filter applies (a name pdf.js does not know passes the data on).
    expect(await refused(pdfWith([{ data, flate: false, dict: ' /Filter /NoSuchFilter' }]), data.length)).toBe(false);
  });

  it('counts a stream whose length is stated in another object, or whose dictionary no object header explains', async () => {
    const data = deflateSync(Buffer.alloc(40_000, 'a'));
    const indirect = Buffer.concat([
      Buffer.from(`%PDF-1.4\n1 0 obj\n<< /Length 2 0 R /Filter /FlateDecode >>\nstream\n`),
      data,
      Buffer.from(`\nendstream\nendobj\n2 0 obj\n${data.length}\nendobj\n%%EOF\n`),
    ]);
    expect(await refused(indirect, 39_999)).toBe(true);
    const orphan = Buffer.concat([
      Buffer.from(`%PDF-1.4\n<< /Length ${data.length} /Filter /FlateDecode >>\nstream\n`),
      data,
      Buffer.from('\nendstream\n%%EOF\n'),
    ]);
    expect(await refused(orphan, 39_999)).toBe(true);
    expect(await refused(orphan, 40_000)).toBe(false);
  });

  it.each(bombVariants().map((v) => [v.name, v] as const))('refuses the bomb spelled %s at the default 64 MB', async (_name, v) => {
    expect(await verdict(v.make(), 64 * MB)).toBe('refused');
  });

  describe('encrypted files (what pdf.js opens without a password is decrypted and measured)', () => {
    const SAMPLE = path.join(__dirname, '../../samples/pdf/gen-2021-pdf-cid.pdf');
    let dir: string;
    beforeAll(() => (dir = mkdtempSync(path.join(os.tmpdir(), 'ogi-encrypted-'))));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    const encrypt = (name: string, args: string[]) => {
      const out = path.join(dir, name);
      execFileSync('qpdf', [...args, '--', SAMPLE, out], { stdio: 'ignore' });
      return new Uint8Array(readFileSync(out));
    };
    const plain = new Uint8Array(readFileSync(SAMPLE));

    it.each([
      ['RC4 40', ['--allow-weak-crypto', '--encrypt', '', 'o', '40']],
      ['RC4 128', ['--allow-weak-crypto', '--encrypt', '', 'o', '128', '--use-aes=n']],
      ['AES-128', ['--encrypt', '', 'o', '128', '--use-aes=y']],
      ['AES-256', ['--encrypt', '', 'o', '256']],
    ])('%s with an empty user password: decrypted, so it counts what the plain file counts', async (name, args) => {
      const file = encrypt(`${name}.pdf`, args);
      // The least budget the plain file passes, found by bisection, is the encrypted file's too (ciphertext would inflate to nothing).
      let lo = 0;
      let hi = 16 * MB;
      while (hi - lo > 1) {
        const mid = (lo + hi) >> 1;
        if (await refused(plain, mid)) lo = mid;
        else hi = mid;
      }
      // qpdf rewrites the file's structure a little (a few KB either way).
      expect(await refused(file, lo - 16 * 1024)).toBe(true);
      expect(await refused(file, hi + 16 * 1024)).toBe(false);
    });

    it('refuses as encrypted what pdf.js cannot open without a password', async () => {
      expect(await verdict(encrypt('locked.pdf', ['--encrypt', 'u', 'o', '256']), 64 * MB)).toBe('P-PDF-ENCRYPTED');
    });
  });
});
