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

/** A page counts as traditional when conversion changes a noticeable share of its Han characters. */
export function detectScript(s: string): Script {
  const sample = s.length > 20000 ? s.slice(0, 20000) : s;
  const han = sample.match(/\p{Script=Han}/gu);
  if (!han || han.length < 10) return 'simplified';
  const conv = toSimplified(sample);
  let changed = 0;
  for (let i = 0; i < sample.length; i++) if (sample[i] !== conv[i]) changed++;
  return changed / han.length > 0.03 ? 'traditional' : 'simplified';
}
