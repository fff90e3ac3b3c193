import { isUtf8 as isValidUtf8 } from 'node:buffer';
import type { Context } from 'chardet/lib/encoding';
import { big5, gb_18030 } from 'chardet/lib/encoding/mbcs';
import type { Declared } from './bom-meta';

/**
 * chardet's recognisers of the two legacy encodings Chinese government pages come in, in the order
 * chardet's own list has them. `chardet.analyse` runs all 27 of its recognisers (Japanese, Korean,
 * ISO-8859 …) and the choice below reads only these two: asking them alone gives the same
 * confidences at a tenth of the cost. They read only the bytes (`rawInput`, `rawLen`).
 */
const RECOGNISERS = [
  { encoding: 'big5', recogniser: new big5() },
  { encoding: 'gb18030', recogniser: new gb_18030() },
];

/** chardet's confidence (0–100) per legacy candidate encoding, best first (ties in chardet's order). */
function rankEncodings(text: Uint8Array): { encoding: string; confidence: number }[] {
  const bytes = text.subarray(0, CHARDET_SAMPLE);
  const context = { rawInput: bytes, rawLen: bytes.length, inputBytes: bytes, inputLen: bytes.length } as Context;
  return RECOGNISERS.flatMap(({ encoding, recogniser }) => {
    const m = recogniser.match(context);
    return m ? [{ encoding, confidence: m.confidence }] : [];
  }).sort((a, b) => b.confidence - a.confidence);
}

/** Text bytes judged for UTF-8 damage: enough to be sure, without decoding a whole page twice. */
const SAMPLE = 16 * 1024;
/** About a thousand characters: enough for chardet, whose cost grows with its input. */
const CHARDET_SAMPLE = 2 * 1024;
/** A tag longer than this is more likely a stray `<` in text than markup. */
const MAX_TAG = 4096;
const LT = 0x3c;
const GT = 0x3e;

/**
 * The bytes outside `<…>` tags, so chardet judges text rather than a Word page's markup. Safe on
 * GBK and Big5: `<` and `>` are never the second byte of a double-byte character (trail bytes
 * start at 0x40), so a cut at a tag never splits one.
 */
function sample(buf: Uint8Array): Uint8Array {
  const bytes = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
  const out = Buffer.alloc(Math.min(bytes.length, SAMPLE));
  let n = 0;
  let i = 0;
  let gt = -1;
  while (i < bytes.length && n < out.length) {
    let lt = bytes.indexOf(LT, i);
    if (lt < 0) lt = bytes.length;
    n += bytes.copy(out, n, i, lt);
    if (lt === bytes.length) break;
    // Searched again only once passed, so text full of `<` and no `>` stays linear.
    if (gt < lt) {
      const at = bytes.indexOf(GT, lt + 1);
      gt = at < 0 ? bytes.length : at;
    }
    if (gt === bytes.length || gt - lt > MAX_TAG) {
      out[n++] = LT;
      i = lt + 1;
    } else i = gt + 1;
  }
  // A cut through a character would count as one damaged sequence.
  if (n === out.length) while (n > out.length - 4 && out[n - 1] >= 0x80) n--;
  return out.subarray(0, n);
}

/**
 * UTF-8 when at most a few sequences are invalid: a UTF-8 page with a damaged byte stays UTF-8
 * (the damage is flagged later), while GBK or Big5 read as UTF-8 is invalid almost everywhere.
 */
function isMostlyUtf8(bytes: Uint8Array, declaredUtf8: boolean): boolean {
  if (isValidUtf8(bytes)) return true;
  const text = new TextDecoder('utf-8').decode(bytes);
  // Counted per UTF-16 code unit in one pass, with no array of matches built.
  let bad = 0;
  let wide = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xfffd) bad++;
    else if (c > 0x7f) wide++;
  }
  // A page that says UTF-8 keeps it through more damaged bytes (under 20%); GBK or Big5 misread as UTF-8 is mostly invalid.
  return bad === 0 || bad * (declaredUtf8 ? 5 : 100) < wide;
}

/**
 * Picks the encoding to decode with. Valid UTF-8 is UTF-8 whatever a meta tag says (GBK or Big5
 * text is practically never valid UTF-8); otherwise the meta is wrong or absent, and
 * chardet decides among GB18030 and Big5, a declared one standing unless chardet clearly prefers
 * the other. gb18030 when chardet has no opinion: it is the most common legacy encoding.
 */
export function chooseEncoding(buf: Uint8Array, declared: Declared | undefined): string {
  if (declared?.source === 'bom') return declared.encoding;
  if (isValidUtf8(buf)) return 'utf-8';
  const text = sample(buf);
  if (isMostlyUtf8(text, declared?.encoding === 'utf-8')) return 'utf-8';
  const ranked = rankEncodings(text);
  const best = ranked[0];
  if (!best) return declared?.encoding === 'big5' ? 'big5' : 'gb18030';
  const claimed = ranked.find((r) => r.encoding === declared?.encoding);
  return claimed && best.confidence - claimed.confidence < 20 ? claimed.encoding : best.encoding;
}
