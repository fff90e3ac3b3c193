import * as OpenCC from 'opencc-js/t2cn';
import type { Script } from '../types';

let converter: ((s: string) => string) | undefined;

/**
 * Traditional → simplified (opencc t2cn), offset-aligned with its input. t2cn maps code point to
 * code point, but ~200 rare characters map into the astral planes (`㗲` → `𠵾`), which would change
 * the UTF-16 length: those keep their printed form so `raw` and `text` offsets stay equal.
 */
export function toSimplified(s: string): string {
  converter ??= OpenCC.Converter({ from: 'tw', to: 'cn' });
  const out = converter(s);
  if (out.length === s.length) return out;
  const a = [...s];
  const b = [...out];
  if (a.length !== b.length) return s;
  return b.map((c, i) => (c.length === a[i].length ? c : a[i])).join('');
}

/** Han characters judged: enough to tell the script, few enough to cost nothing. */
const SAMPLE = 3000;

/** A page counts as traditional when conversion changes a noticeable share of its Han characters. */
export function detectScript(s: string): Script {
  let han = '';
  for (const m of s.matchAll(/\p{Script=Han}+/gu)) {
    han += m[0];
    if (han.length >= SAMPLE) break;
  }
  if (han.length < 10) return 'simplified';
  const conv = toSimplified(han);
  let changed = 0;
  for (let i = 0; i < han.length; i++) if (han[i] !== conv[i]) changed++;
  return changed / han.length > 0.03 ? 'traditional' : 'simplified';
}
