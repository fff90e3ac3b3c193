import iconv from 'iconv-lite';
import type { Damage, Repair } from '../types';
import { isHan } from './han';
import { commonHanSet, hanTier, isCommonHan, isNoise, Plausibility } from './plausibility';
import { toSimplified } from './script';

export interface RepairResult {
  text: string;
  repairs: Repair[];
  damage: Damage[];
}

/** A repair must lift the window's mean score by this much (log units per character) to be kept. */
const MIN_GAIN = 1.5;
/** Characters (no punctuation) between two suspect runs that may still belong to one garbled run. */
const MERGE_GAP = 12;
/** Clean characters either side of a suspect run that are scored with it. */
const PAD = 3;

/**
 * Finds runs of improbable characters (kana inside Chinese, rare Han, `?` between Han, U+FFFD,
 * Latin-1 letters) and tries to undo the usual decoding accidents on each: GBK bytes read one byte
 * out of step, UTF-8 read as GBK, GBK read as Latin-1. A repair is kept only when the text around it
 * becomes clearly more plausible; a run that stays noisy is reported as damage, never dropped.
 */
export function repairMojibake(text: string): RepairResult {
  const runs = suspectRuns(text);
  if (runs.length === 0) return { text, repairs: [], damage: [] };
  let context = text;
  for (const r of runs) context = context.slice(0, r.start) + ' '.repeat(r.end - r.start) + context.slice(r.end);
  const model = new Plausibility(context);

  const repairs: Repair[] = [];
  const damage: Damage[] = [];
  let out = '';
  let from = 0;
  for (const run of runs) {
    const best = bestRepair(text, run, model);
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
  return { text: out + text.slice(from), repairs, damage };
}

interface Run {
  start: number;
  end: number;
  /** Holds characters clean text never has (not merely rare ones). */
  noisy: boolean;
}

function suspectAt(text: string, i: number): 'noise' | 'rare' | undefined {
  const c = text[i];
  const x = c.charCodeAt(0);
  // Fast path: ASCII other than `?`, and common characters, are never suspect.
  if ((x < 0x80 && c !== '?' && x > 0x1f) || isCommonHan(c)) return undefined;
  // Latin-1 letters and signs (not the °±×·§ that Chinese text uses) come from GBK read as Latin-1.
  if (isNoise(c) || /[\u00a1-\u00a6\u00a8-\u00af\u00b2-\u00b6\u00b8-\u00d6\u00d8-\u00f6\u00f8-\u00ff]/.test(c)) return 'noise';
  if (c === '?' && (isHan(text[i - 1] ?? '') || isHan(text[i + 1] ?? '') || isHan(text[i + 2] ?? ''))) return 'noise';
  if (isHan(c) && hanTier(simplifyChar(c)) <= -11) return 'rare';
  // GBK's symbol rows (lead bytes A1–A9): what a shifted pair turns into when it is not Han.
  if (/[\u0370-\u04ff\u2160-\u217f\u2460-\u24ff\u2500-\u257f\u3100-\u312f\uff21-\uff5a]/.test(c)) return 'rare';
  return undefined;
}

/** Suspect characters at most 3 apart form a run; a run needs noise or three rare characters. */
function suspectRuns(text: string): Run[] {
  let cur: (Run & { rare: number }) | undefined;
  const runs: (Run & { rare: number })[] = [];
  const common = commonHanSet();
  // Most of a page is markup and ASCII: the regex engine skips it, the loop sees only the rest.
  const SPANS = /[^\t\n\r\x20-\x3e\x40-\x7e]+/g;
  for (let m = SPANS.exec(text); m; m = SPANS.exec(text)) {
    for (let i = m.index; i < m.index + m[0].length; i++) {
      if (common.has(text[i])) continue;
      const s = suspectAt(text, i);
      if (!s) continue;
      if (cur && i - cur.end <= 3 && !/\n/.test(text.slice(cur.end, i))) {
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
    if (last && r.start - last.end <= MERGE_GAP && !/[\s\x21-\x7e，。；：、！？]/.test(text.slice(last.end, r.start))) {
      last.end = r.end;
      last.noisy ||= r.noisy;
    } else merged.push({ ...r });
  }
  return merged;
}

interface Candidate {
  start: number;
  end: number;
  after: string;
  method: string;
  gain: number;
}

/** Tries every method over the run and slightly wider or narrower spans; the best clear gain wins. */
function bestRepair(text: string, run: Run, model: Plausibility): Candidate | undefined {
  const winStart = Math.max(0, run.start - PAD);
  const winEnd = Math.min(text.length, run.end + PAD);
  const baseline = model.mean(text.slice(winStart, winEnd));
  let best: Candidate | undefined;
  // A run may start or end on garbled characters that happen to be common: widen over Han only,
  // so that no digit or punctuation mark is ever swallowed by a repair.
  let lo = run.start;
  while (lo > Math.max(winStart, run.start - 2) && isHan(text[lo - 1])) lo--;
  let hi = run.end;
  while (hi < Math.min(winEnd, run.end + 2) && isHan(text[hi])) hi++;
  for (let start = run.start; start >= lo; start--) {
    for (let end = run.end; end <= hi; end++) {
      const span = text.slice(start, end);
      for (const { method, after } of candidates(span, text[start - 1] ?? '', text[end] ?? '', model)) {
        // Re-pairing bytes never halves a run: a shorter result would be dropping text, not repairing it.
        if (after === span || after.length * 2 < span.length) continue;
        // A small charge per character beyond the run: the narrowest span that explains the noise wins.
        const widened = run.start - start + end - run.end;
        const gain = model.mean(text.slice(winStart, start) + after + text.slice(end, winEnd)) - baseline - 0.2 * widened;
        if (gain >= MIN_GAIN && (!best || gain > best.gain)) best = { start, end, after, method, gain };
      }
    }
  }
  return best;
}

function* candidates(span: string, prev: string, next: string, model: Plausibility): Generator<{ method: string; after: string }> {
  for (const fullwidth of [true, false]) {
    const bytes = gbkBytes(span, fullwidth);
    if (!bytes) continue;
    yield { method: 'gbk-shift', after: decodeShifted(bytes, prev, next, model) };
    yield { method: 'gbk-shift', after: decodeShifted(bytes.slice(1), prev, next, model) };
    yield { method: 'gbk-shift', after: decodeShifted([WILD, ...bytes], prev, next, model) };
    yield { method: 'utf8-as-gbk', after: Buffer.from(bytes.filter((b) => b !== WILD)).toString('utf8') };
  }
  const latin = iconv.encode(span, 'windows-1252');
  if (latin.length === span.length && !latin.some((b, i) => b === 0x3f && span[i] !== '?'))
    yield { method: 'gbk-as-latin1', after: iconv.decode(latin, 'gb18030') };
}

const simplified = new Map<string, string>();
const simplifyChar = (c: string) => {
  let s = simplified.get(c);
  if (s === undefined) simplified.set(c, (s = toSimplified(c)));
  return s;
};

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
    const ch = fullwidth && code > 0x20 && code < 0x7f ? String.fromCharCode(code + 0xfee0) : c;
    const b = iconv.encode(ch, 'gbk');
    if (b.length === 1 && b[0] === 0x3f) return undefined;
    out.push(...b);
  }
  return out;
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

/** Decodes GBK pairs from the first byte on, filling each lost byte with the most plausible choice. */
function decodeShifted(bytes: number[], prev: string, next: string, model: Plausibility): string {
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
