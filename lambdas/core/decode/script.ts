import * as OpenCC from 'opencc-js/t2cn';
import type { Script } from '../types';
import { HAN_RUN } from './han';

let converter: ((s: string) => string) | undefined;

/**
 * Traditional → simplified (opencc t2cn), offset-aligned with its input. t2cn maps code point to
 * code point, but ~200 rare characters map into the astral planes (`㗲` → `𠵾`), which would change
 * the UTF-16 length: those keep their printed form so `raw` and `text` offsets stay equal.
 */
export function toSimplified(s: string): string {
  // Markup and Latin text have nothing to convert, and on a Word page they are most of the bytes.
  // Runs bounded (conversion is per character): an unbounded greedy match over megabytes overflows V8's regex stack.
  return s.replace(/[^\x00-\x7f]{1,65536}/g, convertRun);
}

/** Per UTF-16 code unit: the repair scores the same characters many times over, and an array index is cheaper than a string hash. */
const simplifiedChars: (string | undefined)[] = new Array(0x10000);

/** One character converted on its own, memoised (BMP characters; astral ones are converted each time). */
export function simplifyChar(c: string): string {
  if (c.length !== 1) return toSimplified(c);
  const code = c.charCodeAt(0);
  return (simplifiedChars[code] ??= toSimplified(c));
}

function convertRun(run: string): string {
  converter ??= OpenCC.Converter({ from: 'tw', to: 'cn' });
  const out = converter(run);
  if (out.length === run.length) return out;
  const a = [...run];
  const b = [...out];
  if (a.length !== b.length) return run;
  return b.map((c, i) => (c.length === a[i].length ? c : a[i])).join('');
}

/** Han characters judged: enough to tell the script, few enough to cost nothing. */
const SAMPLE = 1500;

/**
 * A page counts as traditional when conversion changes a noticeable share of its first Han
 * characters, each converted on its own (memoised): a phrase-level conversion changes the same
 * characters but for a rare few, far from the threshold either way.
 */
export function detectScript(s: string): Script {
  let han = 0;
  let changed = 0;
  for (const [run] of s.matchAll(HAN_RUN)) {
    for (const c of run) if (simplifyChar(c) !== c) changed++;
    han += run.length;
    if (han >= SAMPLE) break;
  }
  if (han < 10) return 'simplified';
  return changed / han > 0.03 ? 'traditional' : 'simplified';
}
