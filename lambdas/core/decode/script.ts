import * as OpenCC from 'opencc-js/t2cn';
import type { Script } from '../types';

let converter: ((s: string) => string) | undefined;

/** Traditional → simplified (opencc t2cn, 1:1 per character, so offsets stay aligned). */
export function toSimplified(s: string): string {
  converter ??= OpenCC.Converter({ from: 'tw', to: 'cn' });
  return converter(s);
}

/** A page counts as traditional when conversion changes a noticeable share of its Han characters. */
export function detectScript(s: string): Script {
  const sample = s.length > 20000 ? s.slice(0, 20000) : s;
  const han = sample.match(/\p{Script=Han}/gu);
  if (!han || han.length < 10) return 'simplified';
  const conv = toSimplified(sample);
  let changed = 0;
  for (let i = 0; i < sample.length && i < conv.length; i++) if (sample[i] !== conv[i]) changed++;
  return changed / han.length > 0.03 ? 'traditional' : 'simplified';
}
