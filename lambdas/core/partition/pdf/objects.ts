import { isDict, isWhite, nameOf, PdfDict, PdfKeyword, PdfReader, PdfRef, Unreadable, type PdfValue } from './syntax';

/**
 * Every object a PDF holds, found the way pdf.js finds them when its cross-reference table is
 * damaged: by their `num gen obj` headers anywhere in the file (so every incremental update, and
 * objects no table lists, are seen), plus the objects inside object streams once those are decoded.
 */

/** One stream: its dictionary and where its data lies. */
export interface PdfStream {
  num: number;
  gen: number;
  dict: PdfDict;
  /** First data byte (after the end of line that follows `stream`). */
  start: number;
  /** End of the data as pdf.js takes it (the stated length if `endstream` follows it, else the first `endstream`). */
  end: number;
}

export interface PdfObjects {
  /** The file as a latin1 string, one char per byte. */
  text: string;
  streams: PdfStream[];
  /** Every definition of each object number, top-level ones in file order, then those of object streams. */
  defs: Map<number, PdfValue[]>;
  /** Trailer dictionaries (and cross-reference stream dictionaries), in file order. */
  trailers: PdfDict[];
  /** An object outside stream data could not be read whole: what refers to what is not fully known. */
  unsure: boolean;
  /** Streams no object header explains (pdf.js cannot reach them, but they are counted): their dictionary when it reads back. */
  orphans: { start: number; end: number; dict?: PdfDict }[];
}

/** An `obj` keyword: after white space, before a delimiter (its header's two numbers are read back from it). */
const OBJ = /(?<=[\0\t\n\f\r ])obj(?![^\0\t\n\f\r ()<>[\]{}/%])/g;
/** How far back from `obj` its header's numbers (and comments between them) may start. */
const HEADER_LOOKBACK = 4096;
const TRAILER = /(?<![^\0\t\n\f\r ()<>[\]{}/%])trailer(?![^\0\t\n\f\r ()<>[\]{}/%])/g;
const STREAM = /(?<![^\0\t\n\f\r >])stream(?=[\r\n])/g;

/** Syntax read for one object at most: a dictionary is a few KB; past this it is not a report's. */
const MAX_OBJECT_CHARS = 1 << 20;

export function scanObjects(bytes: Uint8Array): PdfObjects {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  const headers: { at: number; body: number; num: number; gen: number }[] = [];
  let floor = 0;
  for (const m of text.matchAll(OBJ)) {
    const h = headerBefore(text, m.index, Math.max(floor, m.index - HEADER_LOOKBACK));
    if (h) headers.push({ ...h, body: m.index + 3 });
    floor = m.index + 3;
  }
  const defs = new Map<number, PdfValue[]>();
  const streams: PdfStream[] = [];
  const unreadable: number[] = [];
  const keywords = new Set<number>();
  for (const [i, h] of headers.entries()) {
    const bound = Math.min(headers[i + 1]?.at ?? text.length, h.body + MAX_OBJECT_CHARS);
    const r = new PdfReader(text, h.body, bound);
    try {
      const value = r.value();
      if (value === undefined) continue;
      define(defs, h.num, value);
      if (!isDict(value)) continue;
      const t = r.token();
      if (!(t instanceof PdfKeyword) || t.word !== 'stream') continue;
      keywords.add(r.pos - 6);
      // Stray bytes may sit between `stream` and the end of its line: pdf.js skips to the next line.
      const start = nextLine(text, r.pos);
      streams.push({ num: h.num, gen: h.gen, dict: value, start, end: start });
    } catch (err) {
      if (!(err instanceof Unreadable)) throw err;
      unreadable.push(h.at);
    }
  }
  const objects: PdfObjects = { text, streams, defs, trailers: [], unsure: false, orphans: [] };
  for (const s of streams) s.end = streamEnd(objects, s);
  const inData = (at: number) => streams.some((s) => at >= s.start && at < s.end);
  objects.unsure = unreadable.some((at) => !inData(at));
  for (const m of text.matchAll(TRAILER)) {
    const r = new PdfReader(text, m.index + 7, Math.min(text.length, m.index + 7 + MAX_OBJECT_CHARS));
    try {
      const v = r.value();
      if (isDict(v)) objects.trailers.push(v);
    } catch (err) {
      if (!(err instanceof Unreadable)) throw err;
    }
  }
  for (const s of streams) if (nameOf(resolve(objects, s.dict.get('Type'))) === 'XRef') objects.trailers.push(s.dict);
  for (const m of text.matchAll(STREAM)) {
    if (keywords.has(m.index) || inData(m.index) || !afterDict(text, m.index)) continue;
    const start = nextLine(text, m.index + 6);
    const end = text.indexOf('endstream', start);
    objects.orphans.push({ start, end: end < 0 ? text.length : end, dict: dictBefore(text, m.index) });
  }
  return objects;
}

/**
 * The `num gen` before the `obj` at `at`, as pdf.js's lexer reads them: two integers (`5`, `+5`,
 * `5.0`, `-0` all are), white space or comments between; read backwards, never before `floor`.
 */
function headerBefore(text: string, at: number, floor: number): { at: number; num: number; gen: number } | undefined {
  let i = at;
  const separator = () => {
    const from = i;
    for (;;) {
      let eolSkipped = false;
      while (i > floor && isWhite(text.charCodeAt(i - 1))) {
        const c = text.charCodeAt(--i);
        eolSkipped ||= c === 0x0a || c === 0x0d;
      }
      // Past an end of line, the line before it may end in a comment.
      if (!eolSkipped) break;
      const eol = Math.max(text.lastIndexOf('\n', i - 1), text.lastIndexOf('\r', i - 1));
      const percent = text.indexOf('%', Math.max(floor, eol + 1));
      if (percent < 0 || percent >= i) break;
      i = percent;
    }
    return i < from;
  };
  const number = () => {
    const end = i;
    while (i > floor && /[0-9.+-]/.test(text[i - 1])) i--;
    const m = /^[+-]{0,2}(?:\d+\.?\d*|\.\d+)$/.exec(text.slice(i, end));
    if (!m) return undefined;
    const n = Number(m[0].replace(/^[+-]+/, ''));
    return Number.isInteger(n) ? n : undefined;
  };
  if (!separator()) return undefined;
  const gen = number();
  if (gen === undefined || !separator()) return undefined;
  const num = number();
  return num === undefined ? undefined : { at: i, num, gen };
}

function define(defs: Map<number, PdfValue[]>, num: number, value: PdfValue): void {
  const list = defs.get(num);
  if (list) list.push(value);
  else defs.set(num, [value]);
}

/** The objects an object stream holds (`/N` pairs of number and offset, then the objects from `/First`), added to `defs`. */
export function addObjectStream(objects: PdfObjects, dict: PdfDict, data: Buffer): void {
  const text = data.toString('latin1');
  const n = resolve(objects, dict.get('N'));
  const first = resolve(objects, dict.get('First'));
  if (typeof n !== 'number' || typeof first !== 'number' || first < 0 || first > text.length) return;
  const r = new PdfReader(text, 0, first);
  const entries: { num: number; offset: number }[] = [];
  for (let i = 0; i < Math.min(n, text.length); i++) {
    const num = r.token();
    const offset = r.token();
    if (typeof num !== 'number' || typeof offset !== 'number') break;
    entries.push({ num, offset: first + offset });
  }
  for (const [i, e] of entries.entries()) {
    const bound = Math.min(text.length, Math.max(e.offset, entries[i + 1]?.offset ?? text.length), e.offset + MAX_OBJECT_CHARS);
    try {
      const v = new PdfReader(text, e.offset, bound).value();
      if (v !== undefined) define(objects.defs, e.num, v);
    } catch (err) {
      if (!(err instanceof Unreadable)) throw err;
      objects.unsure = true;
    }
  }
}

/** A reference followed to its latest definition (any other value as it is). */
export function resolve(objects: PdfObjects, v: PdfValue | undefined, depth = 0): PdfValue | undefined {
  if (!(v instanceof PdfRef) || depth > 8) return v;
  const list = objects.defs.get(v.num);
  return list ? resolve(objects, list[list.length - 1], depth + 1) : undefined;
}

/** Every integer a value may resolve to (each definition of a referenced object): a stated length may have been updated. */
function integersOf(objects: PdfObjects, v: PdfValue | undefined): number[] {
  if (!(v instanceof PdfRef)) return typeof v === 'number' && Number.isInteger(v) ? [v] : [];
  return (objects.defs.get(v.num) ?? []).flatMap((d) => (d instanceof PdfRef ? [] : integersOf(objects, d)));
}

/**
 * As pdf.js's parser: the stated `/Length` if `endstream` follows it, else the first `endstream`
 * (the end of the file if there is none). Of several stated lengths (an updated length object), the
 * longest that fits; a length in an object this reading did not find, up to the last `endstream`.
 */
export function streamEnd(objects: PdfObjects, s: PdfStream): number {
  const { text } = objects;
  const fits = integersOf(objects, s.dict.get('Length'))
    .filter((n) => n >= 0 && s.start + n <= text.length && endstreamAt(text, s.start + n))
    .sort((a, b) => b - a);
  if (fits.length > 0) return s.start + fits[0];
  // A length this reading cannot resolve may still be known to pdf.js: then the data may run to the last `endstream`.
  const length = s.dict.get('Length');
  const found = length instanceof PdfRef && !objects.defs.has(length.num) ? text.lastIndexOf('endstream') : text.indexOf('endstream', s.start);
  return found < s.start ? text.length : found;
}

function endstreamAt(text: string, at: number): boolean {
  const r = new PdfReader(text, at, Math.min(text.length, at + 4096));
  r.skipSpace();
  return text.startsWith('endstream', r.pos);
}

/** Where pdf.js starts a stream's data: after the first end of line at or after `at`. */
function nextLine(text: string, at: number): number {
  for (let i = at; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0d) return text.charCodeAt(i + 1) === 0x0a ? i + 2 : i + 1;
    if (c === 0x0a) return i + 1;
  }
  return text.length;
}

/** Whether a dictionary's `>>` ends right before `at` (white space between): a `stream` keyword, not a word in text. */
function afterDict(text: string, at: number): boolean {
  let i = at - 1;
  while (i >= 0 && isWhite(text.charCodeAt(i))) i--;
  return i > 0 && text[i] === '>' && text[i - 1] === '>';
}

/** Candidates for the `<<` of a dictionary read back from its `>>`: the nearest that reads forward to it. */
const ORPHAN_LOOKBACK = 4096;
const ORPHAN_CANDIDATES = 64;

/** The dictionary that ends right before the keyword at `at`, read forward from the nearest `<<` that gives it. */
function dictBefore(text: string, at: number): PdfDict | undefined {
  let close = at - 1;
  while (close >= 0 && isWhite(text.charCodeAt(close))) close--;
  const end = close + 1;
  for (
    let open = text.lastIndexOf('<<', close - 1), n = 0;
    open >= Math.max(0, end - ORPHAN_LOOKBACK) && n < ORPHAN_CANDIDATES;
    open = text.lastIndexOf('<<', open - 1), n++
  ) {
    const r = new PdfReader(text, open, end);
    try {
      const v = r.value();
      if (isDict(v) && r.pos === end) return v;
    } catch (err) {
      if (!(err instanceof Unreadable)) throw err;
    }
    if (open === 0) break;
  }
  return undefined;
}

/** A key under which an object is referred to, and the key of the dictionary that refers (or the object that holds it). */
export interface RefContext {
  key: string | undefined;
  parent: string | number | undefined;
}

/** For every object number, the places it is referred from: every definition walked, stream dictionaries included. */
export function referenceContexts(objects: PdfObjects): Map<number, RefContext[]> {
  const out = new Map<number, RefContext[]>();
  const walk = (v: PdfValue, key: string | undefined, parent: string | number | undefined, depth: number) => {
    if (depth > 64) return;
    if (v instanceof PdfRef) {
      const list = out.get(v.num) ?? [];
      list.push({ key, parent });
      out.set(v.num, list);
    } else if (Array.isArray(v)) for (const x of v) walk(x, key, parent, depth + 1);
    else if (isDict(v)) for (const [k, x] of v) walk(x, k, key ?? parent, depth + 1);
  };
  for (const [num, list] of objects.defs) for (const v of list) walk(v, undefined, num, 0);
  for (const t of objects.trailers) walk(t, undefined, 'trailer', 0);
  return out;
}
