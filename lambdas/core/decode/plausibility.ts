import iconv from 'iconv-lite';
import { COMMON_CHARS, COMMON_WORDS } from './common-chars';
import { HAN_RUN, isHan } from './han';
import { simplifyChar } from './script';

/**
 * A character-level plausibility score for Chinese text: a log-probability per character from tiers
 * (common list > GB2312 level 1 > level 2 > other Han > kana, `?`, U+FFFD), lifted for characters and
 * bigrams the rest of the document uses. Shifted-byte noise lands on rare characters and kana, real
 * text on common ones, so comparing mean scores tells a repair from damage.
 */
export class Plausibility {
  private readonly unigrams = new Map<string, number>();
  /** Han pairs the document or the common words use: BMP pairs as one number (no string built per lookup), astral ones as strings. */
  private readonly bigrams = new Set<number | string>();
  /** Unigram score per BMP character (NaN: not yet computed): a page asks for the same few thousand characters again and again. */
  private readonly base = new Float64Array(0x10000).fill(NaN);
  /** Characters scored so far: the work the repair spends, which its budget bounds. */
  scored = 0;

  /** `context`: the document with the suspect spans blanked out, so noise never vouches for itself. */
  constructor(context: string) {
    // Only Han counts and Han pairs are ever asked for, so markup and Latin text are never walked.
    for (const [run] of context.matchAll(HAN_RUN)) {
      let prev = '';
      // Per character, memoised: the model scores characters one by one, so it learns them the same way.
      for (const raw of run) {
        const c = simplifyChar(raw);
        this.unigrams.set(c, (this.unigrams.get(c) ?? 0) + 1);
        if (prev) this.bigrams.add(pairKey(prev, c));
        prev = c;
      }
    }
    for (const w of COMMON_WORDS) for (let i = 1; i < w.length; i++) this.bigrams.add(pairKey(w[i - 1], w[i]));
  }

  /** Log-probability of one simplified character, given the one before it. */
  char(c: string, prev = ''): number {
    this.scored++;
    const code = c.length === 1 ? c.charCodeAt(0) : -1;
    let p = code >= 0 ? this.base[code] : NaN;
    if (Number.isNaN(p)) {
      p = tier(c);
      // The document's own vocabulary is the best local model: frequent there, plausible here.
      const n = this.unigrams.get(c) ?? 0;
      if (isHan(c) && n >= 2) p = Math.max(p, -3 - 2 / n);
      if (code >= 0) this.base[code] = p;
    }
    if (prev && this.bigrams.has(pairKey(prev, c)) && isHan(c) && isHan(prev)) p += BIGRAM_BONUS;
    return p;
  }

  /** Mean score per character (each converted to simplified first: traditional script is not noise). */
  mean(text: string): number {
    let sum = 0;
    let n = 0;
    let prev = '';
    for (const raw of text) {
      const c = raw.charCodeAt(0) < 0x80 ? raw : simplifyChar(raw);
      sum += this.char(c, prev);
      prev = c;
      n++;
    }
    return n === 0 ? 0 : sum / n;
  }
}

const pairKey = (a: string, b: string): number | string => (a.length === 1 && b.length === 1 ? a.charCodeAt(0) * 0x10000 + b.charCodeAt(0) : a + b);

/** What a bigram the document (or the common words) uses adds to a character's score. */
export const BIGRAM_BONUS = 6;
/**
 * The most one character can score (a document word's character, -3 - 2/n, plus the bigram bonus)
 * and the least (noise, `?`): bounds on what changing one character can do to a mean.
 */
export const MAX_CHAR_SCORE = -3 + BIGRAM_BONUS;
export const MIN_CHAR_SCORE = -15;

const RANK = new Map<string, number>();
for (const c of COMMON_CHARS) if (!RANK.has(c)) RANK.set(c, RANK.size);

/** Characters that do not occur in clean Chinese text: kana, replacement, private use, controls. */
export function isNoise(c: string): boolean {
  const x = c.charCodeAt(0);
  return (x >= 0x3040 && x <= 0x30ff) || x === 0xfffd || (x >= 0xe000 && x <= 0xf8ff) || x <= 0x08 || (x >= 0x0e && x <= 0x1f);
}

function tier(c: string): number {
  const rank = RANK.get(c);
  if (rank !== undefined) return -4 - rank / 400;
  if (isHan(c)) return hanTier(c);
  if (isNoise(c)) return -15;
  if (c === '?') return -15;
  if (/[\u3000-\u303f\uff00-\uffef“”‘’—…·]/.test(c)) return -4;
  if (/[0-9A-Za-z\s]/.test(c)) return -6;
  return -8;
}

/** GB2312 level 1 (lead byte B0–D7) holds the 3755 common characters, level 2 (D8–F7) the rarer ones. */
export function hanTier(c: string): number {
  const { level1, level2 } = gb2312Levels();
  return level1.has(c) ? -8 : level2.has(c) ? -11 : -13;
}

let levels: { level1: Set<string>; level2: Set<string> } | undefined;

/** Both levels decoded once, in one call, instead of encoding every character of every page. */
function gb2312Levels() {
  if (levels) return levels;
  const level = (from: number, to: number) => {
    const bytes: number[] = [];
    for (let lead = from; lead <= to; lead++) for (let trail = 0xa1; trail <= 0xfe; trail++) bytes.push(lead, trail);
    return new Set([...iconv.decode(Buffer.from(bytes), 'gbk')].filter((c) => isHan(c)));
  };
  levels = { level1: level(0xb0, 0xd7), level2: level(0xd8, 0xf7) };
  return levels;
}

export const isCommonHan = (c: string) => gb2312Levels().level1.has(c);
