/**
 * Reading a page's cells (read-page.ts) where text detection fails them: the recogniser is the real one (PP-OCRv4 on
 * onnxruntime-node), the detection is scripted to fail the way it does on scans (a lone `0` not found, found only as
 * one of its strokes, or as a speck of it).
 */
import { createEngine, type Box, type Engine } from '../../lambdas/core/ocr/engine';
import type { Gray } from '../../lambdas/core/ocr/image';
import { readPage } from '../../lambdas/core/ocr/read-page';

let engine: Engine;
beforeAll(async () => {
  engine = await createEngine();
}, 60_000);
afterAll(() => engine?.close());

/** A 200 dpi page with one ruled row of four cells, a `0` (an upright ring 16 × 30 px) in each. */
function zeros(): { image: Gray; rings: { x: number; y: number }[] } {
  const [width, height] = [1200, 600];
  const data = new Uint8Array(width * height).fill(245);
  const fill = (x0: number, y0: number, w: number, h: number) => {
    for (let y = y0; y < y0 + h; y++) data.fill(15, y * width + x0, y * width + x0 + w);
  };
  const xs = [200, 400, 600, 800, 1000];
  for (const y of [250, 350]) fill(200, y, 801, 2);
  for (const x of xs) fill(x, 250, 2, 101);
  const rings = xs.slice(0, -1).map((x) => ({ x: x + 100, y: 300 }));
  for (const { x, y } of rings)
    for (let v = y - 16; v <= y + 16; v++)
      for (let u = x - 9; u <= x + 9; u++) {
        const r = ((u - x) / 8) ** 2 + ((v - y) / 15) ** 2;
        if (r <= 1 && r >= 0.55) data[v * width + u] = 15;
      }
  return { image: { width, height, data }, rings };
}

it('reads a cell from its ink where detection found no box, or boxed only a stroke or a speck of the figure', async () => {
  const { image, rings } = zeros();
  // Cell 1 as detection finds it; cell 2 not at all; cell 3 only its right stroke; cell 4 only a speck of its top.
  const boxes: Box[] = [
    { x: rings[0].x - 12, y: rings[0].y - 19, w: 24, h: 38 },
    { x: rings[2].x + 5, y: rings[2].y - 19, w: 6, h: 38 },
    { x: rings[3].x - 3, y: rings[3].y - 17, w: 6, h: 5 },
  ];
  const scripted: Engine = { ...engine, detect: async () => boxes.map((b) => ({ ...b })), recognize: (line) => engine.recognize(line) };
  const page = await readPage({ page: 1, image, width: 432, height: 216, placement: [432, 0, 0, 216, 0, 0] }, scripted);
  const figures = page.tokens.filter((t) => t.numeric).sort((a, b) => a.box.x - b.box.x);
  expect(figures.map((t) => t.str)).toEqual(['0', '0', '0', '0']);
  // Each read from the whole ring's ink (30 px high), not the fragment detected in it.
  for (const t of figures) expect(t.inkPx).toBeGreaterThanOrEqual(30);
}, 60_000);

it('reads a figure the detector missed whose ink a blur left lighter for a few rows across its middle, from the whole of it', async () => {
  const { image, rings } = zeros();
  // The second ring's three middle rows are grey, lighter than ink (a `2`'s thin diagonal on a rough scan).
  for (let v = rings[1].y - 1; v <= rings[1].y + 1; v++)
    for (let u = rings[1].x - 9; u <= rings[1].x + 9; u++) if (image.data[v * image.width + u] === 15) image.data[v * image.width + u] = 170;
  const found = { x: rings[0].x - 12, y: rings[0].y - 19, w: 24, h: 38 };
  const scripted: Engine = { ...engine, detect: async () => [{ ...found }], recognize: (line) => engine.recognize(line) };
  const page = await readPage({ page: 1, image, width: 432, height: 216, placement: [432, 0, 0, 216, 0, 0] }, scripted);
  const figures = page.tokens.filter((t) => t.numeric).sort((a, b) => a.box.x - b.box.x);
  expect(figures.map((t) => t.str)).toEqual(['0', '0', '0', '0']);
  expect(figures[1].inkPx).toBeGreaterThanOrEqual(30);
}, 60_000);

it('reads a figure with a speck before it read as a quote mark (`"0`) as the figure, marked so it is not taken for sure', async () => {
  const { image } = zeros();
  // The recogniser as it read a rough scan's `0` beside a speck: `"0` over every character, `.0` over digits.
  const none = { char: '', p: 0 };
  const speck: Engine = {
    ...engine,
    recognize: async (line) => {
      const read = await engine.recognize(line);
      if (read.digits.text !== '0') return read;
      return { any: { text: '"0', conf: [0.35, 0.69], alt: [none, none] }, digits: { text: '.0', conf: [0.27, 0.95], alt: [none, none] } };
    },
  };
  const page = await readPage({ page: 1, image, width: 432, height: 216, placement: [432, 0, 0, 216, 0, 0] }, speck);
  const figures = page.tokens.filter((t) => t.numeric);
  expect(figures.map((t) => [t.str, t.stray])).toEqual([
    ['0', true],
    ['0', true],
    ['0', true],
    ['0', true],
  ]);
}, 60_000);

/**
 * A 200 dpi page with one ruled row of two cells: an `A` alone in the first (two legs and a crossbar, 16 × 30 px, the
 * left leg short: as a faint `4` can print), a `0` and an `A` in the second.
 */
function letters(): Gray {
  const [width, height] = [800, 600];
  const data = new Uint8Array(width * height).fill(245);
  const fill = (x0: number, y0: number, w: number, h: number) => {
    for (let y = y0; y < y0 + h; y++) data.fill(15, y * width + x0, y * width + x0 + w);
  };
  for (const y of [250, 350]) fill(200, y, 401, 2);
  for (const x of [200, 400, 600]) fill(x, 250, 2, 101);
  const letterA = (x: number, y: number) => {
    for (let v = 0; v < 30; v++) {
      const half = Math.round((v * 8) / 30);
      if (v <= 22) fill(x - half - 1, y - 15 + v, 3, 1);
      fill(x + half - 1, y - 15 + v, 3, 1);
    }
    fill(x - 8, y + 5, 16, 4);
  };
  letterA(300, 300);
  letterA(530, 300);
  for (let v = 284; v <= 316; v++)
    for (let u = 461; u <= 479; u++) {
      const r = ((u - 470) / 8) ** 2 + ((v - 300) / 15) ** 2;
      if (r <= 1 && r >= 0.55) data[v * width + u] = 15;
    }
  return { width, height, data };
}

it('reads a letter alone in a cell as a figure misread: its reading over digits stands in the cell, marked so', async () => {
  const page = await readPage({ page: 1, image: letters(), width: 288, height: 216, placement: [288, 0, 0, 216, 0, 0] }, engine);
  const [alone, beside] = [...page.tokens].sort((a, b) => a.box.x - b.box.x);
  expect(alone).toEqual(expect.objectContaining({ str: '4', numeric: true, misread: 'A' }));
  // Read with a figure beside it, a letter is no figure of its own.
  expect(beside.misread).toBeUndefined();
}, 60_000);

/** A 200 dpi page with one ruled row of two cells: an `A` alone in the first, and a `0` alone in the second unless `figure` is false. */
function letterAndFigure(figure: boolean): Gray {
  const image = letters();
  // The second cell cleared, and its `0` drawn again alone.
  for (let y = 255; y < 348; y++) image.data.fill(245, y * image.width + 405, y * image.width + 598);
  if (figure)
    for (let v = 284; v <= 316; v++)
      for (let u = 491; u <= 509; u++) {
        const r = ((u - 500) / 8) ** 2 + ((v - 300) / 15) ** 2;
        if (r <= 1 && r >= 0.55) image.data[v * image.width + u] = 15;
      }
  return image;
}

it('reads a Han character read unsure alone in a cell of a row of figures as a figure misread, never a label read for sure', async () => {
  // The recogniser as it reads a blurred `4` (`舞`, 17 %) or a wrapped label's character (`总`, for sure), with its reading over digits.
  const asHan = (char: string, p: number): Engine => ({
    ...engine,
    recognize: async (line) => {
      const read = await engine.recognize(line);
      return read.any.text.trim() === 'A' ? { ...read, any: { text: char, conf: [p], alt: [{ char: '', p: 0 }] } } : read;
    },
  });
  const read = async (e: Engine, figure = true) => {
    const page = await readPage({ page: 1, image: letterAndFigure(figure), width: 288, height: 216, placement: [288, 0, 0, 216, 0, 0] }, e);
    return [...page.tokens].sort((a, b) => a.box.x - b.box.x);
  };
  const [unsure, zero] = await read(asHan('舞', 0.17));
  expect(zero).toEqual(expect.objectContaining({ str: '0', numeric: true }));
  expect(unsure).toEqual(expect.objectContaining({ str: '4', numeric: true, misread: '舞' }));
  const [sure] = await read(asHan('总', 0.99));
  expect(sure).toEqual(expect.objectContaining({ str: '总', numeric: false }));
  expect(sure.misread).toBeUndefined();
  // In a row of no figure (a header's), an unsure Han character stays what it was read as.
  const [alone, ...none] = await read(asHan('舞', 0.17), false);
  expect(none).toEqual([]);
  expect(alone).toEqual(expect.objectContaining({ str: '舞', numeric: false }));
  expect(alone.misread).toBeUndefined();
}, 60_000);
