/**
 * Every generated sample in samples/ parses to exactly its labels: metadata, sections, tables and
 * every table value, with no value the labels do not have (extraction-check.ts says exactly).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseReport } from '../../lambdas/core/record/parse-report';
import type { Report } from '../../lambdas/core/types';
import { GENERATED_PREFIX, type SampleLabels } from '../../scripts/generate/catalog';
import { extractionProblems } from './extraction-check';

const SAMPLES = resolve(__dirname, '../../samples');

interface Case {
  labels: SampleLabels;
  file: string;
}

const cases: Case[] = readdirSync(SAMPLES)
  .filter((f) => f.startsWith(GENERATED_PREFIX) && f.endsWith('.labels.json'))
  .sort()
  .map((f) => {
    const labels = JSON.parse(readFileSync(join(SAMPLES, f), 'utf8')) as SampleLabels;
    const file = readdirSync(SAMPLES).find((d) => d.startsWith(`${labels.id}.`) && !d.endsWith('.labels.json'));
    if (!file) throw new Error(`samples/${f} has no document beside it`);
    return { labels, file };
  });

it('finds the generated samples', () => {
  expect(cases.length).toBeGreaterThanOrEqual(8);
});

describe.each(cases.map((c) => [c.labels.id, c] as const))('%s', (_id, { labels, file }) => {
  let record: Report;

  beforeAll(async () => {
    record = await parseReport({ id: labels.id, name: file, bytes: readFileSync(join(SAMPLES, file)) });
  });

  it('parses, with the labelled metadata', () => {
    expect(record.status).toBe('parsed');
    expect({ agency: record.agency, year: record.year, format: record.format, publishedAt: record.publishedAt }).toEqual({
      agency: labels.agency,
      year: labels.year,
      format: labels.format,
      publishedAt: labels.publishedAt,
    });
  });

  it('finds the labelled sections and tables', () => {
    expect(record.sections.map((s) => s.n)).toEqual(labels.sections);
    expect([...record.tables].sort()).toEqual([...labels.tables].sort());
  });

  it('extracts every labelled value exactly, and no other (ambiguous digit runs aside, see extraction-check.ts)', () => {
    expect(extractionProblems(record, labels)).toEqual([]);
  });

  it('gives every value evidence: the printed cell (or digit run) it was read from', () => {
    const unsupported = Object.keys(record.values).filter((key) => !/\d/.test(record.evidence[key]?.raw ?? ''));
    expect(unsupported).toEqual([]);
  });
});
