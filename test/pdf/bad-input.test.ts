import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { RejectedInput } from '../../lambdas/core/errors';
import { partitionPdf } from '../../lambdas/core/partition/pdf';
import { limits } from '../../lambdas/core/record/options';
import { parseReport } from '../../lambdas/core/record/parse-report';
import { makePdf, textPage } from './make-pdf';

const sample = new Uint8Array(readFileSync(join(__dirname, '../../samples/pdf/gen-2021-pdf-cid.pdf')));

/** The RejectedInput a parse ends with; fails the test when it resolves or throws anything else. */
async function rejection(bytes: Uint8Array, opts = {}): Promise<RejectedInput> {
  const err = await partitionPdf(bytes, limits(opts)).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(RejectedInput);
  return err as RejectedInput;
}

describe('partitionPdf on bad input', () => {
  it('rejects a PDF without a text layer and says it needs OCR', async () => {
    const err = await rejection(makePdf([{ image: true }, { image: true }]));
    expect(err.reason).toMatch(/no text layer/);
    expect(err.reason).toMatch(/OCR/);
    expect(err.rule).toBe('P-PDF-NO-TEXT');
  });

  it('rejects an encrypted PDF (made with qpdf --encrypt, 256-bit, user password)', async () => {
    const err = await rejection(new Uint8Array(readFileSync(join(__dirname, 'fixtures/encrypted.pdf'))));
    expect(err.reason).toMatch(/encrypted/);
  });

  it('rejects a truncated PDF', async () => {
    const err = await rejection(sample.subarray(0, Math.floor(sample.length * 0.6)));
    expect(err.reason).toMatch(/truncated/);
  });

  it('rejects bytes that only start like a PDF', async () => {
    const junk = new Uint8Array(Buffer.from('%PDF-1.7\nthis is not a PDF body at all\n%%EOF\n', 'latin1'));
    const err = await rejection(junk);
    expect(err.reason).toMatch(/damaged/);
  });

  it('rejects more pages than maxPages before reading any of them', async () => {
    const many = makePdf(Array.from({ length: 501 }, (_, i) => textPage(i + 1)));
    const err = await rejection(many);
    expect(err.reason).toMatch(/501 pages/);
    expect(err.reason).toMatch(/limit 200/);
  });

  it('rejects an extraction over the time budget', async () => {
    const err = await rejection(sample, { pdfTimeoutMs: 1 });
    expect(err.reason).toMatch(/longer than the time allowed/);
  });

  it('reads a small valid PDF with a text layer', async () => {
    const doc = await partitionPdf(makePdf([textPage(1), textPage(2)]), limits({}));
    expect(doc.pages).toBe(2);
    expect(doc.text.split('\n')).toContain('Page 2 of a generated document');
    expect(doc.grids).toEqual([]);
  });

  it('never throws anything but RejectedInput on damaged bytes', async () => {
    const base = makePdf([textPage(1), textPage(2), textPage(3)]);
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.nat(base.length - 1), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 40 }), async (edits) => {
        const bytes = base.slice();
        for (const [at, b] of edits) bytes[at] = b;
        await partitionPdf(bytes, limits({})).catch((e: unknown) => {
          if (!(e instanceof RejectedInput)) throw e;
        });
      }),
      { numRuns: 40 },
    );
  });
});

describe('parseReport on bad PDF input', () => {
  it('hands a PDF with no text layer on to OCR (status ocr) instead of rejecting it, never throwing', async () => {
    const scan = await parseReport({ id: 'scan', name: 'scan.pdf', bytes: makePdf([{ image: true }]) });
    expect([scan.status, scan.input.kind]).toEqual(['ocr', 'pdf']);
    expect(scan.reason).toMatch(/OCR/);
    expect(scan.findings).toEqual([]);
  });

  it('rejects a file named .pdf that is not one', async () => {
    const r = await parseReport({ id: 'fake', name: 'fake.pdf', bytes: new Uint8Array(Buffer.from('<html><body>not a pdf</body></html>')) });
    expect(r.status).toBe('rejected');
    expect(r.reason).toMatch(/not a PDF/);
  });
});
