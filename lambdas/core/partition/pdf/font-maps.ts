import { RejectedInput } from '../../errors';
import { resolve, type PdfObjects } from './objects';
import { isDict, PdfKeyword, PdfReader, PdfString, Unreadable, type PdfValue } from './syntax';

/**
 * The font tables pdf.js expands code by code: a character map's ranges (`begincidrange`,
 * `beginbfrange`) and a CID font's width ranges (`/W`, `/W2`). Two numbers stand for every code
 * between them, so one flipped bit in a damaged file (`<2639> <516C>` read as `<2639> <D16C…>`)
 * makes pdf.js fill millions of entries: 20 s and 800 MB for an 83 KB file. A real font has at
 * most 65,536 codes; a map past this many is damaged.
 */
export const MAX_FONT_CODES = 1 << 18;

/** pdf.js ignores a single range wider than this (its MAX_MAP_RANGE) and expands every narrower one. */
const MAX_MAP_RANGE = 2 ** 24 - 1;

const damaged = (what: string, codes: number) =>
  new RejectedInput(
    `The PDF is damaged: ${what} stands for ${codes.toLocaleString('en')} character codes (a font has at most 65,536); reading it would take minutes and gigabytes.`,
    'P-PDF-DAMAGED',
  );

/** pdf.js's strToInt: the string's bytes, big-endian, in 32 bits. */
function codeOf(s: PdfString): number {
  let a = 0;
  for (let i = 0; i < s.bytes.length; i++) a = (a << 8) | s.bytes.charCodeAt(i);
  return a >>> 0;
}

/** The codes a CMap's ranges expand to in pdf.js (each range from low to high, an array range as long as its array). */
export function mappedCodes(cmap: Buffer): number {
  const text = cmap.toString('latin1');
  let total = 0;
  for (const m of text.matchAll(/begin(?:bf|cid)range/g)) {
    const r = new PdfReader(text, m.index + m[0].length);
    try {
      for (;;) {
        const low = r.value();
        if (!(low instanceof PdfString)) break;
        const high = r.value();
        const dst = r.value();
        if (!(high instanceof PdfString) || dst === undefined || dst instanceof PdfKeyword) break;
        const span = codeOf(high) - codeOf(low);
        if (span < 0 || span > MAX_MAP_RANGE) continue;
        total += Array.isArray(dst) ? Math.min(span + 1, dst.length) : span + 1;
      }
    } catch (err) {
      if (!(err instanceof Unreadable)) throw err;
    }
  }
  return total;
}

/** The entries pdf.js fills from a CID font's `/W` (`c [w…]` or `c1 c2 w`) or `/W2` (`c [w v v …]` or `c1 c2 w v v`). */
function widthEntries(objects: PdfObjects, list: PdfValue[], vertical: boolean): number {
  const w = list.map((v) => resolve(objects, v));
  let total = 0;
  for (let i = 0; i + 1 < w.length;) {
    const start = w[i];
    const next = w[i + 1];
    if (Array.isArray(next)) {
      total += vertical ? Math.floor(next.length / 3) : next.length;
      i += 2;
    } else if (typeof start === 'number' && typeof next === 'number') {
      total += Math.max(0, next - start + 1);
      i += vertical ? 5 : 3;
    } else i += 2;
  }
  return total;
}

/** Refuses a file whose fonts' width ranges pdf.js would expand past MAX_FONT_CODES (each font on its own). */
export function checkFontWidths(objects: PdfObjects): void {
  for (const list of objects.defs.values())
    for (const def of list) {
      if (!isDict(def)) continue;
      for (const key of ['W', 'W2']) {
        const w = resolve(objects, def.get(key));
        if (!Array.isArray(w)) continue;
        const n = widthEntries(objects, w, key === 'W2');
        if (n > MAX_FONT_CODES) throw damaged(`a font's width table (/${key})`, n);
      }
    }
}

/** Refuses a character map pdf.js would expand past MAX_FONT_CODES. */
export function checkCMap(cmap: Buffer): void {
  const n = mappedCodes(cmap);
  if (n > MAX_FONT_CODES) throw damaged("a font's character map", n);
}
