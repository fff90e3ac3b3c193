import { isUtf8 as isValidUtf8 } from 'node:buffer';
import chardet from 'chardet';
import type { Declared } from './bom-meta';

/** The encodings Chinese government pages come in; anything else chardet says is a misread. */
const CANDIDATES: Record<string, string> = { 'UTF-8': 'utf-8', GB18030: 'gb18030', GBK: 'gb18030', GB2312: 'gb18030', Big5: 'big5' };

/** chardet's confidence (0–100) per candidate encoding, best first. */
function rankEncodings(buf: Uint8Array): { encoding: string; confidence: number }[] {
  const out: { encoding: string; confidence: number }[] = [];
  for (const m of chardet.analyse(sample(buf))) {
    const encoding = CANDIDATES[m.name];
    if (encoding && !out.some((o) => o.encoding === encoding)) out.push({ encoding, confidence: m.confidence });
  }
  return out;
}

/** SAMPLE bytes from where the non-ASCII text starts: enough for chardet, and Word pages open with long ASCII styles. */
const SAMPLE = 32 * 1024;
function sample(buf: Uint8Array): Uint8Array {
  if (buf.byteLength <= SAMPLE) return buf;
  const first = Math.max(0, buf.findIndex((b) => b >= 0x80));
  return buf.subarray(first, first + SAMPLE);
}

/**
 * UTF-8 when at most a few sequences are invalid: a UTF-8 page with a damaged byte stays UTF-8
 * (the damage is flagged later), while GBK or Big5 read as UTF-8 is invalid almost everywhere.
 */
function isUtf8(buf: Uint8Array, declaredUtf8 = false): boolean {
  if (isValidUtf8(buf)) return true;
  const text = new TextDecoder('utf-8').decode(buf);
  let bad = 0;
  let wide = 0;
  for (const c of text) {
    if (c === '\ufffd') bad++;
    else if (c.charCodeAt(0) > 0x7f) wide++;
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
  if (isUtf8(buf, declared?.encoding === 'utf-8')) return 'utf-8';
  const ranked = rankEncodings(buf).filter((r) => r.encoding !== 'utf-8');
  const best = ranked[0];
  if (!best) return declared?.encoding === 'big5' ? 'big5' : 'gb18030';
  const claimed = ranked.find((r) => r.encoding === declared?.encoding);
  return claimed && best.confidence - claimed.confidence < 20 ? claimed.encoding : best.encoding;
}
