import { brotliCompressSync, deflateSync } from 'node:zlib';
import { decode } from '../../lambdas/core/partition/pdf/filters';
import { scanObjects } from '../../lambdas/core/partition/pdf/objects';
import { PdfName, PdfReader, PdfRef, PdfString, type PdfDict } from '../../lambdas/core/partition/pdf/syntax';

/** The PDF syntax and the filters the content budget reads files with, as pdf.js's lexer and decoders read them. */
const read = (s: string) => new PdfReader(s, 0).value();

describe('PDF syntax', () => {
  it('reads names with #xx escapes (a # without two hex digits stays)', () => {
    expect(read('/Fl#61teDecode')).toEqual(new PdfName('FlateDecode'));
    expect(read('/A#2')).toEqual(new PdfName('A#2'));
    expect(read('/#41#42C')).toEqual(new PdfName('ABC'));
  });

  it('reads strings with escapes and balanced parentheses, and hex strings', () => {
    expect(read('(a\\(b\\)c (d) \\101\\n\\\nx)')).toEqual(new PdfString('a(b)c (d) A\nx'));
    expect(read('<48 65 6c6c 6f7>')).toEqual(new PdfString('Hello\x70'));
  });

  it('reads dictionaries, arrays, references and numbers as pdf.js does, comments as white space', () => {
    const d = read('<< /Length 12 0 R /Filter [/AHx %comment\n /Fl] /N -3.5 /K +7 /B true /Z null /Skipped 1 2 >>') as PdfDict;
    expect(d.get('Length')).toEqual(new PdfRef(12, 0));
    expect(d.get('Filter')).toEqual([new PdfName('AHx'), new PdfName('Fl')]);
    expect([d.get('N'), d.get('K'), d.get('B'), d.get('Z')]).toEqual([-3.5, 7, true, null]);
  });

  it('finds objects by their headers however they are spelled, and in every incremental update', () => {
    const o = scanObjects(
      Buffer.from('%PDF\n1 0 obj 10 endobj\n2 %a\n0 %b\nobj << /A 1 >> endobj\n+3 0.0 obj [] endobj\n1 0 obj 20 endobj\n4 0 %x obj 5 endobj'),
    );
    expect([...o.defs.keys()]).toEqual([1, 2, 3]);
    expect(o.defs.get(1)).toEqual([10, 20]);
  });
});

describe('filters', () => {
  const text = Buffer.from('BT /F1 12 Tf (hello) Tj ET\n'.repeat(1000));

  it('LZW: the example of ISO 32000 §7.4.4.2', async () => {
    const out = await decode('lzw', Buffer.from('800B6050220C0C8501', 'hex'), 1000, true);
    expect(out.bytes!.toString('latin1')).toBe('-----A---B');
  });

  it('Flate: counts what a damaged stream yields before the damage (pdf.js reads that much), and stops at the cap', async () => {
    const z = deflateSync(text);
    expect((await decode('flate', z, 1e9, false)).size).toBe(text.length);
    const damaged = Buffer.concat([z.subarray(0, z.length >> 1), Buffer.alloc(64, 0xff)]);
    const partial = (await decode('flate', damaged, 1e9, false)).size;
    expect(partial).toBeGreaterThan(0);
    expect(partial).toBeLessThan(text.length);
    // A wrong checksum is no damage to pdf.js.
    expect((await decode('flate', Buffer.concat([z.subarray(0, -4), Buffer.from('xxxx')]), 1e9, true)).bytes).toEqual(text);
    expect((await decode('flate', z, 100, false)).size).toBeGreaterThan(100);
  });

  it('Brotli, ASCII85, hex and run-length decode to the text', async () => {
    expect((await decode('brotli', brotliCompressSync(text), 1e9, true)).bytes).toEqual(text);
    expect((await decode('ascii85', Buffer.from('87cURD]i,"Ebo80~>'), 1e9, true)).bytes!.toString()).toBe('Hello World!');
    expect((await decode('asciihex', Buffer.from('48 65 6C6C6F 2>'), 1e9, true)).bytes!.toString('latin1')).toBe('Hello ');
    expect((await decode('runlength', Buffer.from([2, 0x61, 0x62, 0x63, 253, 0x7a, 128]), 1e9, true)).bytes!.toString()).toBe('abczzzz');
  });

  it('counts a JPEG by the pixels its frame declares, and the other image codecs as unbounded', async () => {
    const sof = Buffer.from([0xff, 0xd8, 0xff, 0xc0, 0x00, 0x11, 0x08, 0x03, 0xe8, 0x07, 0xd0, 0x03]);
    expect((await decode('dct', sof, 1e9, false)).size).toBe(1000 * 2000 * 4);
    for (const f of ['jpx', 'jbig2', 'ccitt'] as const) expect((await decode(f, Buffer.alloc(10), 1e9, false)).size).toBe(Infinity);
  });
});
