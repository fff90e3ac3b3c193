import { brotliDecompressSync, constants, createBrotliDecompress, createInflateRaw, inflateRawSync } from 'node:zlib';
import type { Transform } from 'node:stream';

/**
 * The stream filters pdf.js applies (its `Parser.makeFilter`), by every name it accepts, each
 * decoded here with a cap on its output: what a stream costs pdf.js is what its filters put out.
 */
export type Filter = 'flate' | 'lzw' | 'ascii85' | 'asciihex' | 'runlength' | 'brotli' | 'dct' | 'jpx' | 'jbig2' | 'ccitt' | 'crypt' | 'none';

const NAMES: Record<string, Filter> = {
  Fl: 'flate',
  FlateDecode: 'flate',
  LZW: 'lzw',
  LZWDecode: 'lzw',
  A85: 'ascii85',
  ASCII85Decode: 'ascii85',
  AHx: 'asciihex',
  ASCIIHexDecode: 'asciihex',
  RL: 'runlength',
  RunLengthDecode: 'runlength',
  BrotliDecode: 'brotli',
  DCT: 'dct',
  DCTDecode: 'dct',
  JPX: 'jpx',
  JPXDecode: 'jpx',
  JBIG2Decode: 'jbig2',
  CCF: 'ccitt',
  CCITTFaxDecode: 'ccitt',
  Crypt: 'crypt',
};

/** pdf.js passes a stream through a filter it does not know, unchanged. */
export const filterOf = (name: string): Filter => NAMES[name] ?? 'none';

/**
 * Most output bytes per input byte: deflate 1032 (zlib's limit), LZW ~2560 (a 12-bit code stands
 * for up to ~3,840 bytes), run-length 64 (2 bytes give 128), ASCII85 4 (`z`), hex ½. Brotli and the
 * image codecs have no useful bound: such a stream is always decoded (or counted as unbounded).
 */
export const MAX_RATIO: Record<Filter, number> = {
  flate: 1032,
  lzw: 2560,
  runlength: 64,
  ascii85: 4,
  asciihex: 0.5,
  brotli: Infinity,
  dct: Infinity,
  jpx: Infinity,
  jbig2: Infinity,
  ccitt: Infinity,
  crypt: 1,
  none: 1,
};

export interface Decoded {
  /** Bytes put out, or more than `cap` once it passed the cap (decoding stops there). */
  size: number;
  /** The output (at most cap + 1 bytes), when asked for. */
  bytes?: Buffer;
}

/**
 * Decodes `input` through one filter, stopping once its output passes `cap`; `keep` returns the
 * output too. A damaged stream counts what it yielded before the damage, as pdf.js reads it.
 * The image codecs are not decoded: a JPEG counts the pixels its frame header declares, the
 * others are unbounded (Infinity), since pdf.js would decode them whole.
 */
export async function decode(filter: Filter, input: Buffer, cap: number, keep: boolean, earlyChange = 1): Promise<Decoded> {
  switch (filter) {
    case 'flate':
      // pdf.js checks the 2-byte zlib header and never the checksum: the deflate data is what counts.
      return zlibDecode(input.subarray(2), cap, keep, 'flate');
    case 'brotli':
      return zlibDecode(input, cap, keep, 'brotli');
    case 'lzw':
      return lzw(input, cap, keep, earlyChange);
    case 'runlength':
      return runLength(input, cap, keep);
    case 'ascii85':
      return capped(ascii85(input), cap, keep);
    case 'asciihex':
      return capped(asciiHex(input), cap, keep);
    case 'dct':
      return { size: jpegPixelsBytes(input) };
    case 'jpx':
    case 'jbig2':
    case 'ccitt':
      return { size: Infinity };
    default:
      return capped(input, cap, keep);
  }
}

const capped = (out: Buffer, cap: number, keep: boolean): Decoded => ({ size: out.length, bytes: keep ? out.subarray(0, cap + 1) : undefined });

async function zlibDecode(input: Buffer, cap: number, keep: boolean, kind: 'flate' | 'brotli'): Promise<Decoded> {
  const stream = () => streamed(kind === 'flate' ? createInflateRaw({ finishFlush: constants.Z_SYNC_FLUSH }) : createBrotliDecompress(), input, cap, keep);
  // Only counted: streamed, so the output is never held (the synchronous call would hold up to the cap, twice over).
  if (!keep) return stream();
  const maxOutputLength = Math.max(1, Math.min(cap + 1, 2 ** 31 - 1));
  try {
    const out =
      kind === 'flate' ? inflateRawSync(input, { maxOutputLength, finishFlush: constants.Z_SYNC_FLUSH }) : brotliDecompressSync(input, { maxOutputLength });
    return capped(out, cap, keep);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') return { size: cap + 1 };
  }
  // Damaged data: the synchronous call keeps nothing, so stream it to count what came before the damage.
  return stream();
}

function streamed(z: Transform, input: Buffer, cap: number, keep: boolean): Promise<Decoded> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      z.destroy();
      resolve({ size, bytes: keep ? Buffer.concat(chunks).subarray(0, cap + 1) : undefined });
    };
    z.on('data', (c: Buffer) => {
      size += c.length;
      if (keep) chunks.push(c);
      if (size > cap) finish();
    });
    z.once('end', finish);
    z.once('error', finish);
    z.end(input);
  });
}

/** LZW as pdf.js decodes it (9–12-bit codes, 256 clears the table, 257 ends, `EarlyChange` default 1). */
function lzw(input: Buffer, cap: number, keep: boolean, earlyChange: number): Decoded {
  // The table: each code's string is its prefix code's string plus one byte.
  const prefix = new Int32Array(4096).fill(-1);
  const last = new Uint8Array(4096);
  const first = new Uint8Array(4096);
  const length = new Int32Array(4096);
  for (let i = 0; i < 256; i++) [last[i], first[i], length[i]] = [i, i, 1];
  const out = keep ? Buffer.alloc(Math.min(cap + 1, input.length * MAX_RATIO.lzw + 1)) : undefined;
  /** Writes the string of `code` at `at`, back to front (clipped to the output). */
  const write = (code: number, at: number) => {
    for (let k = at + length[code] - 1, c = code; c >= 0 && k >= at; k--, c = prefix[c]) if (k < out!.length) out![k] = last[c];
  };
  let size = 0;
  let next = 258;
  let width = 9;
  let prev = -1;
  let bits = 0;
  let buffered = 0;
  for (let at = 0; size <= cap;) {
    while (bits < width && at < input.length) {
      buffered = ((buffered << 8) | input[at++]) & 0xffffff;
      bits += 8;
    }
    if (bits < width) break;
    const code = (buffered >>> (bits - width)) & ((1 << width) - 1);
    bits -= width;
    if (code === 256) {
      [next, width, prev] = [258, 9, -1];
      continue;
    }
    if (code === 257 || (prev < 0 && code > 255)) break;
    // A code not in the table yet is the previous string plus its own first byte.
    const known = code < next;
    const head = known ? first[code] : first[prev];
    if (out) {
      write(known ? code : prev, size);
      if (!known && size + length[prev] < out.length) out[size + length[prev]] = head;
    }
    size += known ? length[code] : length[prev] + 1;
    if (prev >= 0 && next < 4096) {
      [prefix[next], last[next], first[next], length[next]] = [prev, head, first[prev], length[prev] + 1];
      next++;
      if (next + earlyChange >= 1 << width && width < 12) width++;
    }
    prev = code;
  }
  return { size, bytes: out?.subarray(0, Math.min(size, out.length)) };
}

/** RunLengthDecode: a length byte n < 128 copies n + 1 bytes, n > 128 repeats the next byte 257 − n times, 128 ends. */
function runLength(input: Buffer, cap: number, keep: boolean): Decoded {
  const out = keep ? Buffer.alloc(Math.min(cap + 1, input.length * MAX_RATIO.runlength)) : undefined;
  let size = 0;
  for (let i = 0; i < input.length && size <= cap;) {
    const n = input[i++];
    if (n === 128) break;
    if (n < 128) {
      out?.set(input.subarray(i, Math.min(i + n + 1, i + out.length - size)), size);
      size += Math.min(n + 1, input.length - i);
      i += n + 1;
    } else {
      out?.fill(input[i] ?? 0, size, Math.min(size + 257 - n, out.length));
      size += 257 - n;
      i++;
    }
  }
  return { size, bytes: out?.subarray(0, Math.min(size, out.length)) };
}

/** ASCII85Decode: groups of five characters `!`–`u` give four bytes, `z` four zeros, `~` ends; anything else is skipped. */
function ascii85(input: Buffer): Buffer {
  const out = Buffer.alloc(input.length * 4 + 4);
  let size = 0;
  let group = 0;
  let v = 0;
  for (let i = 0; i < input.length; i++) {
    const c = input[i];
    if (c === 0x7e) break;
    if (c === 0x7a && group === 0) size += 4;
    else if (c >= 0x21 && c <= 0x75) {
      v = v * 85 + (c - 0x21);
      if (++group === 5) {
        out.writeUInt32BE(v >>> 0, size);
        size += 4;
        group = 0;
        v = 0;
      }
    }
  }
  if (group > 1) {
    // A last partial group is padded with `u` and gives one byte less than its characters.
    for (let k = group; k < 5; k++) v = v * 85 + 84;
    const tail = Buffer.alloc(4);
    tail.writeUInt32BE(v >>> 0);
    tail.copy(out, size, 0, group - 1);
    size += group - 1;
  }
  return out.subarray(0, size);
}

/** ASCIIHexDecode: pairs of hex digits, `>` ends, anything else skipped; an odd last digit is followed by 0. */
function asciiHex(input: Buffer): Buffer {
  const out = Buffer.alloc((input.length >> 1) + 1);
  let size = 0;
  let high = -1;
  for (let i = 0; i < input.length; i++) {
    const c = input[i];
    if (c === 0x3e) break;
    const v = c >= 48 && c <= 57 ? c - 48 : c >= 65 && c <= 70 ? c - 55 : c >= 97 && c <= 102 ? c - 87 : -1;
    if (v < 0) continue;
    if (high < 0) high = v;
    else {
      out[size++] = (high << 4) | v;
      high = -1;
    }
  }
  if (high >= 0) out[size++] = high << 4;
  return out.subarray(0, size);
}

/**
 * What pdf.js's JPEG decoder puts out for these bytes: width × height × 4 (RGBA at most) from the
 * first frame header; a height left to a later DNL marker is unbounded; no frame, nothing is decoded.
 */
function jpegPixelsBytes(input: Buffer): number {
  for (let i = 0; i + 9 < input.length; i++) {
    if (input[i] !== 0xff) continue;
    const m = input[i + 1];
    if (m >= 0xc0 && m <= 0xcf && m !== 0xc4 && m !== 0xc8 && m !== 0xcc) {
      const height = input.readUInt16BE(i + 5);
      const width = input.readUInt16BE(i + 7);
      return height === 0 ? Infinity : width * height * 4;
    }
  }
  return 0;
}
