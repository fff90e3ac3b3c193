/**
 * PDF object syntax as pdf.js's lexer reads it (ISO 32000-1 §7.2–7.3): names with `#xx` escapes,
 * literal and hex strings, numbers, arrays, dictionaries, indirect references and keywords, comments
 * as white space. Only what is needed to see a file the way pdf.js will (stream dictionaries, object
 * streams, the encryption dictionary), over the bytes as a latin1 string, never ahead of `end`.
 */

export class PdfName {
  constructor(readonly name: string) {}
}

export class PdfRef {
  constructor(
    readonly num: number,
    readonly gen: number,
  ) {}
}

/** A keyword (operator or `obj`, `stream`, `endobj` …), as pdf.js's `Cmd`. */
export class PdfKeyword {
  constructor(readonly word: string) {}
}

/** A string's bytes, one char per byte. */
export class PdfString {
  constructor(readonly bytes: string) {}
}

export type PdfDict = Map<string, PdfValue>;
export type PdfValue = number | boolean | null | PdfName | PdfString | PdfRef | PdfKeyword | PdfValue[] | PdfDict;

/** A value could not be read whole within its bounds (nested too deep, or cut at `end`). */
export class Unreadable extends Error {
  constructor(readonly at: number) {
    super(`unreadable PDF syntax at ${at}`);
  }
}

/** pdf.js's character classes: 1 white space, 2 delimiter, 0 regular. */
const CLASS = new Uint8Array(256);
for (const c of [0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]) CLASS[c] = 1;
for (const c of '()<>[]{}/%') CLASS[c.charCodeAt(0)] = 2;

export const isWhite = (c: number) => CLASS[c] === 1;
export const isRegular = (c: number) => c < 256 && CLASS[c] === 0;

/** Deeper nesting than this is no document's: refused rather than followed. */
const MAX_DEPTH = 64;

const hex = (c: number) => (c >= 48 && c <= 57 ? c - 48 : c >= 65 && c <= 70 ? c - 55 : c >= 97 && c <= 102 ? c - 87 : -1);

const END_DICT = new PdfKeyword('>>');
const END_DICT_OPEN = new PdfKeyword('<<');
const ESCAPES: Record<number, string> = { 0x6e: '\n', 0x72: '\r', 0x74: '\t', 0x62: '\b', 0x66: '\f', 0x28: '(', 0x29: ')', 0x5c: '\\' };
const END_ARRAY = new PdfKeyword(']');

/** Reads values from `s` at `pos`, never past `end`. */
export class PdfReader {
  pos: number;

  constructor(
    readonly s: string,
    pos: number,
    readonly end = s.length,
  ) {
    this.pos = pos;
  }

  private peek(): number {
    return this.pos < this.end ? this.s.charCodeAt(this.pos) : -1;
  }

  /** Skips white space and comments; returns the next char code (-1 at the end). */
  skipSpace(): number {
    for (;;) {
      const c = this.peek();
      if (c === 0x25) {
        while (this.pos < this.end && this.s.charCodeAt(this.pos) !== 0x0a && this.s.charCodeAt(this.pos) !== 0x0d) this.pos++;
      } else if (c >= 0 && CLASS[c] === 1) this.pos++;
      else return c;
    }
  }

  /** The next value (references resolved as `PdfRef`), or undefined at the end. */
  value(depth = 0): PdfValue | undefined {
    if (depth > MAX_DEPTH) throw new Unreadable(this.pos);
    const t = this.token();
    if (t === undefined) return undefined;
    if (t instanceof PdfKeyword) {
      if (t.word === '[') return this.array(depth);
      if (t.word === '<<') return this.dict(depth);
      return t;
    }
    if (typeof t === 'number' && Number.isInteger(t) && t >= 0) {
      // `num gen R`: look ahead two tokens, and step back if they are not a reference.
      const at = this.pos;
      const gen = this.token();
      if (typeof gen === 'number' && Number.isInteger(gen) && gen >= 0) {
        const r = this.token();
        if (r instanceof PdfKeyword && r.word === 'R') return new PdfRef(t, gen);
      }
      this.pos = at;
    }
    return t;
  }

  private array(depth: number): PdfValue[] {
    const out: PdfValue[] = [];
    for (;;) {
      const v = this.value(depth + 1);
      if (v === undefined) throw new Unreadable(this.pos);
      if (v === END_ARRAY || (v instanceof PdfKeyword && v.word === ']')) return out;
      out.push(v);
    }
  }

  /** As pdf.js: a key that is not a name is skipped, and a dictionary ends at `>>`. */
  private dict(depth: number): PdfDict {
    const out: PdfDict = new Map();
    for (;;) {
      const k = this.value(depth + 1);
      if (k === undefined) throw new Unreadable(this.pos);
      if (k instanceof PdfKeyword && k.word === '>>') return out;
      if (!(k instanceof PdfName)) continue;
      const v = this.value(depth + 1);
      if (v === undefined) throw new Unreadable(this.pos);
      if (v instanceof PdfKeyword && v.word === '>>') return out;
      out.set(k.name, v);
    }
  }

  /** One token: a number, string, name, boolean, null or keyword (`[`, `<<` … included). */
  token(): Exclude<PdfValue, PdfValue[] | PdfDict | PdfRef> | undefined {
    const c = this.skipSpace();
    if (c < 0) return undefined;
    if ((c >= 48 && c <= 57) || c === 0x2b || c === 0x2d || c === 0x2e) return this.number();
    if (c === 0x28) return this.literal();
    if (c === 0x2f) return this.name();
    if (c === 0x3c) {
      if (this.s.charCodeAt(this.pos + 1) === 0x3c && this.pos + 1 < this.end) {
        this.pos += 2;
        return END_DICT_OPEN;
      }
      return this.hexString();
    }
    if (c === 0x3e) {
      this.pos++;
      if (this.peek() === 0x3e) {
        this.pos++;
        return END_DICT;
      }
      return new PdfKeyword('>');
    }
    if (c === 0x5b || c === 0x5d || c === 0x7b || c === 0x7d || c === 0x29) {
      this.pos++;
      return c === 0x5d ? END_ARRAY : new PdfKeyword(String.fromCharCode(c));
    }
    const start = this.pos;
    while (this.pos < this.end && CLASS[this.s.charCodeAt(this.pos)] === 0) this.pos++;
    if (this.pos === start) this.pos++;
    const word = this.s.slice(start, this.pos);
    return word === 'true' ? true : word === 'false' ? false : word === 'null' ? null : new PdfKeyword(word);
  }

  private number(): number {
    const m = /[+-]{0,2}[\r\n]*(?:\d+\.?\d*|\.\d+)/y;
    m.lastIndex = this.pos;
    const hit = m.exec(this.s);
    if (!hit || m.lastIndex > this.end) {
      this.pos++;
      return 0;
    }
    this.pos = m.lastIndex;
    const text = hit[0].replace(/[\r\n]/g, '');
    const neg = text.startsWith('-');
    const n = Number(text.replace(/^[+-]+/, ''));
    return neg ? -n : n;
  }

  private name(): PdfName {
    this.pos++;
    let out = '';
    while (this.pos < this.end) {
      const c = this.s.charCodeAt(this.pos);
      if (CLASS[c] !== 0) break;
      this.pos++;
      if (c !== 0x23) {
        out += String.fromCharCode(c);
        continue;
      }
      // `#xx` is the byte xx; a `#` not followed by two hex digits is kept as it is (as pdf.js does).
      const h1 = hex(this.peek());
      const h2 = h1 >= 0 ? hex(this.pos + 1 < this.end ? this.s.charCodeAt(this.pos + 1) : -1) : -1;
      if (h1 >= 0 && h2 >= 0) {
        out += String.fromCharCode((h1 << 4) | h2);
        this.pos += 2;
      } else out += '#';
    }
    return new PdfName(out);
  }

  private literal(): PdfString {
    this.pos++;
    let depth = 1;
    let out = '';
    while (this.pos < this.end) {
      const c = this.s.charCodeAt(this.pos++);
      if (c === 0x28) depth++;
      else if (c === 0x29 && --depth === 0) return new PdfString(out);
      if (c !== 0x5c) {
        out += String.fromCharCode(c);
        continue;
      }
      const e = this.peek();
      if (e < 0) break;
      this.pos++;
      if (ESCAPES[e] !== undefined) out += ESCAPES[e];
      else if (e >= 0x30 && e <= 0x37) {
        let v = e - 0x30;
        for (let i = 0; i < 2 && this.peek() >= 0x30 && this.peek() <= 0x37; i++) v = (v << 3) | (this.s.charCodeAt(this.pos++) - 0x30);
        out += String.fromCharCode(v & 0xff);
      } else if (e === 0x0d) {
        if (this.peek() === 0x0a) this.pos++;
      } else if (e !== 0x0a) out += String.fromCharCode(e);
    }
    // Unterminated: pdf.js reads to the end of the file, so what it would read is cut here.
    throw new Unreadable(this.pos);
  }

  private hexString(): PdfString {
    this.pos++;
    let out = '';
    let high = -1;
    while (this.pos < this.end) {
      const c = this.s.charCodeAt(this.pos++);
      if (c === 0x3e) {
        if (high >= 0) out += String.fromCharCode(high << 4);
        return new PdfString(out);
      }
      const v = hex(c);
      if (v < 0) continue;
      if (high < 0) high = v;
      else {
        out += String.fromCharCode((high << 4) | v);
        high = -1;
      }
    }
    throw new Unreadable(this.pos);
  }
}

/** The name a value holds, or undefined. */
export const nameOf = (v: PdfValue | undefined): string | undefined => (v instanceof PdfName ? v.name : undefined);

export const isDict = (v: PdfValue | undefined): v is PdfDict => v instanceof Map;
