/**
 * Scans of the generated PDF samples (samples/pdf/), made on demand: the pages rasterised by poppler's `pdftoppm` at
 * the scan's resolution, then degraded as flatbed scans and phone copies are (skew, paper tone, noise, dust, blur, a
 * red seal over the table, a page scanned on its side), JPEG-compressed and wrapped into an image-only PDF, one image
 * per page. Every degradation comes from a PRNG seeded by the scan's id: the same scan gives the same bytes.
 *
 * `npx tsx scripts/generate/render-scan.ts [DIR] [--held-out]` writes every level of every source with its labels into
 * DIR (default `.local/scans/`, for `npm run eval -- .local/scans`: the table per level) and the one scan `npm start`
 * ingests into samples/scan/; `--held-out`, the other samples' scans instead. The OCR tests render the pages they read with `scanPdf` instead of committing images.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import * as jpeg from 'jpeg-js';
import { rotate, rotateQuarter, type Gray } from '../../lambdas/core/ocr/image';
import { imagePdf } from '../../lambdas/core/ocr/image-pdf';
import { Random } from './random';

const ROOT = resolve(__dirname, '../..');
const SAMPLES = join(ROOT, 'samples');
/** Where every level is written by default. */
const OUT = join(ROOT, '.local', 'scans');
/** The one scan `npm start` ingests with the other samples (samples/scan/). */
export const SAMPLE_SCAN = 'gen-2021-scan-cid-flatbed';

/** How one scan is made: the noise levels of the scorer's table. */
export interface ScanLevel {
  name: string;
  dpi: number;
  /** Largest skew, degrees (the page is turned by a seeded amount within ±skew). */
  skew: number;
  /** Standard deviation of the Gaussian grain, grey levels. */
  noise: number;
  /** Box-blur passes (each about 0.6 px of Gaussian blur). */
  blur: number;
  jpegQuality: number;
  dust: number;
  /** A red seal printed over the table (the scan is kept in colour). */
  stamp?: boolean;
  /** Scanned on its side: turned by a quarter. */
  sideways?: boolean;
}

export const SCAN_LEVELS: ScanLevel[] = [
  { name: 'clean', dpi: 200, skew: 0, noise: 0, blur: 0, jpegQuality: 80, dust: 0 },
  { name: 'flatbed', dpi: 200, skew: 1, noise: 10, blur: 1, jpegQuality: 70, dust: 40 },
  { name: 'rough', dpi: 150, skew: 1.5, noise: 16, blur: 2, jpegQuality: 55, dust: 80 },
  { name: 'stamp', dpi: 150, skew: 0.6, noise: 6, blur: 1, jpegQuality: 75, dust: 20, stamp: true },
  { name: 'sideways', dpi: 200, skew: 0.8, noise: 6, blur: 1, jpegQuality: 70, dust: 30, sideways: true },
];

/** The generated PDFs scanned, and at which levels (each scan is a few pages: tests OCR a handful, not dozens). */
export const SCAN_SOURCES: { from: string; levels: string[] }[] = [
  { from: 'gen-2021-pdf-cid', levels: ['clean', 'flatbed', 'rough', 'stamp', 'sideways'] },
  { from: 'gen-2019-pdf-sparse-chromium', levels: ['flatbed'] },
];

/** Pages of a PDF (1-based `pages`, else all) as grey or colour pixels at `dpi` (poppler's pdftoppm, PGM or PPM). */
function rasterise(pdf: string, dpi: number, colour: boolean, pages?: number[]): { width: number; height: number; data: Uint8Array; channels: number }[] {
  const dir = mkdtempSync(join(tmpdir(), 'ogi-scan-'));
  try {
    const range = (n: number) => ['-f', String(n), '-l', String(n)];
    for (const n of pages ?? [0])
      execFileSync('pdftoppm', ['-r', String(dpi), ...(colour ? [] : ['-gray']), ...(pages ? range(n) : []), pdf, join(dir, `p${String(n).padStart(3, '0')}`)]);
    return readdirSync(dir)
      .sort()
      .map((f) => readNetpbm(readFileSync(join(dir, f))));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A binary PGM (P5) or PPM (P6) image. */
function readNetpbm(b: Buffer): { width: number; height: number; data: Uint8Array; channels: number } {
  const header = b.subarray(0, 64).toString('latin1');
  const m = /^(P[56])\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(header);
  if (!m) throw new Error('not a binary PGM/PPM');
  const [, kind, w, h] = m;
  return { width: Number(w), height: Number(h), channels: kind === 'P6' ? 3 : 1, data: new Uint8Array(b.subarray(m[0].length)) };
}

/** Standard normal by Box–Muller. */
const gauss = (r: Random) => Math.sqrt(-2 * Math.log(1 - r.next())) * Math.cos(2 * Math.PI * r.next());

/** One channel plane degraded: turned, paper tone, blur, grain, dust. */
function degradePlane(plane: Gray, level: ScanLevel, skew: number, seed: number, paper: number): Gray {
  let img = rotate(plane, skew);
  const r = new Random(seed);
  for (let i = 0; i < level.blur; i++) img = boxBlur(img);
  const data = new Uint8Array(img.data.length);
  for (let i = 0; i < data.length; i++) {
    const v = (img.data[i] * paper) / 255 + (level.noise ? gauss(r) * level.noise : 0);
    data[i] = Math.max(0, Math.min(255, Math.round(v)));
  }
  const dust = new Random(seed ^ 0x5bd1e995);
  for (let k = 0; k < level.dust; k++) {
    const [x, y, s] = [dust.int(0, img.width - 3), dust.int(0, img.height - 3), dust.int(1, 2)];
    for (let dy = 0; dy < s; dy++) for (let dx = 0; dx < s; dx++) data[(y + dy) * img.width + x + dx] = dust.int(40, 110);
  }
  return { width: img.width, height: img.height, data };
}

/** A 3×3 box blur. */
function boxBlur(img: Gray): Gray {
  const { width: w, height: h } = img;
  const out = new Uint8Array(w * h);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      let [s, n] = [0, 0];
      for (let dy = -1; dy <= 1; dy++)
        for (let dx = -1; dx <= 1; dx++) {
          const [u, v] = [x + dx, y + dy];
          if (u >= 0 && v >= 0 && u < w && v < h) [s, n] = [s + img.data[v * w + u], n + 1];
        }
      out[y * w + x] = Math.round(s / n);
    }
  return { width: w, height: h, data: out };
}

/** A red seal (ring, star, arc of text-like strokes) printed over the page's middle, multiplied onto the colour planes. */
function stampOver(planes: Gray[], seed: number): void {
  const r = new Random(seed);
  const [w, h] = [planes[0].width, planes[0].height];
  const [cx, cy, radius] = [w * (0.55 + 0.1 * r.next()), h * (0.45 + 0.1 * r.next()), w * 0.12];
  for (let y = Math.floor(cy - radius - 4); y < cy + radius + 4; y++)
    for (let x = Math.floor(cx - radius - 4); x < cx + radius + 4; x++) {
      if (x < 0 || y < 0 || x >= w || y >= h) continue;
      const d = Math.hypot(x - cx, y - cy);
      const angle = Math.atan2(y - cy, x - cx);
      const ring = Math.abs(d - radius) < radius * 0.05;
      const star = d < radius * 0.3 && Math.abs(Math.cos(2.5 * angle)) * radius * 0.3 > d * 0.9;
      const letters = d > radius * 0.62 && d < radius * 0.85 && Math.sin(angle * 14) > 0.2 && angle < 0;
      if (!(ring || star || letters)) continue;
      // Seal ink: red stays, green and blue drop (a translucent red over whatever is printed).
      const i = y * w + x;
      planes[1].data[i] = Math.round(planes[1].data[i] * 0.25);
      planes[2].data[i] = Math.round(planes[2].data[i] * 0.3);
      planes[0].data[i] = Math.round(planes[0].data[i] * 0.92);
    }
}

/** One page scanned at a level: a JPEG and its pixel size. */
function scanPage(page: { width: number; height: number; data: Uint8Array; channels: number }, level: ScanLevel, seed: number): ScannedPage {
  const r = new Random(seed);
  const skew = level.skew ? (r.next() * 2 - 1) * level.skew : 0;
  const paper = 255 - r.int(8, 22) * (level.noise ? 1 : 0);
  const planes = Array.from({ length: page.channels }, (_, c) => {
    const data = new Uint8Array(page.width * page.height);
    for (let i = 0; i < data.length; i++) data[i] = page.data[i * page.channels + c];
    return { width: page.width, height: page.height, data };
  });
  if (level.stamp) stampOver(planes, seed);
  let out = planes.map((p, c) => degradePlane(p, level, skew, seed + c * 7919, paper));
  if (level.sideways) out = out.map((p) => rotateQuarter(p, 3));
  const { width, height } = out[0];
  const rgba = Buffer.alloc(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    rgba[4 * i] = out[0].data[i];
    rgba[4 * i + 1] = out[out.length > 1 ? 1 : 0].data[i];
    rgba[4 * i + 2] = out[out.length > 2 ? 2 : 0].data[i];
    rgba[4 * i + 3] = 255;
  }
  return { jpeg: jpeg.encode({ width, height, data: rgba }, level.jpegQuality).data, width, height };
}

/** A scan's id: the source's id with `-scan-` for `-pdf-`, and the level (`gen-2021-scan-cid-flatbed`). */
export const scanId = (from: string, level: string) => `${from.replace('-pdf-', '-scan-')}-${level}`;

/** One page of a scan as an image upload would bring it: the JPEG as scanned. */
export interface ScannedPage {
  jpeg: Buffer;
  width: number;
  height: number;
}

/** The pages of a generated PDF (samples/pdf/`from`.pdf) scanned at a level; `pages` picks 1-based pages. */
export function scanPages(from: string, levelName: string, pages?: number[]): { pages: ScannedPage[]; level: ScanLevel } {
  const level = SCAN_LEVELS.find((l) => l.name === levelName);
  if (!level) throw new Error(`no scan level ${levelName}`);
  const seed = seedOf(scanId(from, levelName));
  const images = rasterise(join(SAMPLES, 'pdf', `${from}.pdf`), level.dpi, !!level.stamp, pages);
  return { level, pages: images.map((p, i) => scanPage(p, level, seed + (pages?.[i] ?? i + 1))) };
}

/** An image-only PDF of a generated PDF's pages scanned at a level, with the labels of the PDF it came from. */
export function scanPdf(from: string, levelName: string, pages?: number[]): { id: string; pdf: Buffer; labels: Record<string, unknown> } {
  const id = scanId(from, levelName);
  const { pages: scanned, level } = scanPages(from, levelName, pages);
  const labels = JSON.parse(readFileSync(join(SAMPLES, 'pdf', `${from}.labels.json`), 'utf8')) as Record<string, unknown>;
  const notes = [
    `Scan of samples/pdf/${from}.pdf made by scripts/generate/render-scan.ts at level "${level.name}": ${level.dpi} dpi, skew ≤ ${level.skew}°, grain σ ${level.noise}, ${level.blur} blur passes, JPEG q${level.jpegQuality}, ${level.dust} specks${level.stamp ? ', a red seal over the table' : ''}${level.sideways ? ', scanned on its side' : ''}${pages ? `, pages ${pages.join(', ')}` : ''}; labels copied from it.`,
  ];
  const pdf = imagePdf(scanned.map((p) => ({ jpeg: p.jpeg, width: (p.width * 72) / level.dpi, height: (p.height * 72) / level.dpi })));
  return { id, pdf, labels: { ...labels, id, layout: 'scan', notes } };
}

/** A seed from a scan's id (FNV-1a): each scan its own noise, the same at every run. */
function seedOf(id: string): number {
  let h = 0x811c9dc5;
  for (const c of Buffer.from(id)) h = Math.imul(h ^ c, 0x01000193) >>> 0;
  return h;
}

/**
 * The other generated PDFs at the levels a reader meets most (rough, flatbed, stamp), which the OCR code was not
 * tuned on: `render-scan.ts DIR --held-out` writes them for `npm run eval -- DIR` (README, "Scans").
 */
export const HELD_OUT_SOURCES: { from: string; levels: string[] }[] = [
  'gen-2019-pdf-cid',
  'gen-2019-pdf-sparse-lo',
  'gen-2021-pdf-sparse-lo',
  'gen-2021-pdf-traditional',
  'gen-2021-pdf-type3',
].map((from) => ({ from, levels: ['rough', 'flatbed', 'stamp'] }));

function main(out = OUT, sources = SCAN_SOURCES): void {
  mkdirSync(out, { recursive: true });
  for (const s of sources)
    for (const name of s.levels) {
      const { id, pdf, labels } = scanPdf(s.from, name);
      const json = `${JSON.stringify(labels, null, 1)}\n`;
      writeFileSync(join(out, `${id}.pdf`), pdf);
      writeFileSync(join(out, `${id}.labels.json`), json);
      if (id === SAMPLE_SCAN) {
        mkdirSync(join(SAMPLES, 'scan'), { recursive: true });
        writeFileSync(join(SAMPLES, 'scan', `${id}.pdf`), pdf);
        writeFileSync(join(SAMPLES, 'scan', `${id}.labels.json`), json);
      }
      console.log(`${join(out, id)}.pdf ← samples/pdf/${s.from}.pdf (${name}, ${(pdf.length / 1e6).toFixed(1)} MB)`);
    }
}

if (require.main === module) {
  const args = process.argv.slice(2);
  const dir = args.find((a) => !a.startsWith('--'));
  main(dir ? resolve(dir) : undefined, args.includes('--held-out') ? HELD_OUT_SOURCES : SCAN_SOURCES);
}
