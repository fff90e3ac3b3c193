import type { PageText } from '../partition/pdf/layout';
import { ruledCells } from '../partition/pdf/ruled';
import type { Rule } from '../partition/pdf/ruling';
import { findSkew } from './deskew';
import { MIN_INK_PX } from './figure-shape';
import type { Box, Engine, Reading } from './engine';
import { binarize, crop, otsu, paperTone, rotate, rotateQuarter, type Gray } from './image';
import { eraseRules, findRules } from './rulings';

/** One page image as the document stores it, and where it lies on the page. */
export interface PageImage {
  page: number;
  image: Gray;
  /** Page size in points. */
  width: number;
  height: number;
  /** Image pixel (x right, y down, origin top-left) → page point (y up, origin bottom-left): [a, b, c, d, e, f] as in PDF. */
  placement: number[];
}

/** A text run as OCR read it, with what the reading is worth. */
export interface OcrToken {
  str: string;
  /** In the page's points (y up): where the evidence panel outlines it. */
  box: { x: number; y: number; w: number; h: number };
  /** The lowest probability among its characters (1 when certain). */
  conf: number;
  /** Read as a figure: digits only, in a table cell. */
  numeric: boolean;
  /** Each character's probability (`conf` is the lowest). */
  chars?: number[];
  /** Each character's runner-up and its probability (a `3` that may be an `8`, a `沭` that may be a `沐`). */
  alt?: { char: string; p: number }[];
  /** For a numeric reading, its ink's height in the scan's pixels: too few, and no reading of it is sure. */
  inkPx?: number;
  /** For a numeric reading, how many digits wide its ink is at the document's digit pitch (`measureSpans`). */
  span?: number;
  /** The letter OCR read alone in a cell, where a figure stands (`str` is its reading over digits). */
  misread?: string;
  /** A separator read before the figure (or after it, alone in its cell) was left out: a speck or a rule's edge, or a digit lost beside it. */
  stray?: boolean;
}

/** An OCR'd page as the PDF path reads pages: positioned text and table rules, in a deskewed frame of points. */
export interface OcrPage {
  text: PageText;
  tokens: OcrToken[];
  /** From the deskewed frame (points, y up) back to the page as stored (points, y up). */
  toPage: (x: number, y: number) => [number, number];
  /** Degrees the page was turned to read it: a quarter turn for a page scanned on its side, then the skew. */
  turned: number;
  skew: number;
}

/** Readings of the form's figures: digits, separators, a sign, a percent sign, and their look-alikes among letters. */
const FIGURE_LIKE = /^[\dOoDQ〇lI|,，.．%-]+$/;
const HAS_DIGIT_LIKE = /[\dOoDQ〇]/;
/** A speck beside a figure reads as a quote mark as often as a point (`"0`); over digits it reads as a separator. */
const SPECK_MARKS = /["'“”‘’]/g;

/**
 * Reads one page image: turned upright (a page on its side by a quarter turn), deskewed (±1.5°), its table rules
 * found by pixel projections and painted out, text boxes detected, each box read, and each table cell that has
 * ink but no box (a lone `0` the detector missed) read too. A token inside a table cell whose reading looks like a
 * figure is read again over digits only, so `O` and `l` cannot stand for `0` and `1` there, and nowhere else.
 */
export async function readPage(p: PageImage, engine: Engine): Promise<OcrPage> {
  const quarter = (await sideways(p.image, engine)) ? await uprightTurn(p.image, engine) : 0;
  const upright = rotateQuarter(p.image, quarter);
  const skew = findSkew(upright);
  const img = rotate(upright, -skew);
  const level = otsu(img);
  const dpi = dpiOf(p);
  const s = 72 / dpi;
  const H = img.height * s;
  // A hairline the scan blurred is as grey as Otsu's level and falls apart there (a column rule over a rough scan's
  // first rows, a row rule broken between two cells): the rules found halfway to the paper's tone mend the level's
  // lattice (findRules says how far).
  const faint = findRules(binarize(img, Math.round((level + paperTone(img, level)) / 2)), img.width, img.height, dpi);
  const pixelRules = findRules(binarize(img, level), img.width, img.height, dpi, faint);
  const rules: Rule[] = pixelRules.map((r) => ({ x1: r.x1 * s, x2: r.x2 * s, y1: H - r.y2 * s, y2: H - r.y1 * s }));
  const clean = eraseRules(img, pixelRules);
  const cells = ruledCells(rules).flat();
  const cellOf = (b: Box) => {
    const [cx, cy] = [(b.x + b.w / 2) * s, H - (b.y + b.h / 2) * s];
    return cells.find((c) => cx >= c.x1 && cx <= c.x2 && cy >= c.y1 && cy <= c.y2);
  };
  const boxes = splitAtRules(await engine.detect(clean), pixelRules)
    .map((b) => tighten(clean, b))
    .filter((b): b is Box => !!b);
  const tokens: OcrToken[] = [];
  const cellOfToken = new Map<OcrToken, ReturnType<typeof cellOf>>();
  const pixelBox = new Map<OcrToken, Box>();
  const overDigits = new Map<OcrToken, Reading>();
  const readBox = async (b: Box) => {
    const read = await engine.recognize(lineCrop(clean, b));
    const inCell = !!cellOf(b);
    const unmarked = read.any.text.replace(SPECK_MARKS, '');
    const numeric = (inCell || HAS_DIGIT_LIKE.test(read.any.text)) && FIGURE_LIKE.test(unmarked) && /\d/.test(read.digits.text);
    // No figure starts with a separator: one read there is a speck or a rule's edge beside the figure.
    const stray = numeric ? (/^[.,]+/.exec(read.digits.text)?.[0].length ?? 0) : 0;
    const r = reading(charsOf(numeric ? read.digits : read.any, stray), numeric);
    // A speck of dust read as a dot or a stroke is no text: nothing but punctuation, smaller than a small character.
    if (!r.str || (!/[\p{L}\p{N}]/u.test(r.str) && Math.max(b.w, b.h) < dpi / DUST_PER_INCH)) return;
    const token: OcrToken = {
      ...r,
      box: { x: b.x * s, y: H - (b.y + b.h) * s, w: b.w * s, h: b.h * s },
      ...(numeric ? { inkPx: b.h } : {}),
      ...(stray || (numeric && unmarked !== read.any.text) ? { stray: true } : {}),
    };
    tokens.push(token);
    cellOfToken.set(token, cellOf(b));
    pixelBox.set(token, b);
    if (inCell && !numeric) overDigits.set(token, read.digits);
  };
  for (const b of boxes) await readBox(b);
  // A cell whose ink the detected boxes mostly miss (no box was found, or one around a stroke or a speck of a lone
  // `0`) is read from its ink, line by line, in place of what those boxes read; a label read for sure is left as read.
  for (const c of cells) {
    const own = tokens.filter((t) => cellOfToken.get(t) === c);
    if (own.some((t) => /\p{Script=Han}/u.test(t.str) && t.conf >= LABEL_SURE)) continue;
    const ink = inkBoxes(clean, c, s, H);
    const seen = own.map((t) => pixelBox.get(t)!);
    if (ink.every((line) => inkShare(clean, line, seen) >= SEEN)) continue;
    for (const t of own) tokens.splice(tokens.indexOf(t), 1);
    for (const b of ink) await readBox(b);
  }
  // In a figure's cell, a reading with no Han character beside the figure is a mark (a seal's stroke, a speck read as
  // `A`): left out, and the figure read beside it is not taken for sure.
  const marks = new Set(
    tokens.filter((t) => {
      const cell = cellOfToken.get(t);
      return cell && !t.numeric && !/\p{Script=Han}/u.test(t.str) && tokens.some((u) => u.numeric && cellOfToken.get(u) === cell);
    }),
  );
  for (const m of marks) for (const t of tokens) if (t.numeric && cellOfToken.get(t) === cellOfToken.get(m)) t.stray = true;
  const kept = tokens.filter((t) => !marks.has(t));
  // Nor ends with a separator, alone in its cell: a row label's numbering (`5.`) shares its cell with the label's words.
  for (const t of kept) {
    const cell = cellOfToken.get(t);
    const end = t.numeric && cell ? (/[.,]+$/.exec(t.str)?.[0].length ?? 0) : 0;
    if (!end || end === t.str.length || kept.some((u) => u !== t && cellOfToken.get(u) === cell)) continue;
    // Its confidence stays the lowest of all it read, the mark's included.
    [t.str, t.alt, t.chars, t.stray] = [t.str.slice(0, -end), t.alt?.slice(0, -end), t.chars?.slice(0, -end), true];
  }
  // A letter alone in a cell, its ink a figure's height (`A` for a faint `4`; a rule's remnant is lower), is a figure
  // misread: its reading over digits stands there, never taken for sure, so the row's other figures keep their
  // columns and an identity or an officer can decide it. So is a Han character read unsure there (`舞` for a blurred
  // `4`) in a row of figures, where a header's character alone in its cell (a wrapped `总` of 总计) stands in a row of
  // labels and a label reads for sure; its ink may be lower (a figure's faint top lost), and a figure of so little ink
  // waits all the same (figure-shape.ts).
  const figuresBeside = (cell: NonNullable<ReturnType<typeof cellOf>>) =>
    kept.some((u) => {
      const other = cellOfToken.get(u);
      return u.numeric && other && other !== cell && (other.y1 + other.y2) / 2 > cell.y1 && (other.y1 + other.y2) / 2 < cell.y2;
    });
  for (const t of kept) {
    const [cell, over, inkPx] = [cellOfToken.get(t), overDigits.get(t), pixelBox.get(t)!.h];
    const digits = over && reading(charsOf(over, 0), true);
    const alone = !kept.some((u) => u !== t && cellOfToken.get(u) === cell);
    const letter = /^[\p{Lu}\p{Ll}]$/u.test(t.str) && inkPx >= MIN_INK_PX;
    const han = /^\p{Script=Han}$/u.test(t.str) && t.conf < LABEL_SURE && !!cell && figuresBeside(cell);
    if (!cell || !digits || !alone || !(letter || han) || !/^\d$/.test(digits.str)) continue;
    Object.assign(t, { ...digits, inkPx, misread: t.str });
  }
  const toPage = pageMapping(p, quarter, skew, img, s);
  const text: PageText = {
    page: p.page,
    width: img.width * s,
    height: H,
    viewport: [1, 0, 0, -1, 0, H],
    items: kept.map((t) => {
      // Font size from the ink's height (a figure's digits stand about 0.7 em high, Han about 0.9 em).
      const fs = t.box.h / (t.numeric ? 0.75 : 0.9);
      return { str: t.str, transform: [fs, 0, 0, fs, t.box.x, t.box.y + t.box.h / 2 - 0.3 * fs], width: t.box.w, height: fs };
    }),
    rules,
  };
  return { text, tokens: kept, toPage, turned: quarter * 90, skew };
}

/** A reading's characters, each with its probability and runner-up: `skip` leading ones left out, spaces at the ends dropped. */
function charsOf(r: Reading, skip: number): { c: string; p: number; alt: { char: string; p: number } }[] {
  const chars = [...r.text].map((c, i) => ({ c, p: r.conf[i], alt: r.alt[i] })).slice(skip);
  while (chars.length && !chars[0].c.trim()) chars.shift();
  while (chars.length && !chars[chars.length - 1].c.trim()) chars.pop();
  return chars;
}

/** A token's text and what its reading is worth, from its characters. */
const reading = (chars: ReturnType<typeof charsOf>, numeric: boolean) => ({
  str: chars.map((x) => x.c).join(''),
  conf: Math.min(...chars.map((x) => x.p)),
  chars: chars.map((x) => x.p),
  numeric,
  alt: chars.map((x) => x.alt),
});

/** A mark smaller than an inch over this (about 4.5 pt) that reads as punctuation alone is a speck, not text. */
const DUST_PER_INCH = 16;

/** Detection at this size tells which way lines run. */
const GLANCE = 960;

/**
 * Whether the page lies on its side: its text boxes stand taller than wide (table rules, which run both ways, and a
 * page's proportions tell nothing).
 */
async function sideways(img: Gray, engine: Engine): Promise<boolean> {
  const boxes = await engine.detect(img, GLANCE);
  const wide = boxes.filter((b) => b.w > 1.5 * b.h).length;
  const tall = boxes.filter((b) => b.h > 1.5 * b.w).length;
  return tall >= 5 && tall > 2 * wide;
}

/** A page on its side is turned a quarter one way or the other: the way whose lines read with more confidence. */
async function uprightTurn(img: Gray, engine: Engine): Promise<number> {
  const score = async (turns: number) => {
    const page = rotateQuarter(img, turns);
    const boxes = (await engine.detect(page)).filter((b) => b.w > 3 * b.h).slice(0, 12);
    let sum = 0;
    for (const b of boxes) {
      const r = (await engine.recognize(crop(page, b.x, b.y, b.w, b.h))).any;
      sum += r.conf.reduce((a, c) => a + c, 0);
    }
    return sum;
  };
  return (await score(1)) >= (await score(3)) ? 1 : 3;
}

/** Pixels per inch of the image as placed on the page. */
function dpiOf(p: PageImage): number {
  // The placement maps the unit square: its first side is the stored image's width, however the page is turned to read.
  const [a, b] = p.placement;
  const ptPerPx = Math.hypot(a, b) / p.image.width;
  return 72 / (ptPerPx || 72 / 200);
}

/** Deskewed-frame points back to the page's points: un-skew, un-turn, then the image's placement. */
function pageMapping(p: PageImage, quarter: number, skew: number, img: Gray, s: number): (x: number, y: number) => [number, number] {
  const t = (-skew * Math.PI) / 180;
  const [cos, sin] = [Math.cos(t), Math.sin(t)];
  const [cx, cy] = [(img.width - 1) / 2, (img.height - 1) / 2];
  const [W, H] = [p.image.width, p.image.height];
  return (x, y) => {
    // Points → deskewed pixels → upright pixels (the inverse of rotate()'s sampling).
    const [px, py] = [x / s, (img.height * s - y) / s];
    const [dx, dy] = [px - cx, py - cy];
    const ux = cx + cos * dx - sin * dy;
    const uy = cy + sin * dx + cos * dy;
    // Upright pixels → the stored image's pixels (rotateQuarter's inverse).
    const k = ((quarter % 4) + 4) % 4;
    const [ix, iy] = k === 0 ? [ux, uy] : k === 1 ? [uy, H - 1 - ux] : k === 2 ? [W - 1 - ux, H - 1 - uy] : [W - 1 - uy, ux];
    const [a, b, c, d, e, f] = p.placement;
    const [u, v] = [ix / W, 1 - iy / H];
    return [a * u + c * v + e, b * u + d * v + f];
  };
}

/** A detected box cut where a vertical rule crosses it: two cells' figures are never one run. */
function splitAtRules(boxes: Box[], rules: { x1: number; y1: number; x2: number; y2: number }[]): Box[] {
  const vs = rules.filter((r) => r.x1 === r.x2);
  return boxes.flatMap((b) => {
    const cuts = vs
      .filter((v) => v.x1 > b.x + 2 && v.x1 < b.x + b.w - 2 && v.y1 <= b.y + b.h / 2 && v.y2 >= b.y + b.h / 2)
      .map((v) => v.x1)
      .sort((a, c) => a - c);
    if (cuts.length === 0) return [b];
    const xs = [b.x, ...cuts, b.x + b.w];
    return xs.slice(1).map((x, i) => ({ x: xs[i], y: b.y, w: x - xs[i], h: b.h }));
  });
}

/** Darker than this counts as ink inside a box or cell (the page's paper is near white once rules are painted out). */
const INK = 150;

/** A box shrunk to the ink inside it; undefined when it holds none. */
function tighten(img: Gray, b: Box): Box | undefined {
  const x0 = Math.max(0, Math.floor(b.x));
  const y0 = Math.max(0, Math.floor(b.y));
  const x1 = Math.min(img.width - 1, Math.ceil(b.x + b.w));
  const y1 = Math.min(img.height - 1, Math.ceil(b.y + b.h));
  let [l, t, r, bo, n] = [x1, y1, x0, y0, 0];
  for (let y = y0; y <= y1; y++)
    for (let x = x0; x <= x1; x++)
      if (img.data[y * img.width + x] < INK) {
        [l, t, r, bo] = [Math.min(l, x), Math.min(t, y), Math.max(r, x), Math.max(bo, y)];
        n++;
      }
  if (n < 6) return undefined;
  return { x: l, y: t, w: r - l + 1, h: bo - t + 1 };
}

/** Rows lighter than ink inside one line of it, in points: lines of text stand three points apart or more. */
const FADE_PT = 1;

/**
 * The ink of a ruled cell as boxes (one per line of ink): a lone figure the detector missed. Specks of dust are not
 * characters: a line of ink must stand a third of the cell's height or 6 pt high.
 */
function inkBoxes(img: Gray, c: { x1: number; x2: number; y1: number; y2: number }, s: number, H: number): Box[] {
  const margin = 4;
  const [x0, x1] = [Math.ceil(c.x1 / s) + margin, Math.floor(c.x2 / s) - margin];
  const [y0, y1] = [Math.ceil((H - c.y2) / s) + margin, Math.floor((H - c.y1) / s) - margin];
  if (x1 <= x0 || y1 <= y0) return [];
  const rows = new Int32Array(y1 - y0 + 1);
  for (let y = y0; y <= y1; y++) for (let x = x0; x <= x1; x++) if (img.data[y * img.width + x] < INK) rows[y - y0]++;
  const minHeight = Math.min((y1 - y0) / 3, 6 / s);
  const fade = Math.max(1, Math.round(FADE_PT / s));
  const out: Box[] = [];
  for (let i = 0; i < rows.length;) {
    if (rows[i] === 0) {
      i++;
      continue;
    }
    let j = i;
    // A stroke a blur left lighter than ink for a row or two (a `2`'s diagonal) does not cut its figure in two.
    for (let k = j + 1; k < rows.length && k - j <= fade + 1; k++) if (rows[k] > 0) j = k;
    if (j - i + 1 >= minHeight) {
      const b = tighten(img, { x: x0, y: y0 + i, w: x1 - x0, h: j - i + 1 });
      if (b) out.push(b);
    }
    i = j + 1;
  }
  return out;
}

/** A label read at least this surely was boxed whole: its cell is not read again from its ink (a speck read as `中` is not so sure). */
const LABEL_SURE = 0.9;

/** A figure's ink is seen when detection boxed this share of it: a box around one stroke of a `0` holds less. */
const SEEN = 0.6;

/** The share of a line's ink inside the boxes (none: 1). */
function inkShare(img: Gray, line: Box, boxes: Box[]): number {
  let [all, inside] = [0, 0];
  for (let y = line.y; y < line.y + line.h; y++)
    for (let x = line.x; x < line.x + line.w; x++) {
      if (img.data[y * img.width + x] >= INK) continue;
      all++;
      if (boxes.some((b) => x >= b.x && x < b.x + b.w && y >= b.y && y < b.y + b.h)) inside++;
    }
  return all ? inside / all : 1;
}

/** The box with paper around it, as the recogniser was trained on lines with a margin. */
function lineCrop(img: Gray, b: Box): Gray {
  const padY = Math.max(2, Math.round(b.h * 0.25));
  const padX = Math.max(3, Math.round(b.h * 0.4));
  const c = crop(img, b.x - padX, b.y - padY, b.w + 2 * padX, b.h + 2 * padY);
  return c;
}
