import { RejectedInput } from '../../errors';
import type { PageText } from './layout';

export interface LoadedPdf {
  pages: PageText[];
  title?: string;
}

/** Pages read at once: pdf.js overlaps their parsing, and memory still holds only this many pages' content. */
const PAGES_IN_FLIGHT = 4;

interface Limits {
  maxPages: number;
  timeoutMs: number;
}

// unpdf bundles pdf.js (1.5 MB): loaded on the first PDF only, so HTML and text parses never pay for it.
let unpdf: Promise<typeof import('unpdf')> | undefined;
const loadUnpdf = () => (unpdf ??= import('unpdf'));

/**
 * Positioned text of every page through pdf.js (unpdf's serverless build). Pages are read a few at a
 * time and released, so memory follows the largest pages, not the document; the page count is checked
 * before any page is read, and the time budget between pages and around each pdf.js call.
 */
export async function loadPdf(bytes: Uint8Array, limits: Limits): Promise<LoadedPdf> {
  const started = Date.now();
  // pdf.js rebuilds a cut-off file from what is left and reads the pages it still finds; a report missing
  // its end would come back silently incomplete. Every complete PDF ends with `%%EOF`.
  if (!Buffer.from(bytes.subarray(Math.max(0, bytes.length - 2048))).toString('latin1').includes('%%EOF'))
    throw new RejectedInput('The PDF is truncated (its end is missing); download or export it again.', 'P-PDF-TRUNCATED');
  const { getDocument } = await (await loadUnpdf()).getResolvedPDFJS();
  // pdf.js may detach the buffer it is given: hand it a copy so the caller's bytes stay intact.
  const task = getDocument({ data: new Uint8Array(bytes), disableFontFace: true, useSystemFonts: false, verbosity: 0 });
  try {
    const doc = await budget(task.promise, started, limits.timeoutMs);
    if (doc.numPages > limits.maxPages)
      throw new RejectedInput(`The PDF has ${doc.numPages} pages; an annual report is far shorter (limit ${limits.maxPages} pages).`, 'P-PDF-TOO-LONG');
    const readPage = async (n: number): Promise<PageText> => {
      const page = await budget(doc.getPage(n), started, limits.timeoutMs);
      const { width, height, transform } = page.getViewport({ scale: 1 });
      const content = await budget(page.getTextContent(), started, limits.timeoutMs);
      page.cleanup();
      return { page: n, width, height, viewport: transform, items: content.items.filter((i) => 'str' in i) };
    };
    const pages: PageText[] = [];
    for (let n = 1; n <= doc.numPages; n += PAGES_IN_FLIGHT) {
      const batch = Array.from({ length: Math.min(PAGES_IN_FLIGHT, doc.numPages - n + 1) }, (_, i) => readPage(n + i));
      pages.push(...(await Promise.all(batch)));
    }
    const info = (await budget(doc.getMetadata(), started, limits.timeoutMs).catch(() => undefined))?.info as { Title?: unknown } | undefined;
    const title = typeof info?.Title === 'string' && info.Title.trim() ? info.Title.trim() : undefined;
    return { pages, title };
  } catch (err) {
    throw rejection(err);
  } finally {
    // Stops any work still running after a timeout and frees the document.
    await task.destroy().catch(() => undefined);
  }
}

class Timeout extends Error {}

/** `p`, or a Timeout once the document's budget is spent. A call that loses the race is left to settle unobserved. */
function budget<T>(p: Promise<T>, started: number, ms: number): Promise<T> {
  p.catch(() => undefined);
  const left = ms - (Date.now() - started);
  if (left <= 0) return Promise.reject(new Timeout());
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([p, new Promise<T>((_, reject) => (timer = setTimeout(() => reject(new Timeout()), left)))]).finally(() => clearTimeout(timer));
}

/** pdf.js errors to reasons a user can act on. */
function rejection(err: unknown): RejectedInput {
  if (err instanceof RejectedInput) return err;
  if (err instanceof Timeout) return new RejectedInput('Reading the PDF took longer than the time allowed; the file is too large or too complex to extract.', 'P-PDF-TIMEOUT');
  // pdf.js errors may come from another realm (jest loads unpdf natively): read them by shape, not instanceof.
  const { name, message } = typeof err === 'object' && err !== null ? (err as { name?: unknown; message?: unknown }) : {};
  if (name === 'PasswordException') return new RejectedInput('The PDF is encrypted (password-protected); publish or upload an unprotected copy.', 'P-PDF-ENCRYPTED');
  return new RejectedInput(`The PDF is damaged or truncated and cannot be read (${typeof message === 'string' ? message : String(err)}).`, 'P-PDF-DAMAGED');
}
