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
}

export function limits(o: ParseOptions): Required<ParseOptions> {
  return {
    maxBytes: o.maxBytes ?? 50 * 1024 * 1024,
    maxTextBytes: o.maxTextBytes ?? 8 * 1024 * 1024,
    maxPages: o.maxPages ?? 200,
    pdfTimeoutMs: o.pdfTimeoutMs ?? 30_000,
  };
}
