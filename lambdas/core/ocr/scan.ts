import type { DocText } from '../types';
import { createEngine, type Engine } from './engine';
import { readImages, scanDocText, scanImages, type OcrReading } from './index';

export { reviewScan } from './review';

export type ScanDoc = DocText & { ocr: OcrReading };

/** One engine per process: the models load once (~0.4 s) and serve every page the process reads. */
let engine: Promise<Engine> | undefined;
export const ocrEngine = () => (engine ??= createEngine());

/** A scanned PDF or image upload read by OCR into the document the PDF path builds. */
export async function readScan(bytes: Uint8Array, kind: 'pdf' | 'image', maxPages: number): Promise<ScanDoc> {
  const { count, images } = await scanImages(bytes, kind, maxPages);
  const pages = await readImages(images, await ocrEngine());
  return { ...scanDocText(pages), pages: count };
}
