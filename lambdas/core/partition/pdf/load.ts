import { RejectedInput } from '../../errors';
import type { PageText } from './layout';
import { headlessFonts } from './headless-fonts';
import './polyfill';
import { pageRules } from './ruling';

export interface LoadedPdf {
  pages: PageText[];
  title?: string;
}

/** Pages read at once: pdf.js overlaps their parsing, and memory still holds only this many pages' content. */
const PAGES_IN_FLIGHT = 4;

interface Limits {
  maxPages: number;
  timeoutMs: number;
  /** Pages whose table rules are read (the operator list costs about a third of the text again). */
  ruled?: (page: PageText) => boolean;
}

// unpdf bundles pdf.js (1.5 MB): loaded on the first PDF only, so HTML and text parses never pay for it.
let unpdf: Promise<typeof import('unpdf')> | undefined;
const loadUnpdf = () => (unpdf ??= (process.on('unhandledRejection', pdfJsStrayGuard(process)), import('unpdf')));

/** pdf.js (unpdf's build), with the guard against its stray rejections in place: every use of pdf.js goes through here. */
export const loadPdfJs = async () => (await loadUnpdf()).getResolvedPDFJS();

/** The exceptions pdf.js's own parser throws (read by name: jest loads unpdf in another realm). */
const PDFJS_ERRORS = /^(XRefEntryException|XRefParseException|ParserEOFException|MissingDataException|FormatError|InvalidPDFException|UnknownErrorException)$/;

/**
 * pdf.js's in-process worker chains some calls with no rejection handler (`getPage(n).then(…)` in its
 * message handlers), so on a damaged file the same error that rejects our awaited call also surfaces
 * once more as an unhandled rejection, which would end the process. The listener for `proc` (the
 * process pdf.js runs in) drops that stray copy; any other unhandled rejection is rethrown as Node
 * would have thrown it, unless another listener (the parse worker's) is there to decide.
 */
export function pdfJsStrayGuard(proc: NodeJS.Process): (reason: unknown) => void {
  return (reason) => {
    const name = typeof reason === 'object' && reason !== null ? (reason as { name?: unknown }).name : undefined;
    if ((typeof name === 'string' && PDFJS_ERRORS.test(name)) || proc.listenerCount('unhandledRejection') > 1) return;
    throw reason;
  };
}

/**
 * Positioned text of every page through pdf.js (unpdf's serverless build). Pages are read a few at a
 * time and released, so memory follows the largest pages, not the document; the page count is checked
 * before any page is read, and every pdf.js call races one deadline for the whole extraction.
 */
export async function loadPdf(bytes: Uint8Array, limits: Limits): Promise<LoadedPdf> {
  // pdf.js rebuilds a cut-off file from what is left and reads the pages it still finds; a report missing
  // its end would come back silently incomplete. Every complete PDF ends with `%%EOF`.
  if (
    !Buffer.from(bytes.subarray(Math.max(0, bytes.length - 2048)))
      .toString('latin1')
      .includes('%%EOF')
  )
    throw new RejectedInput('The PDF is truncated (its end is missing); download or export it again.', 'P-PDF-TRUNCATED');
  const { getDocument, OPS } = await loadPdfJs();
  const deadline = new Deadline(limits.timeoutMs);
  // pdf.js may detach the buffer it is given: hand it a copy so the caller's bytes stay intact.
  // maxImageSize 0 and headless fonts: neither images nor glyph outlines are made for the operator list (only its rules are read).
  const task = getDocument({ data: new Uint8Array(bytes), ...headlessFonts(getDocument), useSystemFonts: false, verbosity: 0, maxImageSize: 0 });
  try {
    const doc = await deadline.race(task.promise);
    if (doc.numPages > limits.maxPages)
      throw new RejectedInput(`The PDF has ${doc.numPages} pages; an annual report is far shorter (limit ${limits.maxPages} pages).`, 'P-PDF-TOO-LONG');
    const readPage = async (n: number): Promise<PageText> => {
      const page = await deadline.race(doc.getPage(n));
      const { width, height, transform } = page.getViewport({ scale: 1 });
      const content = await deadline.race(page.getTextContent());
      const text: PageText = { page: n, width, height, viewport: transform, items: content.items.filter((i) => 'str' in i) };
      const ops = limits.ruled?.(text) ? await deadline.race(page.getOperatorList()) : undefined;
      page.cleanup();
      return { ...text, rules: ops ? pageRules(ops.fnArray, ops.argsArray, OPS, transform, height) : [] };
    };
    const pages: PageText[] = [];
    for (let n = 1; n <= doc.numPages; n += PAGES_IN_FLIGHT) {
      const batch = Array.from({ length: Math.min(PAGES_IN_FLIGHT, doc.numPages - n + 1) }, (_, i) => readPage(n + i));
      // Every page of the batch settles before a failure is thrown: none is still reading when the document is destroyed.
      for (const page of await Promise.allSettled(batch)) {
        if (page.status === 'rejected') throw page.reason;
        pages.push(page.value);
      }
    }
    const info = (await deadline.race(doc.getMetadata()).catch(() => undefined))?.info as { Title?: unknown } | undefined;
    const title = typeof info?.Title === 'string' && info.Title.trim() ? info.Title.trim() : undefined;
    return { pages, title };
  } catch (err) {
    throw rejection(err);
  } finally {
    // Stops any work still running after a timeout and frees the document.
    deadline.clear();
    await task.destroy().catch(() => undefined);
  }
}

class Timeout extends Error {}

/** One timer for the whole extraction: every pdf.js call races it, and `clear` ends it whatever is still pending. */
class Deadline {
  private timer: NodeJS.Timeout | undefined;
  private readonly expired: Promise<never>;

  constructor(ms: number) {
    this.expired = new Promise<never>((_, reject) => (this.timer = setTimeout(() => reject(new Timeout()), ms)));
    this.expired.catch(() => undefined);
  }

  /** `p`, or a Timeout once the budget is spent; a call that loses the race is left to settle unobserved. */
  race<T>(p: Promise<T>): Promise<T> {
    p.catch(() => undefined);
    return Promise.race([p, this.expired]);
  }

  clear(): void {
    clearTimeout(this.timer);
  }
}

/** pdf.js errors to reasons a user can act on. */
function rejection(err: unknown): RejectedInput {
  if (err instanceof RejectedInput) return err;
  if (err instanceof Timeout)
    return new RejectedInput('Reading the PDF took longer than the time allowed; the file is too large or too complex to extract.', 'P-PDF-TIMEOUT');
  // pdf.js errors may come from another realm (jest loads unpdf natively): read them by shape, not instanceof.
  const { name, message } = typeof err === 'object' && err !== null ? (err as { name?: unknown; message?: unknown }) : {};
  if (name === 'PasswordException')
    return new RejectedInput('The PDF is encrypted (password-protected); publish or upload an unprotected copy.', 'P-PDF-ENCRYPTED');
  return new RejectedInput(`The PDF is damaged or truncated and cannot be read (${typeof message === 'string' ? message : String(err)}).`, 'P-PDF-DAMAGED');
}
