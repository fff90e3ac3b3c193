import type { OcrToken } from './read-page';
import { ACCEPT } from './review';

/** A reading of another character this likely, anywhere the name is printed, contradicts the name as read. */
const CONTRARY = 0.5;
/** Names shorter than this are not looked for (a one-character difference would match other words). */
const MIN_NAME = 4;

/** What OCR's readings say of an agency name taken from a scan's title. */
export type AgencyCheck = { agency: string } | { doubt: { readings: string[]; at: number[] } };

/**
 * The agency's name as a scan prints it, checked against every place OCR read it (the title, the 发布机构 header, the
 * 落款, the text: each printing of the name, or of it with one character different, in one run of text). Each
 * character must be read with confidence in at least one of them, and read otherwise with some likelihood in none;
 * where the title's reading is unsure but another printing reads the character surely, that printing's character
 * stands. Otherwise the name is in doubt: the readings are returned, never a guess between them.
 */
export function checkAgency(agency: string, tokens: OcrToken[]): AgencyCheck {
  const name = [...agency];
  if (name.length < MIN_NAME) return { agency };
  const mentions = tokens.flatMap((t) => mentionsIn(t, name));
  if (mentions.length === 0) return { agency };
  const chosen: string[] = [];
  const doubtful: number[] = [];
  name.forEach((c, k) => {
    const sure = new Set(mentions.filter((m) => m[k].p >= ACCEPT).map((m) => m[k].c));
    const contrary = (x: string) =>
      mentions.some((m) => (m[k].c !== x && m[k].p >= CONTRARY) || (m[k].alt.char && m[k].alt.char !== x && m[k].alt.p >= CONTRARY));
    const [only] = sure;
    if (sure.size === 1 && !contrary(only)) chosen.push(only);
    else {
      chosen.push(c);
      doubtful.push(k);
    }
  });
  if (doubtful.length === 0) return { agency: chosen.join('') };
  const readings = [...new Set(mentions.map((m) => m.map((x) => x.c).join('')))].sort((a, b) => count(mentions, b) - count(mentions, a));
  return { doubt: { readings, at: doubtful } };
}

type Mention = { c: string; p: number; alt: { char: string; p: number } }[];

const count = (mentions: Mention[], s: string) => mentions.filter((m) => m.map((x) => x.c).join('') === s).length;

/** The places a token's text prints the name, or the name with one character different, character by character. */
function mentionsIn(t: OcrToken, name: string[]): Mention[] {
  const chars = [...t.str];
  const out: Mention[] = [];
  for (let i = 0; i + name.length <= chars.length; i++) {
    const differs = name.filter((c, k) => chars[i + k] !== c).length;
    if (differs > 1) continue;
    out.push(name.map((_, k) => ({ c: chars[i + k], p: t.chars?.[i + k] ?? t.conf, alt: t.alt?.[i + k] ?? { char: '', p: 0 } })));
  }
  return out;
}
