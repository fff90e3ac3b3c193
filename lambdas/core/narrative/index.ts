import { toWan } from '../form';
import type { Format, NarrativeFigure, Section } from '../types';
import { APPLY, NO_APPLICATIONS, NOT_A_ZERO, PATTERNS, ZERO_CATEGORIES, ZERO_STATEMENT, type FigurePattern } from './patterns';
import { proseSentences, type Sentence } from './prose';
import { inferFormat } from './format';

export interface NarrativeOptions {
  /** Which national format the report follows; decides table 2's keys. Inferred from the text when absent or unknown. */
  format?: Format;
}

/**
 * Figures the prose states, under canonical or derived keys (fields.md), statements of zero
 * included. Reads prose only: flattened tables and markdown rows are left out, so a table figure
 * never comes back as a narrative one.
 */
export function extractNarrative(text: string, sections: Section[], options: NarrativeOptions = {}): NarrativeFigure[] {
  const format = options.format && options.format !== 'unknown' ? options.format : inferFormat(text);
  const out: NarrativeFigure[] = [];
  const seen = new Set<string>();
  const add = (key: string, value: number, s: Sentence, ambiguous?: string[]) => {
    const id = `${key}=${value}`;
    if (seen.has(id)) return;
    seen.add(id);
    out.push({ key, value, sentence: s.compact, at: s.at, ...(ambiguous ? { ambiguous } : {}) });
  };
  let previous = '';
  for (const s of proseSentences(text, sections)) {
    const taken: [number, number][] = [];
    // The subject is often named one sentence earlier (`全年收到申请95件。其中予以公开29件…`),
    // or by the section: section 3 is about applications. Joined once, not once per pattern.
    const around = previous + s.compact;
    // Every pattern reads its figure from digits: a sentence without any states none.
    for (const p of DIGIT.test(s.compact) ? PATTERNS : []) {
      const key = keyFor(p, format);
      const inSubject = p.context === APPLY && s.section === 3;
      if (!key || (p.context && !inSubject && !p.context.test(around))) continue;
      // exec on the pattern itself: matchAll copies the pattern on every call, and this runs for every pattern of every sentence.
      p.re.lastIndex = 0;
      for (let m = p.re.exec(s.compact); m; m = p.re.exec(s.compact)) {
        // Alternatives put the number in different groups: it is the one group that is digits.
        const num = m.slice(1).find((g) => g !== undefined && /^\d/.test(g));
        if (num === undefined || p.not?.test(m[0])) continue;
        const at = m.index + m[0].indexOf(num);
        if (taken.some(([a, b]) => at < b && at + num.length > a)) continue;
        const resolved = key.includes('$group') ? groupKey(key, s.compact.slice(0, m.index)) : key;
        if (!resolved) continue;
        taken.push([at, at + num.length]);
        add(resolved, p.money ? toWan(Number(num), m.groups?.unit ?? '') : Number(num), s, p.ambiguous);
      }
    }
    for (const m of s.compact.matchAll(ZERO_STATEMENT)) {
      const named = m[1] ?? m[2];
      if (!NOT_A_ZERO.test(named)) for (const [word, key] of ZERO_CATEGORIES) if (word.test(named)) add(key, 0, s);
    }
    if (NO_APPLICATIONS.test(s.compact)) add('t3.newReceived.total', 0, s);
    previous = s.compact;
  }
  return out;
}

const DIGIT = /\d/;

function keyFor(p: FigurePattern, format: '2019' | '2021'): string | undefined {
  return typeof p.key === 'string' ? p.key : p.key[format];
}

/** Table 4's outcome columns belong to the review or the lawsuits the sentence named last. */
function groupKey(key: string, before: string): string | undefined {
  const review = before.lastIndexOf('复议');
  const suit = Math.max(before.lastIndexOf('诉讼'), before.lastIndexOf('起诉'));
  if (review < 0 && suit < 0) return undefined;
  return key.replace('$group', review > suit ? 'review' : 'litigation.sum');
}
