import type { ScanDoc } from '../ocr/scan';

/** Guards against pathological input live here, in the parser's options, not in callers. */
export interface ParseOptions {
  /** Largest file accepted at all. Default 50 MB. */
  maxBytes?: number;
  /** Largest text or HTML file: a real report is well under 1 MB. Default 8 MB. */
  maxTextBytes?: number;
  /** PDFs with more pages are rejected. Default 200. */
  maxPages?: number;
  /** Wall-clock budget for PDF text extraction, ms. Default 30 000. */
  pdfTimeoutMs?: number;
  /**
   * Decoded bytes of every PDF stream pdf.js may decode (page content, forms, fonts, object streams;
   * not images), measured before pdf.js sees the file: a few MB in a real report, gigabytes in a bomb. Default 64 MB.
   */
  maxPdfContentBytes?: number;
  /**
   * Reads scans (an image-only PDF, a JPEG, PNG or TIFF) by OCR here: `readScan` of core/ocr/scan.ts. None by default: the
   * ingest function hands a scan to the OCR function (a report in status `ocr`), which parses with it. Passed in, not
   * imported, so the ingest's bundle carries no image decoders or OCR engine.
   */
  ocr?: ReadScan;
}

export type ReadScan = (bytes: Uint8Array, kind: 'pdf' | 'image', maxPages: number) => Promise<ScanDoc>;

/** The parse's options with their defaults; a scan reader only where one is given. */
export type Limits = Required<Omit<ParseOptions, 'ocr'>> & Pick<ParseOptions, 'ocr'>;

/** Bounds of an isolated parse (`parseIsolated`): enforced from outside the parse, so they hold whatever it does. */
export interface IsolationOptions {
  /** Wall-clock deadline of the whole parse, after which its worker is terminated. Default 60 000 ms. */
  timeoutMs?: number;
  /** Heap of the worker that parses (V8 old generation), MB. Default: by the input's kind and size, 64–512 (`parseMemory`). */
  maxHeapMb?: number;
}

export function limits(o: ParseOptions): Limits {
  return {
    maxBytes: o.maxBytes ?? 50 * 1024 * 1024,
    maxTextBytes: o.maxTextBytes ?? 8 * 1024 * 1024,
    maxPages: o.maxPages ?? 200,
    pdfTimeoutMs: o.pdfTimeoutMs ?? 30_000,
    maxPdfContentBytes: o.maxPdfContentBytes ?? 64 * 1024 * 1024,
    ocr: o.ocr,
  };
}

export function isolationLimits(o: IsolationOptions): { timeoutMs: number } {
  return { timeoutMs: o.timeoutMs ?? 60_000 };
}
