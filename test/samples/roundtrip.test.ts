/**
 * The parser against the generator over many seeds: each layout × format × seed renders a report
 * whose every value is known, parses it, and expects exact extraction (extraction-check.ts).
 */
import { parseReport } from '../../lambdas/core/record/parse-report';
import { renderHtml } from '../../scripts/generate/render-html';
import { renderMarkdown } from '../../scripts/generate/render-markdown';
import { renderTextPipes } from '../../scripts/generate/render-text-pipes';
import { renderTextRuns } from '../../scripts/generate/render-text-runs';
import type { FormFormat as ReportFormat } from '../../lambdas/core/form';
import { makeReportSpec, type ReportSpec } from '../../scripts/generate/values';
import { extractionProblems, t4Splits, type Expected } from './extraction-check';

interface Layout {
  name: string;
  file: string;
  cells?: Expected['cells'];
  /** Seeds pick the layout quirks too, so each run covers their combinations. */
  render: (spec: ReportSpec) => string;
}

const LAYOUTS: Layout[] = [
  {
    name: 'html',
    file: 'r.html',
    render: (s) =>
      renderHtml(s, {
        t2Tables: s.seed % 2 ? 'one' : 'several',
        shortNormativeLabel: s.seed % 3 === 0,
        lawProhibitedTypo: s.seed % 5 === 0,
        procurementInYuan: s.seed % 7 === 0,
      }),
  },
  { name: 'pipes', file: 'r.txt', cells: 'pipes', render: (s) => renderTextPipes(s, { wrapLabelsOver: s.seed % 2 ? 24 : undefined }) },
  { name: 'runs', file: 'r.txt', cells: 'run-together', render: (s) => renderTextRuns(s) },
  { name: 'markdown', file: 'r.txt', cells: 'pipes', render: (s) => renderMarkdown(s, { rowGroupBlocks: s.seed % 2 === 0 }) },
];
const FORMATS: ReportFormat[] = ['2019', '2021'];
const SEEDS = Array.from({ length: 8 }, (_, i) => 1000 + i * 37);

describe.each(LAYOUTS.map((l) => [l.name, l] as const))('%s', (_name, layout) => {
  it.each(FORMATS.flatMap((f) => SEEDS.map((seed) => [f, seed] as const)))('%s format, seed %i', async (format, seed) => {
    const spec = makeReportSpec({ format, seed });
    const record = await parseReport({ id: 'r', name: layout.file, bytes: Buffer.from(layout.render(spec)) });
    expect({ agency: record.agency, year: record.year, format: record.format, publishedAt: record.publishedAt }).toEqual({
      agency: spec.agency,
      year: spec.year,
      format,
      publishedAt: spec.publishedAt,
    });
    expect(extractionProblems(record, { values: spec.values, cells: layout.cells })).toEqual([]);
  });
});

describe('t4Splits', () => {
  it('counts the consistent splits of a table 4 digit run', () => {
    // 2 1 3 1 7 | 0 0 0 0 0 | 13 2 4 0 19: the one split (the Pingtan layout's example).
    expect(t4Splits('21317000001324019')).toBe(1);
    // 11 0 0 0 11 or 1 10 0 0 11, then zeros: two splits.
    expect(t4Splits(`1100011${'0'.repeat(10)}`)).toBe(2);
    expect(t4Splits('0'.repeat(15))).toBe(1);
    expect(t4Splits('0'.repeat(14))).toBe(0);
  });
});
