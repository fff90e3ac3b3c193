import { constants, inflateSync } from 'node:zlib';
import { RejectedInput } from '../../errors';

/** Streams pdf.js never expands to read text: images, embedded font programs, attached files. */
const NOT_CONTENT = /\/Subtype\s*\/(?:Image|Type1C|CIDFontType0C|OpenType)\b|\/Length[123]\b|\/Type\s*\/EmbeddedFile\b/;
/** How far back from `stream` a stream's dictionary may start. */
const MAX_DICT = 8192;

/** Deflate expands data at most 1032-fold (zlib's stated limit for its format). */
const MAX_DEFLATE_RATIO = 1032;

/**
 * Refuses a PDF whose streams (other than images and fonts) inflate past `budget` bytes, before
 * pdf.js reads it: a 3 MB file can hold a gigabyte of text operators, which pdf.js would expand
 * into buffers outside any heap limit. Flate streams are inflated with an output cap, so this
 * check never holds more than the budget; streams it cannot read are left to pdf.js. Streams are
 * inflated largest first, and only until the most the others could expand to (deflate's limit)
 * fits in what is left: a report's many small streams (fonts' glyph procedures) are never inflated.
 */
export function checkContentBudget(bytes: Uint8Array, budget: number): void {
  const streams = contentStreams(bytes).sort((a, b) => b.data.length - a.data.length);
  const most = (c: { data: Uint8Array; flate: boolean }) => c.data.length * (c.flate ? MAX_DEFLATE_RATIO : 1);
  let unread = streams.reduce((n, c) => n + most(c), 0);
  let used = 0;
  for (const c of streams) {
    if (used + unread <= budget) return;
    unread -= most(c);
    used += c.flate ? inflatedSize(c.data, budget - used + 1) : c.data.length;
    if (used > budget)
      throw new RejectedInput(
        `The PDF's content is too large to read: over ${Math.round(budget / 1024 / 1024)} MB of page content once decompressed (an annual report has a few MB).`,
        'P-PDF-CONTENT-TOO-LARGE',
      );
  }
}

/** The raw data of every stream pdf.js may expand to read text, and whether it is Flate-encoded. */
function contentStreams(bytes: Uint8Array): { data: Uint8Array; flate: boolean }[] {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const s = buf.toString('latin1');
  const out: { data: Uint8Array; flate: boolean }[] = [];
  for (let at = s.indexOf('stream'); at >= 0; at = s.indexOf('stream', at + 6)) {
    const stream = streamAt(s, at);
    if (!stream) continue;
    at = Math.max(at, stream.end - 6);
    if (!NOT_CONTENT.test(stream.dict)) out.push({ data: buf.subarray(stream.start, stream.end), flate: /\/FlateDecode\b/.test(stream.dict) });
  }
  return out;
}

interface RawStream {
  dict: string;
  start: number;
  end: number;
}

/** The stream whose `stream` keyword is at `at`: its dictionary and data span, or undefined if `at` is not a keyword. */
function streamAt(s: string, at: number): RawStream | undefined {
  if (s.startsWith('endstream', at - 3)) return undefined;
  let start = at + 6;
  if (s[start] === '\r') start++;
  if (s[start] === '\n') start++;
  if (start === at + 6) return undefined;
  let close = at - 1;
  while (close > 0 && /\s/.test(s[close])) close--;
  if (s[close] !== '>' || s[close - 1] !== '>') return undefined;
  const open = dictStart(s, close);
  if (open < 0) return undefined;
  const dict = s.slice(open, close + 1);
  const direct = dict.match(/\/Length\s+(\d+)(?!\s+\d+\s+R)/);
  const stated = direct ? start + Number(direct[1]) : -1;
  const endstream = stated > start && stated <= s.length ? stated : s.indexOf('endstream', start);
  return { dict, start, end: endstream < 0 ? s.length : endstream };
}

/** Index of the `<<` that opens the dictionary closed by the `>>` at `close`…`close + 1`. */
function dictStart(s: string, close: number): number {
  let depth = 0;
  for (let i = close; i > Math.max(0, close - MAX_DICT); i--) {
    if (s[i] === '>' && s[i - 1] === '>') {
      depth++;
      i--;
    } else if (s[i] === '<' && s[i - 1] === '<') {
      if (--depth === 0) return i - 1;
      i--;
    }
  }
  return -1;
}

/** Inflated length of a Flate stream, or `cap` once it reaches it; a damaged stream counts what it yields. */
function inflatedSize(data: Uint8Array, cap: number): number {
  try {
    return inflateSync(data, { maxOutputLength: Math.max(1, cap), finishFlush: constants.Z_SYNC_FLUSH }).length;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' ? cap : 0;
  }
}
