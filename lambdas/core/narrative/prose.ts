import { TABLE_WORDS } from '../form';
import type { Section } from '../types';

/** A sentence of prose: `compact` has its whitespace removed for matching; `at` is its offset in the text. */
export interface Sentence {
  at: number;
  compact: string;
  /** The section (1–6) the sentence sits in, when the sections were found. */
  section?: number;
}

interface Body {
  n: number;
  start: number;
  end: number;
}

/**
 * Splits the text into prose sentences and leaves out tables: markdown rows (`| … |`) and runs that
 * carry the tables' own labels or are mostly digits. Sentences also end where a section's body
 * starts, so a heading never glues prose to the table before it. Inside sections 2–4, where the
 * tables sit, only complete sentences (ending in `。`) count.
 */
export function proseSentences(text: string, sections: Section[]): Sentence[] {
  const bodies = sectionBodies(text, sections);
  const starts = new Set(bodies.map((b) => b.start));
  const out: Sentence[] = [];
  let compact = '';
  /** Where the sentence's first character stands in the text. */
  let at = -1;
  const flush = (ended: boolean) => {
    if (compact) {
      const body = bodies.find((b) => at >= b.start && at < b.end);
      if (isProse(compact, ended, body)) out.push({ at, compact, section: body?.n });
    }
    compact = '';
  };
  let lineStart = 0;
  for (const line of text.split('\n')) {
    if (line.includes('|')) flush(false);
    else {
      for (let i = 0; i < line.length; i++) {
        if (starts.has(lineStart + i)) flush(false);
        const code = line.charCodeAt(i);
        if (isWhitespace(code)) continue;
        if (!compact) at = lineStart + i;
        compact += line[i];
        if (code === FULL_STOP || code === 0xff01 || code === 0xff1f || code === 0x21 || code === 0x3f) flush(code === FULL_STOP);
      }
    }
    lineStart += line.length + 1;
  }
  flush(false);
  return out;
}

/** 。 ends a complete sentence; ！？!? end one too. */
const FULL_STOP = 0x3002;

/** What `\s` matches, by code: a regex test per character of the text costs more than the rest of the split. */
function isWhitespace(c: number): boolean {
  if (c < 0x80) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  return (
    c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/** A number with no unit after it: table cells run together, where prose would say `件`, `项`, `万元`… */
const BARE_NUMBER = /\d+(?![\d.]|(?:件|项|起|个|宗|份|条|篇|次|万|元|亿|%|％|年|月|日|号|期|人|家|户|名|场|批|部|类|余|多))/;

function isProse(s: string, ended: boolean, body: Body | undefined): boolean {
  // Prose may name the tables' columns (`其中结果维持72件`), but it gives every figure a unit.
  if (TABLE_WORDS.test(s) && BARE_NUMBER.test(s)) return false;
  const digits = (s.match(/\d/g) ?? []).length;
  if (digits > 6 && digits / s.length > 0.35) return false;
  if (body && body.n >= 2 && body.n <= 4) return ended && !/\d{6,}[\u4e00-\u9fa5]/.test(s);
  return true;
}

/** Where each section's body sits in the text. */
function sectionBodies(text: string, sections: Section[]): Body[] {
  const out: Body[] = [];
  let from = 0;
  for (const s of sections) {
    const start = s.text ? text.indexOf(s.text, from) : -1;
    if (start < 0) continue;
    out.push({ n: s.n, start, end: start + s.text.length });
    from = start + s.text.length;
  }
  return out;
}
