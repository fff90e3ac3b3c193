// The original PDF page behind a value, rendered in the browser by pdf.js (served from this
// origin, loaded only when a PDF's evidence is opened), with the cell's box highlighted.
import { bytes, enc } from './api.js';
import { clear, el } from './dom.js';

const SCALE = 1.4;
/** A cell with only its first glyph's position: a box this size (points) to its right stands in. */
const POINT_BOX = { w: 30, h: 14 };

let pdfjs;
const documents = new Map();

async function library() {
  if (!pdfjs) {
    pdfjs = await import('./vendor/pdfjs/pdf.min.mjs');
    pdfjs.GlobalWorkerOptions.workerSrc = new URL('./vendor/pdfjs/pdf.worker.min.mjs', import.meta.url).href;
  }
  return pdfjs;
}

async function open(reportId) {
  if (!documents.has(reportId)) {
    const lib = await library();
    // No eval: the page's CSP has no 'unsafe-eval', and report PDFs are untrusted.
    documents.set(
      reportId,
      bytes(`/reports/${enc(reportId)}/file`).then((data) => lib.getDocument({ data, isEvalSupported: false }).promise),
    );
  }
  return documents.get(reportId);
}

/** The cell's rectangle in PDF points (bottom-left origin): its box, or a stand-in at its first glyph. */
export function cellBox(loc) {
  if (loc?.box) return loc.box;
  if (typeof loc?.x === 'number' && typeof loc?.y === 'number') return { x: loc.x - 2, y: loc.y - 3, ...POINT_BOX };
  return null;
}

/** Renders `page` of the report's PDF into `target`, with `box` outlined; returns when drawn. */
export async function renderPdfPage(target, reportId, pageNumber, box, caption) {
  clear(target).append(el('p', { class: 'loading' }, `正在载入第 ${pageNumber} 页… Loading page ${pageNumber}`));
  const doc = await open(reportId);
  const page = await doc.getPage(pageNumber);
  const viewport = page.getViewport({ scale: SCALE });
  const canvas = el('canvas', { width: Math.floor(viewport.width), height: Math.floor(viewport.height), class: 'pdf-canvas' });
  await page.render({ canvas, canvasContext: canvas.getContext('2d'), viewport }).promise;
  const frame = el('div', { class: 'pdf-frame' }, canvas);
  if (box) {
    const [x1, y1, x2, y2] = viewport.convertToViewportRectangle([box.x, box.y, box.x + box.w, box.y + box.h]);
    const mark = el('div', { class: 'pdf-highlight', title: caption });
    Object.assign(mark.style, {
      left: `${Math.min(x1, x2) - 3}px`,
      top: `${Math.min(y1, y2) - 3}px`,
      width: `${Math.abs(x2 - x1) + 6}px`,
      height: `${Math.abs(y2 - y1) + 6}px`,
    });
    frame.append(mark);
  }
  clear(target).append(el('figcaption', {}, `原文第 ${pageNumber} 页 Page ${pageNumber} of the original`, caption ? ` · ${caption}` : ''), frame);
  frame.querySelector('.pdf-highlight')?.scrollIntoView({ block: 'center', behavior: 'smooth' });
}
