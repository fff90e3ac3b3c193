// @needs chromium (test/needs.js): the page in Debian's chromium through playwright-core.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { recordId } from '../../lambdas/ingest/record-id';
import { startLocalStack } from '../../local/stack';
import { SAMPLE_SCAN } from '../../scripts/generate/render-scan';
import { ARTIFACTS, openPage, type PageSession } from './browser';

// A JPEG upload of a scanned page through the real ingest and OCR handlers, then its evidence in the browser: the
// API serves the image as a PDF of its page and the report view draws it with the cell outlined, as for a PDF.

/** Page 3 of the npm start scan as its JPEG (the image-only PDF stores each page's JPEG as it is). */
function pageJpeg(n: number): Buffer {
  const pdf = readFileSync(path.join(__dirname, '..', '..', 'samples', 'scan', `${SAMPLE_SCAN}.pdf`));
  const text = pdf.toString('latin1');
  const streams = [...text.matchAll(/\/Filter \/DCTDecode \/Length (\d+) >>\nstream\n/g)];
  const m = streams[n - 1];
  return pdf.subarray(m.index! + m[0].length, m.index! + m[0].length + Number(m[1]));
}

const jpeg = pageJpeg(3);
const key = 'incoming/扫描件-第3页.jpg';
const id = recordId(key, createHash('sha256').update(jpeg).digest('hex'));
let session: PageSession;
let page: Page;

beforeAll(async () => {
  const stack = await startLocalStack({ retryDelaysMs: [10, 10] });
  await stack.upload(key, jpeg);
  session = await openPage(stack);
  page = session.page;
}, 300_000);
afterAll(() => session?.close());

test("a scanned JPEG's value: its page image served as a PDF and drawn with the cell outlined", async () => {
  const res = await fetch(new URL(`/reports/${encodeURIComponent(id)}`, session.api.url));
  const { report } = await res.json();
  expect(report.input.kind).toBe('image');
  const cell = 't4.review.total';
  const ev = report.evidence[cell];
  expect(ev.loc.box).toBeDefined();
  const file = await fetch(new URL(`/reports/${encodeURIComponent(id)}/file`, session.api.url));
  expect(file.headers.get('content-type')).toBe('application/pdf');

  await session.open(`report/${encodeURIComponent(id)}`);
  await page.locator(`td[data-key="${cell}"]`).click();
  await page.waitForSelector('figure.source-page canvas.pdf-canvas', { timeout: 30_000 });
  await page.waitForSelector('.pdf-highlight');
  // Both boxes in one frame: the view may still shift (the sections above it settling), which moves both alike.
  const { canvas, mark } = await page.evaluate(() => {
    const box = (selector: string) => {
      const r = document.querySelector(selector)!.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width };
    };
    return { canvas: box('canvas.pdf-canvas'), mark: box('.pdf-highlight') };
  });
  // pdf.js draws at 1.4 px a point, y down from the page's top: the outline stands 3 px around the cell's box, and its
  // 3 px border adds as much again to the width.
  const pageHeight = await page.locator('canvas.pdf-canvas').evaluate((c: HTMLCanvasElement) => c.height / 1.4);
  expect(Math.abs(mark.x - canvas.x - (ev.loc.box.x * 1.4 - 3))).toBeLessThan(4);
  expect(Math.abs(mark.y - canvas.y - ((pageHeight - ev.loc.box.y - ev.loc.box.h) * 1.4 - 3))).toBeLessThan(4);
  expect(Math.abs(mark.width - (ev.loc.box.w * 1.4 + 12))).toBeLessThan(2);
  // The outlined patch of the page has ink in it: the figure the box was read from.
  const inked = await page.locator('canvas.pdf-canvas').evaluate((c: HTMLCanvasElement, b: { x: number; y: number; w: number; h: number }) => {
    const h = c.height / 1.4;
    const d = c.getContext('2d')!.getImageData(b.x * 1.4, (h - b.y - b.h) * 1.4, b.w * 1.4, b.h * 1.4).data;
    let dark = 0;
    for (let i = 0; i < d.length; i += 4) if (d[i] < 110) dark++;
    return dark;
  }, ev.loc.box);
  expect(inked).toBeGreaterThan(10);
  // Scrolled in one step for the picture: a locator's scroll waits for the outline to hold still, and a view still settling draws it anew.
  await page.evaluate(() => document.querySelector('.pdf-highlight')?.scrollIntoView({ block: 'center' }));
  await page.screenshot({ path: path.join(ARTIFACTS, 'scan-evidence.png') });
  expect(session.pageErrors).toEqual([]);
}, 120_000);
