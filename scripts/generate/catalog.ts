/**
 * The generated samples of samples/: which spec, which renderer, which layout quirks. `npm run samples`
 * writes them; the tests regenerate them in memory to check that the committed files are current.
 */
import { garbledVariants } from './garble';
import { scrapedVariants } from './scraped';
import { renderHtml } from './render-html';
import { renderTextPipes } from './render-text-pipes';
import { renderTextRuns } from './render-text-runs';
import { makeReportSpec, type ReportSpec } from './values';

/** Every generated file's name starts with this, so regeneration can remove stale ones and nothing else. */
export const GENERATED_PREFIX = 'gen-';

export interface Sample {
  /** File name without extension; starts with GENERATED_PREFIX. */
  id: string;
  ext: 'html' | 'txt';
  /** As in ../shared/corpus labels: `html-table` or `flattened-text`. */
  layout: 'html-table' | 'flattened-text';
  spec: ReportSpec;
  /** The document as it is written to disk (a string is written as UTF-8). */
  content: string | Uint8Array;
  /** What the sample exercises, for the reader of the labels file. */
  notes: string[];
  /** Labels that differ from the spec's, e.g. `tables: []` and `values: {}` for a narrative-only variant. */
  labels?: Partial<Omit<SampleLabels, 'id'>>;
}

/** The labels file of a sample, in the shape of ../shared/corpus/*.labels.json plus `narrative`. */
export interface SampleLabels {
  id: string;
  source: { generator: string; seed: number };
  agency: string;
  year: number;
  /** `unknown` for a variant whose tables are lost (the format is read from the tables' shape). */
  format: '2019' | '2021' | 'unknown';
  publishedAt: string;
  sections: number[];
  tables: string[];
  layout: Sample['layout'];
  /** For flattened text: cells between `|`, or run together with no separator. */
  cells?: 'pipes' | 'run-together';
  notes: string[];
  values: Record<string, number>;
  narrative: Array<{ key: string; value: number }>;
}

/** A sample whose table 3 prints zeros as blank cells: blank cells carry no value, so their keys leave the labels (the prose still states its figures). */
function sparse(sample: Sample): Sample {
  const values = Object.fromEntries(Object.entries(sample.spec.values).filter(([k, v]) => !(k.startsWith('t3.') && v === 0)));
  return { ...sample, labels: { values } };
}

export function baseSamples(): Sample[] {
  const spec = (format: '2019' | '2021', seed: number) => makeReportSpec({ format, seed });
  const html = (id: string, s: ReportSpec, options: Parameters<typeof renderHtml>[1], notes: string[]): Sample => ({
    id: `${GENERATED_PREFIX}${id}`,
    ext: 'html',
    layout: 'html-table',
    spec: s,
    content: renderHtml(s, options),
    notes: ['Word-generated HTML: mso- spans, <o:p>, &nbsp; cells, rowspan/colspan.', ...notes],
  });
  const text = (id: string, s: ReportSpec, content: string, cells: SampleLabels['cells'], notes: string[]): Sample => ({
    id: `${GENERATED_PREFIX}${id}`,
    ext: 'txt',
    layout: 'flattened-text',
    spec: s,
    content,
    notes,
    labels: { cells },
  });
  const s2021a = spec('2021', 2101);
  const s2021b = spec('2021', 2102);
  const s2021c = spec('2021', 2103);
  const s2021d = spec('2021', 2104);
  const s2019a = spec('2019', 1901);
  const s2019b = spec('2019', 1902);
  const s2019c = spec('2019', 1903);
  const s2019d = spec('2019', 1904);
  return [
    html('2021-html-one-table', s2021a, { t2Tables: 'one' }, ['Table 2 as one <table> holding its four sub-tables.']),
    html('2021-html-split-variants', s2021b, { t2Tables: 'several', shortNormativeLabel: true, lawProhibitedTypo: true }, [
      'Table 2 as one <table> per 第二十条 clause.',
      'Label variant 规范性文件 for 行政规范性文件; typo 2.其他法律行政止公开.',
    ]),
    html('2019-html-one-table', s2019a, { t2Tables: 'one', procurementInYuan: true }, [
      'Table 2 as one <table>; blank cells pad the narrower clauses.',
      'Procurement amount printed in 元, labelled in 万元.',
    ]),
    html('2019-html-split-typo', s2019b, { t2Tables: 'several', lawProhibitedTypo: true }, ['Table 2 as one <table> per clause; typo 2.其他法律行政止公开.']),
    sparse(
      html('2021-html-sparse', s2021a, { t2Tables: 'several', blankZeros: true }, [
        'Sparse table 3: zero cells left blank (their keys are not labelled); table 2 one <table> per clause.',
      ]),
    ),
    sparse(
      html('2019-html-sparse', s2019a, { t2Tables: 'several', blankZeros: true }, [
        'Sparse table 3: zero cells left blank (their keys are not labelled); table 2 one <table> per clause.',
      ]),
    ),
    text('2021-pipes', s2021c, renderTextPipes(s2021c, { wrapLabelsOver: 24 }), 'pipes', [
      'Flattened text: rows as `label | cell | …`, spans kept as empty cells (`|||`), header labels wrapped (`本年制发 件数`).',
      'Row labels over 24 characters wrapped onto a second line.',
    ]),
    text('2019-pipes', s2019c, renderTextPipes(s2019c), 'pipes', [
      'Flattened text: rows as `label | cell | …`, spans kept as empty cells (`|||`), header labels wrapped (`本年新 制作数量`).',
    ]),
    text('2021-runs', s2021d, renderTextRuns(s2021d), 'run-together', [
      'Crawler export: header block, then the body on one line with table cells run together (no separator).',
    ]),
    text('2019-runs', s2019d, renderTextRuns(s2019d), 'run-together', [
      'Crawler export: header block, then the body on one line with table cells run together (no separator).',
    ]),
  ];
}

/**
 * Every sample `npm run samples` writes. Variants of the base samples (re-encoded, garbled,
 * narrative-only: scripts/generate/garble.ts; scraped and converted: scripts/generate/scraped.ts)
 * are appended here, each with its own id and labels.
 */
export function allSamples(): Sample[] {
  const base = baseSamples();
  return [...base, ...garbledVariants(base), ...scrapedVariants(base)];
}

export function labelsOf(sample: Sample): SampleLabels {
  const { spec } = sample;
  return {
    id: sample.id,
    source: { generator: 'npm run samples (scripts/generate)', seed: spec.seed },
    agency: spec.agency,
    year: spec.year,
    format: spec.format,
    publishedAt: spec.publishedAt,
    sections: [1, 2, 3, 4, 5, 6],
    tables: ['t2', 't3', 't4'],
    layout: sample.layout,
    notes: sample.notes,
    values: spec.values,
    narrative: spec.narrative,
    ...sample.labels,
  };
}
