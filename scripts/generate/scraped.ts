/**
 * What scrapers and document converters do to a report's text beyond its encoding (issue 14):
 * blank cells dropped from pipe rows, tables printed as one block per row group, a typo in a
 * section heading, Markdown markup, and table 2's figures stated in the prose. Each variant is
 * made from a base sample's spec, with labels that say what a correct parser reads from it.
 */
import { SECTION_TITLES } from '../../lambdas/core/form';
import type { Sample } from './catalog';
import { narrativeKeys } from './narrative';
import { renderMarkdown } from './render-markdown';
import { renderTextPipes } from './render-text-pipes';
import { renderTextRuns } from './render-text-runs';
import type { ReportSpec } from './values';

/** A real report's section 4 heading, with an extra 法 (edit distance 1 from the form's title). */
export const TYPO_HEADING = '四、政府信息公开行政法复议、行政诉讼情况';

/** Table 2's cells left blank, and the figures the prose states so that the short rows can be placed. */
const BLANKS: Record<ReportSpec['format'], { blank: string[]; stated: string[] }> = {
  '2021': { blank: ['t2.rules.repealed', 't2.normative.repealed'], stated: ['t2.rules.issued', 't2.rules.valid', 't2.normative.issued', 't2.normative.valid'] },
  '2019': { blank: ['t2.rules.published', 't2.normative.published'], stated: ['t2.rules.made', 't2.rules.total', 't2.normative.made', 't2.normative.total'] },
};

/**
 * A `t2-prose` variant's table-2 documents, glued into runs that split several ways without the
 * prose (`8855698` → 88 | 55 | 698 or 8 | 85 | 5698 or …), and the figures its prose states.
 */
const PROSE: Record<ReportSpec['format'], { values: Record<string, number>; stated: string[] }> = {
  '2021': {
    values: {
      't2.rules.issued': 22,
      't2.rules.repealed': 3,
      't2.rules.valid': 235,
      't2.normative.issued': 88,
      't2.normative.repealed': 55,
      't2.normative.valid': 698,
    },
    stated: ['t2.rules.issued', 't2.rules.valid', 't2.normative.issued', 't2.normative.valid', 't2.licensing.decisions'],
  },
  '2019': {
    values: {
      't2.rules.made': 1,
      't2.rules.published': 1,
      't2.rules.total': 12,
      't2.normative.made': 1,
      't2.normative.published': 2,
      't2.normative.total': 235,
    },
    stated: ['t2.rules.made', 't2.rules.total', 't2.normative.made', 't2.normative.total', 't2.licensing.decisions', 't2.procurement.count'],
  },
};

/** The spec with `blank` keys left blank and the prose stating exactly the `stated` figures of table 2, in the order the prose states them. */
export function withProse(spec: ReportSpec, stated: string[], blank: string[] = []): ReportSpec {
  const values = Object.fromEntries(Object.entries(spec.values).filter(([k]) => !blank.includes(k)));
  const keys = new Set([...spec.narrative.map((f) => f.key).filter((k) => !k.startsWith('t2.')), ...stated]);
  const narrative = narrativeKeys(spec.format, true)
    .filter((k) => keys.has(k) && k in values)
    .map((key) => ({ key, value: values[key] }));
  return { ...spec, values, narrative };
}

export function scrapedVariants(base: Sample[]): Sample[] {
  const find = (id: string) => base.find((s) => s.id.endsWith(id))!;
  const variant = (from: Sample, suffix: string, spec: ReportSpec, content: string, notes: string[], labels: Sample['labels'] = {}): Sample => ({
    ...from,
    id: `${from.id}-${suffix}`,
    spec,
    content,
    notes: [...from.notes, ...notes],
    labels: { ...from.labels, ...labels },
  });
  const out: Sample[] = [];
  for (const format of ['2021', '2019'] as const) {
    const pipes = find(`${format}-pipes`);
    const { blank, stated } = BLANKS[format];
    const blanked = withProse(pipes.spec, stated, blank);
    out.push(
      variant(pipes, 'dropped-blanks', blanked, renderTextPipes(blanked, { dropBlankCells: true }), [
        `Every empty cell dropped by the scraper; table 2 leaves ${blank.join(', ')} blank, so those rows print fewer cells than columns.`,
        `The prose states ${stated.join(', ')}: with the form's bounds they place each printed cell in its column.`,
      ]),
    );
    const runs = find(`${format}-runs`);
    const prose = withProse({ ...runs.spec, values: { ...runs.spec.values, ...PROSE[format].values } }, PROSE[format].stated);
    out.push(
      variant(runs, 't2-prose', prose, renderTextRuns(prose), [
        `Table 2's document rows set to runs that split several ways; the prose states ${PROSE[format].stated.join(', ')}, which decide them.`,
      ]),
    );
  }
  const pipes = find('2021-pipes');
  out.push(
    variant(pipes, 'row-blocks', pipes.spec, renderTextPipes(pipes.spec, { rowGroupBlocks: true }), [
      'Table 4 as three blocks, each group under its own heading line repeating 结果维持 | … | 总计; table 3 cut at its row groups under placeholder headers.',
    ]),
    variant(pipes, 'heading-typo', pipes.spec, renderTextPipes(pipes.spec).replace(SECTION_TITLES[3], TYPO_HEADING), [
      `Section 4 titled ${TYPO_HEADING} (an extra 法).`,
    ]),
    {
      ...variant(pipes, 'markdown', pipes.spec, renderMarkdown(pipes.spec, { rowGroupBlocks: true }), [
        'Converted to Markdown: `#` title with spaced words, `##` headings, bold leads and date, tables with `|---|` rules and `<br>` in wrapped headers.',
        'As converters do, tables 3 and 4 come as one Markdown table per row group (placeholder headers of blank cells for table 3).',
      ]),
      ext: 'txt',
    },
  );
  return out;
}
