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
  let offsets: number[] = [];
  const flush = (ended: boolean) => {
    if (compact) {
      const at = offsets[0];
      const body = bodies.find((b) => at >= b.start && at < b.end);
      if (isProse(compact, ended, body)) out.push({ at, compact, section: body?.n });
    }
    compact = '';
    offsets = [];
  };
  let lineStart = 0;
  for (const line of text.split('\n')) {
    if (line.includes('|')) flush(false);
    else {
      for (let i = 0; i < line.length; i++) {
        const c = line[i];
        if (starts.has(lineStart + i)) flush(false);
        if (/\s/.test(c)) continue;
        compact += c;
        offsets.push(lineStart + i);
        if (/[。！？!?]/.test(c)) flush(c === '。');
      }
    }
    lineStart += line.length + 1;
  }
  flush(false);
  return out;
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
