import { MONEY_KEYS, SIGNED_KEYS } from '../form';
import type { OcrToken } from './read-page';

/** What is wrong with a reading's shape, in a finding's words. */
export interface ShapeDoubt {
  zh: string;
  en: string;
}

/**
 * How far the ink's width may stray from the digits read, in digit widths: a digit dropped or doubled by the
 * recogniser moves it by about one; a narrow `1` by up to −0.8 (the ink is tightened, the pitch is not).
 */
const WIDER = 0.85;
const NARROWER = 1.1;

const digits = (s: string) => s.replace(/\D/g, '').length;
/**
 * Digits fewer pixels high than this are not read for sure, whatever the recogniser says (10.5 pt figures scanned under
 * about 110 dpi): it trades a `1` for a `2` there with confidence.
 */
export const MIN_INK_PX = 11;

/**
 * A minus sign stands about half a digit wide: a figure of a signed column read without one, its ink wider than its
 * digits by more than this, may have lost it (faint, or run into the first digit), and `-4` read as `4` is a wrong value
 * no identity of the report catches. Figures read whole stand within about a fifth of a digit of their width.
 */
const LOST_SIGN = 0.35;

/** Separators and the decimal point stand a third to a whole digit wide, as the font has them. */
const SEPARATOR = { narrow: 0.3, wide: 1 };

/**
 * Whether a cell's OCR reading has the shape of one printed figure of its column: read from a single run of ink, no
 * leading zero (`012` is two cells' `0` and `12` run together, not a number), a decimal point only in a money cell, a
 * sign only where the form allows one, and as many digits as the ink is wide (a recogniser may drop or double a
 * digit and still be sure of the rest). A figure of any other shape is not taken, however confident its characters.
 */
export function shapeDoubt(key: string, tokens: OcrToken[]): ShapeDoubt | undefined {
  if (tokens.length === 0) return { zh: '该格没有读成数字的文字', en: 'nothing in the cell was read as a figure' };
  if (tokens.length > 1)
    return { zh: `一格中读出 ${tokens.length} 段文字（${tokens.map((t) => t.str).join('、')}）`, en: `${tokens.length} runs of text read in one cell` };
  const [t] = tokens;
  if (t.inkPx !== undefined && t.inkPx < MIN_INK_PX)
    return { zh: `字迹仅 ${Math.round(t.inkPx)} 像素高，无法确认`, en: `its digits are only ${Math.round(t.inkPx)} pixels high` };
  if (t.misread) return { zh: `识别为字母「${t.misread}」，按数字读作 ${t.str}`, en: `read as the letter "${t.misread}", as a digit ${t.str}` };
  if (t.stray) return { zh: '数字前有杂点', en: 'a stray mark before it' };
  const s = t.str.replace(/[,，]/g, '');
  if (/^-?0\d/.test(s)) return { zh: '以0开头', en: 'it starts with a 0' };
  if (/%/.test(s) || (s.match(/\./g) ?? []).length > (MONEY_KEYS.has(key) ? 1 : 0) || /^\.|\.$/.test(s))
    return { zh: '小数点或百分号不合该栏', en: 'a decimal point or percent sign this column does not have' };
  if (/-/.test(s) && (!SIGNED_KEYS.has(key) || !/^-\d/.test(s))) return { zh: '负号不合该栏', en: 'a minus sign this column does not have' };
  if (t.span !== undefined) {
    const [n, seps] = [digits(t.str), [...t.str].length - digits(t.str)];
    if (t.span > n + seps * SEPARATOR.wide + WIDER || t.span < n + seps * SEPARATOR.narrow - NARROWER)
      return {
        zh: `墨迹宽约 ${Math.round(t.span)} 个数字，读出 ${n} 位`,
        en: `the ink is about ${Math.round(t.span)} digits wide, ${n} digits were read`,
      };
    if (SIGNED_KEYS.has(key) && !s.startsWith('-') && t.span > n + seps * SEPARATOR.wide + LOST_SIGN)
      return { zh: '墨迹比读出的数字宽，可能漏读负号', en: 'the ink is wider than the digits read: a minus sign may have been lost' };
  }
  return undefined;
}

/** The document's digit pitch (ink width per digit over ink height) from its whole numbers read for sure, at least this many. */
const PITCH_SAMPLES = 3;

/**
 * Each figure's width in digits (`span`), at the pitch of the document's own confident figures of two digits or more
 * (a scan is printed in one font); none when too few figures were read for sure to tell the pitch.
 */
export function measureSpans(tokens: OcrToken[]): void {
  const pitches = tokens
    .filter((t) => t.numeric && t.conf >= 0.99 && /^\d{2,}$/.test(t.str) && t.box.h > 0)
    .map((t) => t.box.w / t.box.h / t.str.length)
    .sort((a, b) => a - b);
  if (pitches.length < PITCH_SAMPLES) return;
  const pitch = pitches[Math.floor(pitches.length / 2)];
  for (const t of tokens) if (t.numeric && t.box.h > 0) t.span = Math.round((t.box.w / t.box.h / pitch) * 100) / 100;
}
