import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ACCEPT } from '../../lambdas/core/ocr/review';
import { parseReport } from '../../lambdas/core/record/parse-report';
import type { Report } from '../../lambdas/core/types';

/** Generated scans (scripts/generate/render-scan.ts): OCR reads a few pages in CI, not dozens. */
const SCANS = path.join(__dirname, '..', 'fixtures', 'scans');
const labelsOf = (id: string) =>
  JSON.parse(readFileSync(path.join(SCANS, `${id}.labels.json`), 'utf8')) as { agency: string; year: number; values: Record<string, number> };
const parse = (id: string) => parseReport({ id, name: `${id}.pdf`, bytes: readFileSync(path.join(SCANS, `${id}.pdf`)) }, { ocr: true });

/** Every value read is the printed one; what is not read for sure waits in undecided, never a wrong number. */
function judge(report: Report, id: string) {
  const { values } = labelsOf(id);
  const wrong = Object.entries(report.values).filter(([k, v]) => values[k] !== v);
  const pending = new Set((report.undecided ?? []).flatMap((u) => u.keys));
  const hits = Object.keys(values).filter((k) => report.values[k] === values[k]).length;
  return { wrong, pending, recall: hits / Object.keys(values).length };
}

describe('scanned reports through OCR', () => {
  it('routes a scan the ingest parse cannot read to OCR (status ocr), never rejected', async () => {
    const id = 'gen-2021-scan-cid-flatbed';
    const report = await parseReport({ id, name: `${id}.pdf`, bytes: readFileSync(path.join(SCANS, `${id}.pdf`)) });
    expect(report.status).toBe('ocr');
    expect(report.findings).toEqual([]);
  });

  it.each(['gen-2021-scan-cid-clean', 'gen-2019-scan-sparse-chromium-flatbed'])(
    'reads %s into the same grids as a text PDF: recall ≥ 0.98, every value right, evidence a box on its page',
    async (id) => {
      const report = await parse(id);
      const { agency, year } = labelsOf(id);
      expect(report.status).toBe('parsed');
      expect(report.input.encoding).toBe('ocr');
      expect([report.agency, report.year]).toEqual([agency, year]);
      const { wrong, pending, recall } = judge(report, id);
      expect(wrong).toEqual([]);
      expect(recall).toBeGreaterThanOrEqual(0.98);
      for (const [key, e] of Object.entries(report.evidence)) {
        expect(e.page).toBeGreaterThanOrEqual(1);
        expect(e.loc?.box?.w).toBeGreaterThan(0);
        expect(e.ocr?.conf).toBeGreaterThanOrEqual(ACCEPT);
        expect(pending.has(key)).toBe(false);
      }
      // An uncertain figure is offered with its readings, its box on the page image as evidence.
      for (const u of report.undecided ?? []) {
        expect(u.ocr?.why).toMatch(/^(confidence|shape|identity)$/);
        expect(u.evidence.loc?.box).toBeDefined();
        expect(u.candidates.length).toBeGreaterThanOrEqual(1);
      }
    },
    300_000,
  );
});
