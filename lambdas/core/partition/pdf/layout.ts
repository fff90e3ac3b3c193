import { fixRadicals } from './radicals';
import type { Rule } from './ruling';

/** A run of text as pdf.js placed it: one word or CJK run, split at whitespace. PDF points, origin bottom-left. */
export interface Token {
  str: string;
  x: number;
  x2: number;
  /** Baseline; for vertical text, the top of the run. */
  y: number;
  /** Font size (the text matrix scale). */
  fs: number;
  page: number;
  /** Index of the pdf.js item it came from: parts of one item are one run of text. */
  item: number;
  /** Bottom of a vertical (top-to-bottom) run; absent for horizontal text. */
  yBottom?: number;
}

/** Tokens of one line that sit close together: a label, a number, a header fragment. */
export interface Segment {
  text: string;
  raw: string;
  x: number;
  x2: number;
  y: number;
  fs: number;
  parts: Token[];
}

/** One visual line (a y-band) of a page, or one vertical run. `top`/`bottom` order lines across the whole document. */
export interface Line {
  page: number;
  y: number;
  top: number;
  bottom: number;
  fs: number;
  segs: Segment[];
  vertical: boolean;
}

export interface PageText {
  page: number;
  /** Size of the page as displayed (after /Rotate and the crop box). */
  width: number;
  height: number;
  /** pdf.js viewport transform at scale 1: user space to the displayed page, y down. Identity-like when absent. */
  viewport?: number[];
  /** Raw pdf.js text items: str, transform, width, height, dir. */
  items: { str: string; transform: number[]; width: number; height: number; dir?: string }[];
  /** Table rules drawn on the page (empty when it has none or was not read for them). */
  rules?: Rule[];
}

/** 2×3 affine product `m1 · m2`, as pdf.js writes matrices. */
export const multiply = (m1: number[], m2: number[]) => [
  m1[0] * m2[0] + m1[2] * m2[1],
  m1[1] * m2[0] + m1[3] * m2[1],
  m1[0] * m2[2] + m1[2] * m2[3],
  m1[1] * m2[2] + m1[3] * m2[3],
  m1[0] * m2[4] + m1[2] * m2[5] + m1[4],
  m1[1] * m2[4] + m1[3] * m2[5] + m1[5],
];

/** Pages are stacked in one document-wide coordinate that grows downward, so rows on different pages never look adjacent. */
const PAGE_STRIDE = 100_000;
export const docTop = (page: number, height: number, y: number) => page * PAGE_STRIDE + (height - y);

export function pageTokens(p: PageText): Token[] {
  const out: Token[] = [];
  const view = p.viewport ?? [1, 0, 0, -1, 0, p.height];
  const recent: { str: string; x: number; y: number }[] = [];
  for (const [item, it] of p.items.entries()) {
    if (!it.str || !/\S/.test(it.str)) continue;
    // Into displayed-page coordinates (rotated pages upright, crop offset gone), then back to y up.
    const [a, b, c, d, x, yDown] = multiply(view, it.transform);
    const y = p.height - yDown;
    const fs = Math.hypot(c, d) || it.height || 10;
    // Synthetic bold (wkhtmltopdf, Qt) draws a run twice a fraction of a point apart: the text is printed once.
    if (recent.some((r) => r.str === it.str && Math.abs(r.y - y) < 0.05 * fs && Math.abs(r.x - x) < 0.15 * fs)) continue;
    recent.push({ str: it.str, x, y });
    if (recent.length > 4) recent.shift();
    const str = fixRadicals(it.str);
    // Text that does not run left to right on the displayed page: a vertical label, one run.
    if (it.dir === 'ttb' || Math.abs(b) > Math.abs(a)) {
      const up = b < 0; // runs bottom to top
      const length = it.dir === 'ttb' ? it.height || fs : it.width;
      const top = up ? y + length : y;
      out.push({ str: str.replace(/\s+/g, ''), x, x2: x + (it.dir === 'ttb' ? it.width || fs : fs), y: top, fs, page: p.page, item, yBottom: top - length });
      continue;
    }
    // Split at inner whitespace, placing each part by its share of the characters.
    const perChar = it.width / Math.max(1, str.length);
    const re = /\S+/g;
    for (let m = re.exec(str); m; m = re.exec(str)) {
      const at = x + m.index * perChar;
      out.push({ str: m[0], x: at, x2: at + m[0].length * perChar, y, fs, page: p.page, item });
    }
  }
  return out;
}

/** `（三）`, `三、`, `1.`, `2、`: the start of a new label, never the continuation of a wrapped one. */
export const NUMBERED = /^(?:[（(][一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+[、．.]|\d+\s*[.、．](?!\d))/;

const NUMERIC = /^[-+]?\d[\d,，]*(?:\.\d+)?(?:%|‰|元|万元)?$/;
/** A printed value: a number (with thousands separators, decimals, a percent or money unit). */
export const isNumeric = (s: string) => NUMERIC.test(s);

/** Groups a page's tokens into y-bands and each band into segments separated by column-sized gaps. */
export function pageLines(tokens: Token[], height: number): Line[] {
  const lines: Line[] = [];
  const horizontal = tokens.filter((t) => t.yBottom === undefined).sort((a, b) => b.y - a.y || a.x - b.x);
  let band: Token[] = [];
  const flush = () => {
    if (band.length) lines.push(toLine(band, height));
    band = [];
  };
  for (const t of horizontal) {
    const ref = band[0];
    if (ref && ref.y - t.y > 0.4 * Math.min(ref.fs, t.fs)) flush();
    band.push(t);
  }
  flush();
  for (const t of tokens) {
    if (t.yBottom === undefined) continue;
    const seg: Segment = { text: t.str, raw: t.str, x: t.x, x2: t.x2, y: t.y, fs: t.fs, parts: [t] };
    lines.push({ page: t.page, y: t.y, top: docTop(t.page, height, t.y), bottom: docTop(t.page, height, t.yBottom), fs: t.fs, segs: [seg], vertical: true });
  }
  return lines.sort((a, b) => a.top - b.top);
}

function toLine(band: Token[], height: number): Line {
  const ts = band.sort((a, b) => a.x - b.x);
  const segs: Segment[] = [];
  let cur: Token[] = [];
  const flush = () => {
    if (cur.length) segs.push(toSegment(cur));
    cur = [];
  };
  for (const [i, t] of ts.entries()) {
    const prev = cur[cur.length - 1];
    if (prev) {
      const gap = t.x - prev.x2;
      const fs = Math.max(prev.fs, t.fs);
      const numbers = isNumeric(prev.str) && isNumeric(t.str);
      // Adjacent numbers are separate cells even when close, and so is a numbered label after a narrow cell
      // (`（三）不 4.保护…`); other text runs merge across word gaps and never split inside one item.
      if (
        (gap > 0.9 * fs && (prev.item !== t.item || numbers)) ||
        (gap > 0.2 * fs && (numbers || (NUMBERED.test(t.str) && !isNumeric(prev.str)) || cellFigure(prev, t, ts[i + 1])))
      )
        flush();
    }
    cur.push(t);
  }
  flush();
  const y = Math.max(...ts.map((t) => t.y));
  const top = docTop(ts[0].page, height, y);
  return { page: ts[0].page, y, top, bottom: top, fs: Math.max(...ts.map((t) => t.fs)), segs, vertical: false };
}

/**
 * A figure set a little apart from the label before it and a cell's gap before the next text is a cell of its
 * own: a narrow label column leaves little room (`3.补 9    0    0`). A figure in a sentence (`共 249 条`)
 * has words right after it, and one at the line's end may end a sentence: both stay in their segment.
 */
function cellFigure(prev: Token, t: Token, next: Token | undefined): boolean {
  return isNumeric(t.str) && !isNumeric(prev.str) && next !== undefined && next.x - t.x2 > 0.9 * Math.max(t.fs, next.fs);
}

export function toSegment(ts: Token[]): Segment {
  let raw = ts[0].str;
  for (let i = 1; i < ts.length; i++) raw += (ts[i].x - ts[i - 1].x2 > 0.2 * Math.max(ts[i].fs, ts[i - 1].fs) ? ' ' : '') + ts[i].str;
  return { text: joinCjk(raw), raw, x: ts[0].x, x2: ts[ts.length - 1].x2, y: ts[0].y, fs: Math.max(...ts.map((t) => t.fs)), parts: ts };
}

/** Drops the spaces WPS leaves inside CJK runs (`情 形`, `总 计`); spaces between Latin words or numbers stay. */
export function joinCjk(s: string): string {
  return s
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/(?<=[^\x00-\x7f]) (?=[^\x00-\x7f])/g, '');
}

export const lineText = (l: Line) => l.segs.map((s) => s.text).join(' ');

const PAGE_MARK = /^(?:[-—–－_]+\s*\d{1,4}\s*[-—–－_]+|第\s*\d{1,4}\s*页(?:\s*[，,/]?\s*共\s*\d+\s*页)?|\d{1,4}\s*\/\s*\d{1,4}|page\s*\d+(?:\s*of\s*\d+)?)$/i;

/** `-3-`, `— 3 —`, `第3页`, `第 3 页 共 5 页`, `3/5`; a bare number only when it is this page's number (a lone figure may be a table value). */
const isPageNumber = (text: string, page: number) => PAGE_MARK.test(text) || (/^\d{1,4}$/.test(text) && Number(text) === page);

/**
 * Page furniture: page numbers in the top or bottom margin, and margin lines that repeat on most pages
 * (running headers). They would otherwise split tables and prose that continue across pages.
 */
export function dropFurniture(pages: { lines: Line[]; height: number }[]): void {
  const margin = (l: Line, h: number) => l.y < 0.1 * h || l.y > 0.9 * h;
  const seen = new Map<string, number>();
  // Digits masked, so `第3页` and `第4页` repeat; lines of figures only are table rows, never headers.
  const key = (l: Line) => lineText(l).replace(/\d+/g, '#');
  const text = (l: Line) => /[^#\s.,]/.test(key(l));
  for (const p of pages) for (const k of new Set(p.lines.filter((l) => margin(l, p.height) && text(l)).map(key))) seen.set(k, (seen.get(k) ?? 0) + 1);
  const repeated = (l: Line) => pages.length >= 3 && text(l) && (seen.get(key(l)) ?? 0) >= Math.max(2, pages.length / 2);
  for (const p of pages) {
    p.lines = p.lines.filter((l) => !(margin(l, p.height) && (isPageNumber(lineText(l).replace(/\s+/g, ' ').trim(), l.page) || repeated(l))));
    // A page mark sharing its y-band with a table row at the page's foot (`-2-` beside `2.重复申请 0 0 …`).
    for (const l of p.lines) if (margin(l, p.height) && l.segs.length > 1) l.segs = l.segs.filter((s) => !PAGE_MARK.test(s.text));
  }
}
