import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { brotliCompressSync, constants, deflateRawSync, deflateSync } from 'node:zlib';

/**
 * Decompression bombs for the hostile-input tests and the bench: small files that expand to far
 * more than any report, and the same bombs spelled every way pdf.js still reads them (abbreviated
 * and escaped filter names, filter arrays, `/Length1`, indirect lengths, object streams,
 * incremental updates, fonts and forms, encryption). Made in code, never committed.
 */

const MB = 1024 * 1024;
const TEXT_OPERATORS = 'BT /F1 12 Tf 72 700 Td (bomb) Tj ET\n';

/** zlib's adler32 of `data` and of two concatenated parts (adler32_combine), so a huge repeated stream gets its true checksum. */
function adler32(data: Buffer): number {
  let a = 1;
  let b = 0;
  for (let i = 0; i < data.length; i++) {
    a = (a + data[i]) % 65521;
    b = (b + a) % 65521;
  }
  return b * 65536 + a;
}

function adler32Combine(a1: number, a2: number, len2: number): number {
  const BASE = 65521;
  const rem = len2 % BASE;
  let sum1 = a1 % 65536;
  let sum2 = (rem * sum1) % BASE;
  sum1 += (a2 % 65536) + BASE - 1;
  sum2 += Math.floor(a1 / 65536) + Math.floor(a2 / 65536) + BASE - rem;
  if (sum1 >= BASE) sum1 -= BASE;
  if (sum1 >= BASE) sum1 -= BASE;
  if (sum2 >= 2 * BASE) sum2 -= 2 * BASE;
  if (sum2 >= BASE) sum2 -= BASE;
  return sum2 * 65536 + sum1;
}

/**
 * A zlib stream of `prefix` then `unit` repeated to `total` bytes, made in milliseconds: one 1 MB
 * chunk deflated with a full flush (independent of what precedes it) repeated, then a final block
 * and the true checksum. The expanded content is never held in memory.
 */
function deflateRepeated(unit: string, total: number, prefix = ''): Buffer {
  const full = (b: Buffer) => deflateRawSync(b, { level: constants.Z_BEST_COMPRESSION, memLevel: 9, finishFlush: constants.Z_FULL_FLUSH });
  const chunk = Buffer.from(unit.repeat(Math.max(1, Math.floor(MB / unit.length))), 'latin1');
  const block = full(chunk);
  const head = Buffer.from(prefix, 'latin1');
  const n = Math.ceil(total / chunk.length);
  let sum = adler32(head);
  let pow = adler32(chunk);
  let powLen = chunk.length;
  for (let k = n; k > 0; k = Math.floor(k / 2)) {
    if (k % 2) sum = adler32Combine(sum, pow, powLen);
    pow = adler32Combine(pow, pow, powLen);
    powLen *= 2;
  }
  const check = Buffer.alloc(4);
  check.writeUInt32BE(sum >>> 0);
  return Buffer.concat([
    Buffer.from([0x78, 0xda]),
    ...(head.length ? [full(head)] : []),
    ...Array.from({ length: n }, () => block),
    deflateRawSync(Buffer.alloc(0)),
    check,
  ]);
}

/** LZW (pdf.js's `EarlyChange` 1) of `total` spaces: each code is the previous string plus one byte, then the longest repeated. */
function lzwSpaces(total: number): Buffer {
  const codes: { code: number; width: number }[] = [];
  let width = 9;
  let out = 0;
  let next = 258;
  const push = (code: number, length: number) => {
    codes.push({ code, width });
    out += length;
    // The decoder adds a table entry for every code after the first.
    if (codes.length > 1 && next < 4096) {
      next++;
      if (next + 1 >= 1 << width && width < 12) width++;
    }
  };
  push(0x20, 1);
  for (let length = 2; next < 4095 && out < total; length++) push(next, length);
  while (out < total) push(4095, 4096 - 258 + 1);
  codes.push({ code: 257, width });
  const bytes = Buffer.alloc(Math.ceil(codes.reduce((n, c) => n + c.width, 0) / 8) + 1);
  let bit = 0;
  for (const { code, width: w } of codes) for (let i = w - 1; i >= 0; i--, bit++) if ((code >> i) & 1) bytes[bit >> 3] |= 0x80 >> (bit & 7);
  return bytes;
}

/** RunLengthDecode of `total` spaces: 128 copies for every two bytes. */
const runLengthSpaces = (total: number) => Buffer.concat([Buffer.alloc(Math.ceil(total / 128) * 2, Buffer.from([129, 0x20])), Buffer.from([128])]);

/** ASCII85 of `data`: five characters per four bytes, `z` for four zeros, `~>` at the end. */
function ascii85(data: Buffer): Buffer {
  const out = Buffer.alloc(Math.ceil(data.length / 4) * 5 + 2);
  let at = 0;
  for (let i = 0; i < data.length; i += 4) {
    const n = Math.min(4, data.length - i);
    let v = 0;
    for (let k = 0; k < 4; k++) v = v * 256 + (data[i + k] ?? 0);
    if (v === 0 && n === 4) {
      out[at++] = 0x7a;
      continue;
    }
    for (let k = 4; k >= 0; k--, v = Math.floor(v / 85)) if (k <= n) out[at + k] = 33 + (v % 85);
    at += n + 1;
  }
  out.write('~>', at, 'latin1');
  return out.subarray(0, at + 2);
}

/** A PDF written object by object, with a cross-reference table (or stream) per section, so incremental updates are real ones. */
class PdfWriter {
  private readonly parts: Buffer[] = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  private length = this.parts[0].length;
  private offsets = new Map<number, number>();
  private lastXref: number | undefined;

  private push(b: Buffer | string): void {
    const buf = typeof b === 'string' ? Buffer.from(b, 'latin1') : b;
    this.parts.push(buf);
    this.length += buf.length;
  }

  object(n: number, body: string, header = `${n} 0 obj`): this {
    this.offsets.set(n, this.length);
    this.push(`${header}\n${body}\nendobj\n`);
    return this;
  }

  stream(n: number, dict: string, data: Buffer, header = `${n} 0 obj`): this {
    this.offsets.set(n, this.length);
    this.push(`${header}\n${dict}\nstream\n`);
    this.push(data);
    this.push('\nendstream\nendobj\n');
    return this;
  }

  /** Ends a section with a classic xref table (only this section's objects) and its trailer. */
  section(trailer: string): this {
    const at = this.length;
    const nums = [...this.offsets.keys()].sort((a, b) => a - b);
    const rows = nums.map((n) => `${n} 1\n${String(this.offsets.get(n)).padStart(10, '0')} 00000 n \n`).join('');
    const size = Math.max(0, ...nums) + 1;
    const prev = this.lastXref === undefined ? '' : ` /Prev ${this.lastXref}`;
    this.push(`xref\n0 1\n0000000000 65535 f \n${rows}trailer\n<< /Size ${size}${prev} ${trailer} >>\nstartxref\n${at}\n%%EOF\n`);
    this.lastXref = at;
    this.offsets = new Map();
    return this;
  }

  /** Ends the file with a cross-reference stream listing these objects, `inStream` ones as compressed in object stream `objStm`. */
  xrefStream(n: number, trailer: string, objStm?: { num: number; members: number[] }): this {
    const at = this.length;
    this.offsets.set(n, at);
    const size = Math.max(n, ...this.offsets.keys(), ...(objStm?.members ?? [])) + 1;
    const rows = Buffer.alloc(size * 7);
    rows.writeUInt8(0, 0);
    rows.writeUInt32BE(0, 1);
    rows.writeUInt16BE(65535, 5);
    for (let i = 1; i < size; i++) {
      const off = this.offsets.get(i);
      const member = objStm?.members.indexOf(i) ?? -1;
      if (off !== undefined) {
        rows.writeUInt8(1, i * 7);
        rows.writeUInt32BE(off, i * 7 + 1);
      } else if (member >= 0) {
        rows.writeUInt8(2, i * 7);
        rows.writeUInt32BE(objStm!.num, i * 7 + 1);
        rows.writeUInt16BE(member, i * 7 + 5);
      }
    }
    this.push(`${n} 0 obj\n<< /Type /XRef /Size ${size} /W [1 4 2] /Length ${rows.length} ${trailer} >>\nstream\n`);
    this.push(rows);
    this.push(`\nendstream\nendobj\nstartxref\n${at}\n%%EOF\n`);
    return this;
  }

  bytes(): Uint8Array {
    return new Uint8Array(Buffer.concat(this.parts));
  }
}

const CATALOG = '<< /Type /Catalog /Pages 2 0 R >>';
const PAGES = '<< /Type /Pages /Kids [4 0 R] /Count 1 >>';
const HELVETICA = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>';
const page = (resources = '/Font << /F1 3 0 R >>') => `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << ${resources} >> /Contents 5 0 R >>`;

/** The usual four objects (catalog, pages, font, page) and the content stream 5 as `dict`/`data` spell it. */
function onePage(
  dict: (length: number) => string,
  data: Buffer,
  opts: { header?: string; extra?: (w: PdfWriter) => void; resources?: string } = {},
): Uint8Array {
  const w = new PdfWriter().object(1, CATALOG).object(2, PAGES).object(3, HELVETICA).object(4, page(opts.resources));
  w.stream(5, dict(data.length), data, opts.header);
  opts.extra?.(w);
  return w.section('/Root 1 0 R').bytes();
}

/** A one-page PDF whose content stream inflates to `mb` MB of `unit`: valid in every other respect. */
function pdfBomb(unit: string, mb: number): Uint8Array {
  return onePage((n) => `<< /Length ${n} /Filter /FlateDecode >>`, deflateRepeated(unit, mb * MB));
}

/** Text operators, a line drawn again and again: what pdf.js turns into text items one by one. */
export const textOperatorBomb = async (mb: number) => pdfBomb(TEXT_OPERATORS, mb);

/** Nothing but spaces: pdf.js's lexer skips them, holding the whole expanded stream. */
export const spacesBomb = async (mb: number) => pdfBomb(' ', mb);

/** One spelling of a bomb: how the file says what pdf.js will expand. */
export interface BombVariant {
  name: string;
  make: () => Uint8Array;
}

/** The size the text-operator bombs expand to (1.1 GB, as the issue's bomb); the slower codecs' bombs stop at what is enough. */
const BOMB_MB = 1100;
const SMALL_CONTENT = Buffer.from('BT /F1 12 Tf 72 700 Td (report) Tj ET\n');

/** The bomb, encrypted by qpdf with an empty user password (pdf.js opens it without asking), as the key length says. */
function encrypted(bits: '128' | '256'): Uint8Array {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ogi-bomb-'));
  try {
    writeFileSync(path.join(dir, 'in.pdf'), pdfBomb(TEXT_OPERATORS, BOMB_MB));
    // The compressed data as it is (no decoding and recompressing), encrypted; RC4 only when asked for.
    const cipher = bits === '128' ? ['--allow-weak-crypto', '--encrypt', '', 'owner', bits, '--use-aes=n', '--'] : ['--encrypt', '', 'owner', bits, '--'];
    execFileSync('qpdf', ['--decode-level=none', '--object-streams=preserve', ...cipher, path.join(dir, 'in.pdf'), path.join(dir, 'out.pdf')], {
      stdio: 'ignore',
    });
    return new Uint8Array(readFileSync(path.join(dir, 'out.pdf')));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Every other spelling of the text-operator bomb the content budget must see through; each expands past a gigabyte or far past the budget. */
export function bombVariants(): BombVariant[] {
  const z = () => deflateRepeated(TEXT_OPERATORS, BOMB_MB * MB);
  const flate =
    (filter: string, extra = '') =>
    () =>
      onePage((n) => `<< /Length ${n} ${filter}${extra} >>`, z());
  return [
    { name: 'length1', make: flate('/Filter /FlateDecode', ' /Length1 1') },
    { name: 'abbreviated-name', make: flate('/Filter /Fl') },
    { name: 'name-escape', make: flate('/Filter /Fl#61teDecode') },
    { name: 'f-key', make: flate('/F /Fl') },
    { name: 'filter-array', make: flate('/Filter [/FlateDecode] /DecodeParms [null]') },
    { name: 'ascii85-flate', make: () => onePage((n) => `<< /Length ${n} /Filter [/ASCII85Decode /FlateDecode] >>`, ascii85(z())) },
    { name: 'hex-flate', make: () => onePage((n) => `<< /Length ${n} /Filter [/AHx /Fl] /DP [null null] >>`, Buffer.from(z().toString('hex') + '>')) },
    { name: 'double-flate', make: () => onePage((n) => `<< /Length ${n} /Filter [/Fl /Fl] >>`, deflateSync(z())) },
    { name: 'bad-checksum', make: () => onePage((n) => `<< /Length ${n} /Filter /FlateDecode >>`, Buffer.concat([z().subarray(0, -4), Buffer.from('oops')])) },
    { name: 'lzw', make: () => onePage((n) => `<< /Length ${n} /Filter /LZW >>`, lzwSpaces(300 * MB)) },
    { name: 'run-length', make: () => onePage((n) => `<< /Length ${n} /Filter /RL >>`, runLengthSpaces(200 * MB)) },
    {
      name: 'brotli',
      make: () =>
        onePage(
          (n) => `<< /Length ${n} /Filter /BrotliDecode >>`,
          brotliCompressSync(Buffer.alloc(100 * MB, TEXT_OPERATORS), { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } }),
        ),
    },
    {
      name: 'indirect-length',
      make: () => {
        const data = z();
        return onePage(() => '<< /Length 6 0 R /Filter /FlateDecode >>', data, { extra: (w) => w.object(6, String(data.length)) });
      },
    },
    { name: 'filter-ref', make: () => onePage((n) => `<< /Length ${n} /Filter 6 0 R >>`, z(), { extra: (w) => w.object(6, '[/FlateDecode]') }) },
    { name: 'comment-in-header', make: () => onePage((n) => `<< /Length ${n} /Filter /FlateDecode >>`, z(), { header: '5 %c\n0 %d\nobj' }) },
    {
      name: 'image-subtype',
      make: flate('/Filter /FlateDecode', ' /Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray /BitsPerComponent 8'),
    },
    {
      name: 'font-file',
      make: () => {
        const data = z();
        return new PdfWriter()
          .object(1, CATALOG)
          .object(2, PAGES)
          .object(3, '<< /Type /Font /Subtype /TrueType /BaseFont /Bomb /FirstChar 32 /LastChar 126 /Widths [] /FontDescriptor 7 0 R >>')
          .object(4, page())
          .stream(5, `<< /Length ${SMALL_CONTENT.length} >>`, SMALL_CONTENT)
          .object(
            7,
            '<< /Type /FontDescriptor /FontName /Bomb /Flags 32 /FontBBox [0 0 1000 1000] /ItalicAngle 0 /Ascent 800 /Descent -200 /CapHeight 700 /StemV 80 /FontFile2 8 0 R >>',
          )
          .stream(8, `<< /Length ${data.length} /Length1 1 /Filter /FlateDecode >>`, data)
          .section('/Root 1 0 R')
          .bytes();
      },
    },
    {
      name: 'form-xobject',
      make: () => {
        const data = z();
        const draw = Buffer.from('/X1 Do\n');
        return new PdfWriter()
          .object(1, CATALOG)
          .object(2, PAGES)
          .object(3, HELVETICA)
          .object(4, page('/Font << /F1 3 0 R >> /XObject << /X1 6 0 R >>'))
          .stream(5, `<< /Length ${draw.length} >>`, draw)
          .stream(6, `<< /Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Length ${data.length} /Filter /Fl >>`, data)
          .section('/Root 1 0 R')
          .bytes();
      },
    },
    {
      name: 'incremental-update',
      make: () => {
        const data = z();
        const w = new PdfWriter().object(1, CATALOG).object(2, PAGES).object(3, HELVETICA).object(4, page());
        w.stream(5, `<< /Length ${SMALL_CONTENT.length} >>`, SMALL_CONTENT).section('/Root 1 0 R');
        return w.stream(5, `<< /Length ${data.length} /Filter /FlateDecode >>`, data).section('/Root 1 0 R').bytes();
      },
    },
    {
      name: 'object-stream-length',
      make: () => {
        // The page objects and the content stream's length live in a compressed object stream; a cross-reference stream finds them.
        const data = z();
        const members = [1, 2, 3, 4, 6];
        const bodies = [CATALOG, PAGES, HELVETICA, page(), String(data.length)];
        const heads: string[] = [];
        let body = '';
        for (const [i, b] of bodies.entries()) {
          heads.push(`${members[i]} ${body.length}`);
          body += b + '\n';
        }
        const head = heads.join(' ') + '\n';
        const objStm = deflateSync(Buffer.from(head + body, 'latin1'));
        return new PdfWriter()
          .stream(7, `<< /Type /ObjStm /N ${members.length} /First ${head.length} /Length ${objStm.length} /Filter /FlateDecode >>`, objStm)
          .stream(5, '<< /Length 6 0 R /Filter /FlateDecode >>', data)
          .xrefStream(8, '/Root 1 0 R', { num: 7, members })
          .bytes();
      },
    },
    {
      name: 'object-stream-bomb',
      make: () => {
        // The object stream itself expands: its one object (the content's length) is followed by a gigabyte of spaces.
        const head = '6 0\n';
        const objStm = deflateRepeated(' ', BOMB_MB * MB, `${head}${SMALL_CONTENT.length}\n`);
        return new PdfWriter()
          .object(1, CATALOG)
          .object(2, PAGES)
          .object(3, HELVETICA)
          .object(4, page())
          .stream(7, `<< /Type /ObjStm /N 1 /First ${head.length} /Length ${objStm.length} /Filter /FlateDecode >>`, objStm)
          .stream(5, '<< /Length 6 0 R >>', SMALL_CONTENT)
          .xrefStream(8, '/Root 1 0 R', { num: 7, members: [6] })
          .bytes();
      },
    },
    { name: 'encrypted-rc4', make: () => encrypted('128') },
    { name: 'encrypted-aes256', make: () => encrypted('256') },
  ];
}

/**
 * A one-page PDF whose font table pdf.js expands code by code, as one flipped bit makes of a real
 * one: a character map range over 16 million codes (`cmap`), or a width range over two billion (`widths`).
 */
export function damagedFontPdf(damage: 'cmap' | 'widths'): Uint8Array {
  const range = damage === 'cmap' ? '<0000> <FFFFFF> <4E00>' : '<0000> <0010> <4E00>';
  const cmap = Buffer.from(
    `/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n/CMapName /Damaged def\n1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n1 beginbfrange\n${range}\nendbfrange\nendcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n`,
  );
  const widths = damage === 'widths' ? '[0 2000000000 1000]' : '[0 [1000 1000]]';
  const content = Buffer.from('BT /F1 12 Tf 72 700 Td <00010002> Tj ET\n');
  const z = deflateSync(cmap);
  return new PdfWriter()
    .object(1, CATALOG)
    .object(2, PAGES)
    .object(3, '<< /Type /Font /Subtype /Type0 /BaseFont /Song /Encoding /Identity-H /DescendantFonts [6 0 R] /ToUnicode 7 0 R >>')
    .object(4, page())
    .stream(5, `<< /Length ${content.length} >>`, content)
    .object(
      6,
      `<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Song /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor 8 0 R /DW 1000 /W ${widths} >>`,
    )
    .stream(7, `<< /Length ${z.length} /Filter /FlateDecode >>`, z)
    .object(
      8,
      '<< /Type /FontDescriptor /FontName /Song /Flags 4 /FontBBox [0 -200 1000 800] /ItalicAngle 0 /Ascent 800 /Descent -200 /CapHeight 700 /StemV 80 >>',
    )
    .section('/Root 1 0 R')
    .bytes();
}
