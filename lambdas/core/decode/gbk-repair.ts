import iconv from 'iconv-lite';
import type { Damage, Repair } from '../types';
import { isHan } from './han';
import { BIGRAM_BONUS, hanTier, isCommonHan, isNoise, MAX_CHAR_SCORE, MIN_CHAR_SCORE, Plausibility } from './plausibility';
import { simplifyChar } from './script';

export interface RepairResult {
  text: string;
  repairs: Repair[];
  damage: Damage[];
}

/** What a repair cost: characters the plausibility model scored, at most WORK_BASE + WORK_PER_CHAR per character of text, plus one candidate's worth. */
export interface RepairWork {
  scored: number;
}

/** A repair must lift the window's mean score by this much (log units per character) to be kept. */
const MIN_GAIN = 1.5;
/** Characters (no punctuation) between two suspect runs that may still belong to one garbled run. */
const MERGE_GAP = 12;
/** Clean characters either side of a suspect run that are scored with it. */
const PAD = 3;
/**
 * Longest run repaired as one: every candidate repair of a run is scored over the whole run, so
 * runs are cut at this length to keep the repair linear in the text. A real decoding accident
 * resynchronises at the next ASCII byte or line end, well within it; only noise runs longer.
 */
export const MAX_RUN = 256;
/**
 * Repair work (characters scored) allowed per character of the text, plus WORK_BASE: a page with a
 * few garbled runs spends a fraction of it; noise that is suspect from end to end stops being
 * repaired when it is spent, and its remaining runs are flagged as damage, as unrepairable runs are.
 */
export const WORK_PER_CHAR = 1;
export const WORK_BASE = 300_000;

/**
 * Finds runs of improbable characters (kana inside Chinese, rare Han, `?` between Han, U+FFFD,
 * Latin-1 letters) and tries to undo the usual decoding accidents on each: GBK bytes read one byte
 * out of step, UTF-8 read as GBK, GBK read as Latin-1. A repair is kept only when the text around it
 * becomes clearly more plausible; a run that stays noisy is reported as damage, never dropped.
 */
export function repairMojibake(text: string, work: RepairWork = { scored: 0 }): RepairResult {
  const runs = suspectRuns(text);
  if (runs.length === 0) return { text, repairs: [], damage: [] };
  const model = new Plausibility(blankRuns(text, runs));
  const budget = WORK_BASE + WORK_PER_CHAR * text.length;

  const repairs: Repair[] = [];
  const damage: Damage[] = [];
  let out = '';
  let from = 0;
  for (const found of runs) {
    // A repair widened over its neighbours may have taken the start of this run: the rest is what is left.
    if (found.end <= from) continue;
    const run = { ...found, start: Math.max(found.start, from) };
    const best = model.scored < budget ? bestRepair(text, run, model, budget, from) : undefined;
    if (best) {
      out += text.slice(from, best.start);
      repairs.push({ kind: 'mojibake', at: out.length, before: text.slice(best.start, best.end), after: best.after, method: best.method });
      // A partly recoverable run (a lost final byte) keeps its remaining noise flagged.
      if ([...best.after].some(isNoise)) damage.push({ at: out.length, text: best.after });
      out += best.after;
      from = best.end;
    } else if (run.noisy) {
      out += text.slice(from, run.start);
      damage.push({ at: out.length, text: text.slice(run.start, run.end) });
      out += text.slice(run.start, run.end);
      from = run.end;
    }
  }
  work.scored = model.scored;
  return { text: out + text.slice(from), repairs, damage };
}

/** The text with every suspect run blanked out, built in one pass. */
function blankRuns(text: string, runs: Run[]): string {
  const parts: string[] = [];
  let from = 0;
  for (const r of runs) {
    parts.push(text.slice(from, r.start), ' '.repeat(r.end - r.start));
    from = r.end;
  }
  parts.push(text.slice(from));
  return parts.join('');
}

interface Run {
  start: number;
  end: number;
  /** Holds characters clean text never has (not merely rare ones). */
  noisy: boolean;
}

/** Per UTF-16 code unit, what the character alone says (0: not yet known): an array read per character keeps the scan linear and cheap. */
const CLEAN = 1;
const NOISE = 2;
const RARE = 3;
const classOf = new Uint8Array(0x10000);

function classify(c: string): number {
  const x = c.charCodeAt(0);
  // Fast path: ASCII, and common characters, are never suspect (`?` is judged by its neighbours).
  if ((x < 0x80 && x > 0x1f) || isCommonHan(c)) return CLEAN;
  // Latin-1 letters and signs (not the °±×·§ that Chinese text uses) come from GBK read as Latin-1.
  if (isNoise(c) || /[\u00a1-\u00a6\u00a8-\u00af\u00b2-\u00b6\u00b8-\u00d6\u00d8-\u00f6\u00f8-\u00ff]/.test(c)) return NOISE;
  if (isHan(c) && hanTier(simplifyChar(c)) <= -11) return RARE;
  // GBK's symbol rows (lead bytes A1–A9): what a shifted pair turns into when it is not Han.
  if (/[\u0370-\u04ff\u2160-\u217f\u2460-\u24ff\u2500-\u257f\u3100-\u312f\uff21-\uff5a]/.test(c)) return RARE;
  return CLEAN;
}

function suspectAt(text: string, i: number): 'noise' | 'rare' | undefined {
  const c = text[i];
  if (c === '?') return isHan(text[i - 1] ?? '') || isHan(text[i + 1] ?? '') || isHan(text[i + 2] ?? '') ? 'noise' : undefined;
  const x = c.charCodeAt(0);
  // Surrogates are judged as the lone code unit, as before: astral Han is never in the common set.
  const k = (classOf[x] ||= classify(c));
  return k === NOISE ? 'noise' : k === RARE ? 'rare' : undefined;
}

/** Suspect characters at most 3 apart form a run; a run needs noise or three rare characters. */
function suspectRuns(text: string): Run[] {
  let cur: (Run & { rare: number }) | undefined;
  const runs: (Run & { rare: number })[] = [];
  // Most of a page is markup and ASCII: the regex engine skips it, the loop sees only the rest. Matches are
  // bounded: V8 keeps backtracking state per character of a greedy match, and megabytes of it overflow.
  const SPANS = /[^\t\n\r\x20-\x3e\x40-\x7e]{1,65536}/g;
  for (let m = SPANS.exec(text); m; m = SPANS.exec(text)) {
    for (let i = m.index; i < m.index + m[0].length; i++) {
      const s = suspectAt(text, i);
      if (!s) continue;
      if (cur && i - cur.end <= 3 && i - cur.start < MAX_RUN && !hasNewline(text, cur.end, i)) {
        cur.end = i + 1;
      } else {
        if (cur) runs.push(cur);
        cur = { start: i, end: i + 1, noisy: false, rare: 0 };
      }
      if (s === 'noise') cur.noisy = true;
      else cur.rare++;
    }
  }
  if (cur) runs.push(cur);
  const kept = runs.filter((r) => r.noisy || r.rare >= 3).map(({ start, end, noisy }) => ({ start, end, noisy }));
  // Shifted GBK also lands on common characters: two runs with no punctuation between are one run.
  const merged: Run[] = [];
  for (const r of kept) {
    const last = merged[merged.length - 1];
    if (last && r.start - last.end <= MERGE_GAP && r.end - last.start <= MAX_RUN && !/[\s\x21-\x7e，。；：、！？]/.test(text.slice(last.end, r.start))) {
      last.end = r.end;
      last.noisy ||= r.noisy;
    } else merged.push({ ...r });
  }
  return merged;
}

function hasNewline(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 0x0a) return true;
  return false;
}

interface Candidate {
  start: number;
  end: number;
  after: string;
  method: string;
  gain: number;
}

/** Tries every method over the run and slightly wider or narrower spans, never before `floor` (text already repaired); the best clear gain wins. */
function bestRepair(text: string, run: Run, model: Plausibility, budget: number, floor: number): Candidate | undefined {
  const winStart = Math.max(0, run.start - PAD);
  const winEnd = Math.min(text.length, run.end + PAD);
  const baseline = model.mean(text.slice(winStart, winEnd));
  let best: Candidate | undefined;
  // A run may start or end on garbled characters that happen to be common: widen over Han only,
  // so that no digit or punctuation mark is ever swallowed by a repair.
  let lo = run.start;
  while (lo > Math.max(winStart, run.start - 2, floor) && isHan(text[lo - 1])) lo--;
  let hi = run.end;
  while (hi < Math.min(winEnd, run.end + 2) && isHan(text[hi])) hi++;
  for (let start = run.start; start >= lo; start--) {
    for (let end = run.end; end <= hi; end++) {
      const span = text.slice(start, end);
      // A small charge per character beyond the run: the narrowest span that explains the noise wins.
      const widened = run.start - start + end - run.end;
      const gainOf = (after: string) => model.mean(text.slice(winStart, start) + after + text.slice(end, winEnd)) - baseline - 0.2 * widened;
      for (const c of candidates(span)) {
        if (model.scored >= budget) return best;
        const after = c.after ?? c.shifted!.lost;
        // Re-pairing bytes never halves a run: a shorter result would be dropping text, not repairing it.
        if (after === span || after.length * 2 < span.length) continue;
        let gain = gainOf(after);
        if (c.shifted && c.shifted.lostBytes > 0) {
          // Filling a lost byte costs some 190 scorings; try it only when it could lift the gain past the bar:
          // each filled character scores at most MAX_CHAR_SCORE instead of `?`'s MIN_CHAR_SCORE, and lends its neighbour a bigram.
          const windowLength = start - winStart + after.length + winEnd - end;
          const ceiling = gain + (c.shifted.lostBytes * (MAX_CHAR_SCORE - MIN_CHAR_SCORE + BIGRAM_BONUS)) / windowLength;
          if (ceiling < MIN_GAIN || (best && ceiling <= best.gain)) continue;
          const filled = fillLost(c.shifted, text[start - 1] ?? '', text[end] ?? '', model);
          if (filled === span || filled.length * 2 < span.length) continue;
          gain = gainOf(filled);
          if (gain >= MIN_GAIN && (!best || gain > best.gain)) best = { start, end, after: filled, method: c.method, gain };
          continue;
        }
        if (gain >= MIN_GAIN && (!best || gain > best.gain)) best = { start, end, after, method: c.method, gain };
      }
    }
  }
  return best;
}

/** A re-decoding of the run: final (`after`), or GBK pairs with lost bytes still to fill (`shifted`). */
interface Rewrite {
  method: string;
  after?: string;
  shifted?: Shifted;
}

function* candidates(span: string): Generator<Rewrite> {
  for (const fullwidth of [true, false]) {
    const bytes = gbkBytes(span, fullwidth);
    if (!bytes) continue;
    yield { method: 'gbk-shift', shifted: decodeShifted(bytes) };
    yield { method: 'gbk-shift', shifted: decodeShifted(bytes.slice(1)) };
    yield { method: 'gbk-shift', shifted: decodeShifted([WILD, ...bytes]) };
    yield { method: 'utf8-as-gbk', after: Buffer.from(bytes.filter((b) => b !== WILD)).toString('utf8') };
  }
  const latin = iconv.encode(span, 'windows-1252');
  if (latin.length === span.length && !latin.some((b, i) => b === 0x3f && span[i] !== '?'))
    yield { method: 'gbk-as-latin1', after: iconv.decode(latin, 'gb18030') };
}

/** A byte lost in the first bad decode (printed as `?` or U+FFFD). */
const WILD = -1;

/**
 * The run re-encoded as GBK. Scrapers often fold full-width punctuation to ASCII after the bad
 * decode (`！` → `!`), so ASCII may stand for its full-width form's two bytes.
 */
function gbkBytes(span: string, fullwidth: boolean): number[] | undefined {
  const out: number[] = [];
  for (const c of span) {
    if (c === '?' || c === '\ufffd') {
      out.push(WILD);
      continue;
    }
    const code = c.charCodeAt(0);
    const b = gbkOf(fullwidth && code > 0x20 && code < 0x7f ? String.fromCharCode(code + 0xfee0) : c);
    if (!b) return undefined;
    out.push(...b);
  }
  return out;
}

/** Per UTF-16 code unit (undefined: not yet encoded); astral characters are never in GBK's two-byte range. */
const gbkCodes: (number[] | null | undefined)[] = new Array(0x10000);

/** GBK bytes of one character (null when GBK lacks it), memoised: every span of a run re-encodes the same characters. */
function gbkOf(c: string): number[] | null {
  if (c.length !== 1) return encodeGbk(c);
  return (gbkCodes[c.charCodeAt(0)] ??= encodeGbk(c));
}

function encodeGbk(c: string): number[] | null {
  const e = iconv.encode(c, 'gbk');
  return e.length === 1 && e[0] === 0x3f ? null : [...e];
}

const isLead = (b: number) => b >= 0x81 && b <= 0xfe;
const isTrail = (b: number) => b >= 0x40 && b <= 0xfe && b !== 0x7f;

let pairs: string[] | undefined;
/**
 * The character a GBK byte pair decodes to. Filling one lost byte tries some 190 pairs; decoding
 * every pair once, in a single call, costs less than decoding them one by one for a single run.
 */
function gbkPair(lead: number, trail: number): string {
  if (!pairs) {
    const bytes: number[] = [];
    for (let l = 0x81; l <= 0xfe; l++) for (let t = 0x40; t <= 0xfe; t++) bytes.push(l, t, 0x0a);
    // A newline cannot be a trail byte, so each pair decodes on its own even when it is unmapped.
    pairs = iconv.decode(Buffer.from(bytes), 'gbk').split('\n');
  }
  return pairs[(lead - 0x81) * 191 + (trail - 0x40)];
}

/** GBK pairs decoded from the first byte on; pairs with a lost byte are kept apart, read as `?` in `lost`. */
interface Shifted {
  tokens: (string | [number, number])[];
  lost: string;
  lostBytes: number;
}

function decodeShifted(bytes: number[]): Shifted {
  const out: (string | [number, number])[] = [];
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    const n = bytes[i + 1];
    if (b === WILD && n !== undefined && n !== WILD && isTrail(n)) {
      out.push([WILD, n]);
      i++;
    } else if (b === WILD) out.push('?');
    else if (isLead(b) && n === WILD) {
      out.push([b, WILD]);
      i++;
    } else if (isLead(b) && n !== undefined && isTrail(n)) {
      out.push(gbkPair(b, n));
      i++;
    } else if (b < 0x80) out.push(String.fromCharCode(b));
    else out.push('\ufffd');
  }
  const pairs = out.filter((t) => typeof t !== 'string').length;
  return { tokens: out, lost: out.map((t) => (typeof t === 'string' ? t : '?')).join(''), lostBytes: pairs };
}

/** Fills each lost byte with the most plausible choice, judged with its neighbours. */
function fillLost({ tokens: out }: Shifted, prev: string, next: string, model: Plausibility): string {
  return out
    .map((t, i) => {
      if (typeof t === 'string') return t;
      const before = i === 0 ? prev : typeof out[i - 1] === 'string' ? (out[i - 1] as string) : '';
      const after = i === out.length - 1 ? next : typeof out[i + 1] === 'string' ? (out[i + 1] as string) : '';
      return fill(t, before, after, model);
    })
    .join('');
}

/** The character that the lost byte most plausibly completed, judged with its neighbours. */
function fill([lead, trail]: [number, number], before: string, after: string, model: Plausibility): string {
  let best = '?';
  let bestScore = -Infinity;
  for (let x = 0x40; x <= 0xfe; x++) {
    if (lead === WILD ? !isLead(x) : !isTrail(x)) continue;
    const c = lead === WILD ? gbkPair(x, trail) : gbkPair(lead, x);
    // A lost byte inside Chinese prose was almost always half of a Han character.
    if (c.length !== 1 || !isHan(c)) continue;
    const s = simplifyChar(c);
    const a = simplifyChar(after);
    const score = model.char(s, simplifyChar(before)) + (a ? model.char(a, s) - model.char(a) : 0);
    if (score > bestScore) [best, bestScore] = [c, score];
  }
  return best;
}
