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

/** Tells the format from the bytes, not the file name: scrapers mislabel files. */
export function sniffKind(bytes: Uint8Array, name = ''): Sniffed {
  if (bytes.length === 0) return { kind: null, reason: 'The file is empty.' };
  if (isPdf(bytes)) return { kind: 'pdf' };
  if (/\.pdf$/i.test(name)) return { kind: null, reason: 'The file is named .pdf but is not a PDF (no %PDF- header).' };
  if (controlShare(bytes) > 0.02) return { kind: null, reason: 'The file is binary data, not a text, HTML or PDF document.' };
  const head = Buffer.from(bytes.subarray(0, 2048)).toString('latin1').toLowerCase();
  if (/<(!doctype html|html|head|body|table|meta|div|p)[\s>]/.test(head) || /\.html?$/i.test(name)) return { kind: 'html' };
  return { kind: 'text' };
}
