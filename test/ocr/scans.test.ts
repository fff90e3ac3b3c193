// @needs poppler: the scans are rendered from samples/pdf with pdftoppm (scripts/generate/render-scan.ts).
import * as jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import * as UTIF from 'utif2';
import { imagePages } from '../../lambdas/core/ocr/decode-image';
import { ACCEPT } from '../../lambdas/core/ocr/review';
import { readScan } from '../../lambdas/core/ocr/scan';
import { parseReport } from '../../lambdas/core/record/parse-report';
import type { Report } from '../../lambdas/core/types';
import { scanPages, scanPdf } from '../../scripts/generate/render-scan';

/**
 * Generated scans, rendered here from samples/pdf (scripts/generate/render-scan.ts) rather than committed: OCR reads a
 * few pages in CI, not dozens. The whole 2021 sample through the local stack is test/integration/scan.test.ts; every
 * level against its labels is `npm run eval -- .local/scans` (README, "Scans").
 */
interface Labels {
  agency: string;
  year: number;
  values: Record<string, number>;
}

/** Every value read is the printed one; what is not read for sure waits in undecided, never a wrong number. */
function judge(report: Report, labels: Labels) {
  const wrong = Object.entries(report.values).filter(([k, v]) => labels.values[k] !== v);
  const pending = new Set((report.undecided ?? []).flatMap((u) => u.keys));
  const hits = Object.keys(labels.values).filter((k) => report.values[k] === labels.values[k]).length;
  return { wrong, pending, recall: hits / Object.keys(labels.values).length };
}

/** Each value's evidence is its box on its page, read over the bar (or decided by an identity, saying so). */
function expectEvidence(report: Report, pending: Set<string>) {
  for (const [key, e] of Object.entries(report.evidence)) {
    expect(e.page).toBeGreaterThanOrEqual(1);
    expect(e.loc?.box?.w).toBeGreaterThan(0);
    if (e.decidedBy === 'identity') expect(e.identity?.from).toBeDefined();
    else expect(e.ocr?.conf).toBeGreaterThanOrEqual(ACCEPT);
    expect(pending.has(key)).toBe(false);
  }
  for (const u of report.undecided ?? []) {
    expect(u.ocr?.why).toMatch(/^(confidence|shape|identity)$/);
    expect(u.evidence.loc?.box).toBeDefined();
    expect(u.candidates.length).toBeGreaterThanOrEqual(1);
  }
}

describe('scanned reports through OCR', () => {
  it('routes a scan the ingest parse cannot read to OCR (status ocr), never rejected', async () => {
    const { id, pdf } = scanPdf('gen-2021-pdf-cid', 'flatbed', [1]);
    const report = await parseReport({ id, name: `${id}.pdf`, bytes: pdf });
    expect(report.status).toBe('ocr');
    expect(report.findings).toEqual([]);
  });

  it('reads a sparse 2019 table scanned on a flatbed into the same grids as a text PDF: recall ≥ 0.98, every value right', async () => {
    const { id, pdf, labels } = scanPdf('gen-2019-pdf-sparse-chromium', 'flatbed');
    const report = await parseReport({ id, name: `${id}.pdf`, bytes: pdf }, { ocr: readScan });
    expect(report.status).toBe('parsed');
    expect(report.input.encoding).toBe('ocr');
    const { agency, year } = labels as unknown as Labels;
    expect([report.agency, report.year, report.format]).toEqual([agency, year, '2019']);
    const { wrong, pending, recall } = judge(report, labels as unknown as Labels);
    expect(wrong).toEqual([]);
    expect(recall).toBeGreaterThanOrEqual(0.98);
    expectEvidence(report, pending);
  }, 300_000);

  it('reads a JPEG upload of a page, and decodes the same page as PNG and TIFF to the same pixels', async () => {
    const from = 'gen-2021-pdf-cid';
    const [page] = scanPages(from, 'clean', [3]).pages;
    const report = await parseReport({ id: 'page-3', name: 'page-3.jpg', bytes: page.jpeg }, { ocr: readScan });
    const labels = scanPdf(from, 'clean', [3]).labels as unknown as Labels;
    expect(report.status).toBe('parsed');
    const { wrong, pending } = judge(report, labels);
    expect(wrong).toEqual([]);
    // Page 3 holds table 3's last nine rows (from 2.重复申请 to 结转下年度) and table 4: every figure read.
    expect(Object.keys(report.values).filter((k) => k.startsWith('t3.'))).toHaveLength(63);
    expect(Object.keys(report.values).filter((k) => k.startsWith('t4.'))).toHaveLength(15);
    expectEvidence(report, pending);

    const rgba = jpeg.decode(page.jpeg, { useTArray: true, formatAsRGBA: true });
    const png = new PNG({ width: rgba.width, height: rgba.height });
    png.data = Buffer.from(rgba.data);
    const tiff = new Uint8Array(UTIF.encodeImage(rgba.data, rgba.width, rgba.height));
    const grey = (bytes: Uint8Array) => imagePages(bytes, 10).map((p) => p.image.data);
    const asJpeg = grey(page.jpeg);
    expect(grey(PNG.sync.write(png))).toEqual(asJpeg);
    expect(grey(tiff)).toEqual(asJpeg);
  }, 300_000);
});
