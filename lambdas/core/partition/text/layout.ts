import type { Token } from '../pdf/layout';

/**
 * Scraped text as positions: the tools that draw tables with spaces or box characters place every
 * character on a grid of lines and columns, which is what the PDF readers see as points. A column
 * is half an em (`COL`), a line a little less than an em (`PITCH`), so the PDF readers' thresholds
 * (a word gap, a wrapped label's line spacing) mean the same on both.
 */
export const FS = 10;
export const COL = FS / 2;
export const PITCH = 0.8 * FS;

/** One line of the text: where it starts in the document text and which page (form feeds) it is on. */
export interface TextLine {
  text: string;
  start: number;
  /** 1-based; a form feed starts a new page. */
  page: number;
  /** Index of the line within its page. */
  index: number;
}

/** The text's lines with their offsets; a form feed (pdftotext's page break) starts a new page and is not part of a line. */
export function textLines(text: string): TextLine[] {
  const out: TextLine[] = [];
  let page = 1;
  let index = 0;
  for (let start = 0; start <= text.length;) {
    const nl = text.indexOf('\n', start);
    const end = nl < 0 ? text.length : nl;
    let from = start;
    while (text[from] === '\f') {
      page++;
      index = 0;
      from++;
    }
    out.push({ text: text.slice(from, end).replace(/\f/g, ' '), start: from, page, index: index++ });
    start = end + 1;
  }
  return out;
}

/**
 * How a tool counts columns: browsers' text dumps (w3m, lynx) give a CJK character two columns, as
 * a terminal shows it, and on a page in a Chinese legacy encoding also the punctuation East Asian
 * fonts draw wide (`“”`, `…`, `—`: UAX #11's ambiguous characters); `pdftotext -layout` gives every
 * character one.
 */
export type WidthModel = 'display' | 'display-wide' | 'chars';

export const WIDTH_MODELS: WidthModel[] = ['display', 'display-wide', 'chars'];

/** East Asian Wide and Fullwidth characters (UAX #11); ambiguous ones (“”, box drawing) are narrow, as the tools print them. */
const WIDE =
  /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\ud840-\ud8bf][\udc00-\udfff]/;

/** Ambiguous-width punctuation and signs that a CJK locale draws wide (box drawing stays narrow in the tools' tables). */
const AMBIGUOUS =
  /[\u00a7\u00b0\u00b1\u00b7\u00d7\u00f7\u2014-\u2016\u2018-\u201f\u2025\u2026\u2030\u2032\u2033\u203b\u2116\u2121\u2160-\u217f\u2190-\u2193\u2460-\u24ff\u25a0-\u25ff\u2605\u2606]/;

export const charWidth = (ch: string, model: WidthModel) => (model !== 'chars' && (WIDE.test(ch) || (model === 'display-wide' && AMBIGUOUS.test(ch))) ? 2 : 1);

/** A character of a line with its column and its offset in the document text. */
export interface Placed {
  ch: string;
  col: number;
  width: number;
  offset: number;
}

/** The characters of a line with their columns under a width model (tabs to the next multiple of 8). */
export function placeChars(line: TextLine, model: WidthModel): Placed[] {
  const out: Placed[] = [];
  let col = 0;
  let i = 0;
  for (const ch of line.text) {
    const width = ch === '\t' ? 8 - (col % 8) : charWidth(ch, model);
    out.push({ ch, col, width, offset: line.start + i });
    col += width;
    i += ch.length;
  }
  return out;
}

/** Where a tool's text sits for the PDF readers: the y of each line on its page (PDF y grows upward). */
export function pageY(lines: TextLine[]): (l: TextLine) => number {
  const height = new Map<number, number>();
  for (const l of lines) height.set(l.page, Math.max(height.get(l.page) ?? 0, l.index + 1));
  return (l) => (height.get(l.page)! - l.index) * PITCH;
}

/** A page's height in the same units. */
export const pageHeight = (lines: TextLine[], page: number) => lines.filter((l) => l.page === page).length * PITCH + PITCH;

/**
 * The words of a line as PDF text tokens (runs of characters that `isInk` accepts), each its own
 * item so that a gap of two columns or more parts segments as a PDF word gap does. `offsets`
 * records where each token starts in the document, keyed by its position.
 */
export function wordTokens(chars: Placed[], y: number, page: number, isInk: (ch: string) => boolean, offsets: OffsetIndex, item: { next: number }): Token[] {
  const out: Token[] = [];
  let run: Placed[] = [];
  const flush = () => {
    if (run.length === 0) return;
    const x = run[0].col * COL;
    const last = run[run.length - 1];
    const token: Token = { str: run.map((c) => c.ch).join(''), x, x2: (last.col + last.width) * COL, y, fs: FS, page, item: item.next++ };
    offsets.set(page, x, y, run[0].offset);
    out.push(token);
    run = [];
  };
  for (const c of chars) {
    if (isInk(c.ch) && !/\s/.test(c.ch)) run.push(c);
    else flush();
  }
  flush();
  return out;
}

/** Document offsets of tokens by their position: how a cell built from positions finds the character it starts at. */
export class OffsetIndex {
  private readonly at = new Map<string, number>();
  set(page: number, x: number, y: number, offset: number): void {
    this.at.set(`${page}|${x}|${y}`, offset);
  }
  get(page: number | undefined, x: number | undefined, y: number | undefined): number | undefined {
    return page === undefined || x === undefined || y === undefined ? undefined : this.at.get(`${page}|${x}|${y}`);
  }
}
