import { readBom } from '../decode/bom-meta';
import { imageFormat, imageLooksWhole } from './image-format';
import type { InputKind } from '../types';

export type Sniffed = { kind: InputKind } | { kind: null; reason: string };

const isPdf = (b: Uint8Array) => b.length >= 5 && b[0] === 0x25 && b[1] === 0x50 && b[2] === 0x44 && b[3] === 0x46 && b[4] === 0x2d;

/** Share of control bytes (other than tab, CR, LF, FF, ESC) in a prefix: text has almost none. */
function controlShare(b: Uint8Array, n = 4096): number {
  const m = Math.min(b.length, n);
  let bad = 0;
  for (let i = 0; i < m; i++) {
    const c = b[i];
    if (c === 0 || (c < 0x20 && c !== 9 && c !== 10 && c !== 13 && c !== 12 && c !== 27)) bad++;
  }
  return m ? bad / m : 0;
}

/** The first characters of UTF-16 text (either byte order, after its BOM). */
function utf16Head(b: Uint8Array): string {
  const head = Buffer.from(b.subarray(2, 4098 - (b.length % 2)));
  if (b[0] === 0xfe) head.swap16();
  return head.toString('utf16le');
}

/** Tells the format from the bytes, not the file name: scrapers mislabel files. */
export function sniffKind(bytes: Uint8Array, name = ''): Sniffed {
  if (bytes.length === 0) return { kind: null, reason: 'The file is empty.' };
  if (isPdf(bytes)) return { kind: 'pdf' };
  if (/\.pdf$/i.test(name)) return { kind: null, reason: 'The file is named .pdf but is not a PDF (no %PDF- header).' };
  // A scan uploaded as the page images themselves, whatever its name says.
  const image = imageFormat(bytes);
  if (image)
    return imageLooksWhole(bytes, image)
      ? { kind: 'image' }
      : { kind: null, reason: `The file is binary data: a ${image.toUpperCase()} image that is damaged or cut off, so it cannot be read.` };
  // UTF-16 is half zero bytes when it is mostly ASCII; its byte-order mark says it is text all the same.
  const utf16 = readBom(bytes)?.encoding.startsWith('utf-16');
  if (!utf16 && controlShare(bytes) > 0.02) return { kind: null, reason: 'The file is binary data, not a text, HTML or PDF document.' };
  const head = (utf16 ? utf16Head(bytes) : Buffer.from(bytes.subarray(0, 2048)).toString('latin1')).toLowerCase();
  if (/<(!doctype html|html|head|body|table|meta|div|p)[\s>]/.test(head) || /\.html?$/i.test(name)) return { kind: 'html' };
  return { kind: 'text' };
}
