import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { GENERATED_PREFIX, allSamples, labelsOf } from '../../scripts/generate/catalog';
import { identityBreaks } from '../../scripts/generate/values';

const SAMPLES = resolve(__dirname, '../../samples');
const SEED = '000_a211173aaaac4cee.txt';

describe('samples/ as committed', () => {
  const samples = allSamples();

  it('covers both formats in HTML, pipe-separated text and run-together text', () => {
    const kinds = new Set(samples.map((s) => `${s.spec.format}/${s.layout}/${labelsOf(s).cells ?? 'html'}`));
    for (const format of ['2019', '2021'])
      for (const kind of ['html-table/html', 'flattened-text/pipes', 'flattened-text/run-together']) expect(kinds).toContain(`${format}/${kind}`);
  });

  it('holds exactly what `npm run samples` generates, byte for byte (re-run it after changing the generator)', () => {
    const onDisk = readdirSync(SAMPLES).filter((f) => f.startsWith(GENERATED_PREFIX)).sort();
    const expected = samples.flatMap((s) => [`${s.id}.${s.ext}`, `${s.id}.labels.json`]).sort();
    expect(onDisk).toEqual(expected);
    for (const sample of samples) {
      const onDisk = readFileSync(join(SAMPLES, `${sample.id}.${sample.ext}`));
      // Text compares as text, so a stale file shows a readable diff.
      if (typeof sample.content === 'string') expect(onDisk.toString('utf8')).toBe(sample.content);
      else expect(onDisk.equals(sample.content)).toBe(true);
      expect(JSON.parse(readFileSync(join(SAMPLES, `${sample.id}.labels.json`), 'utf8'))).toEqual(labelsOf(sample));
    }
  });

  it('labels values that satisfy the identities of fields.md', () => {
    for (const sample of samples) expect(identityBreaks(sample.spec.format, labelsOf(sample).values)).toEqual([]);
  });

  it('has the seed report unchanged (test/fixtures/seed is the repo copy of ../shared/seed)', () => {
    expect(readFileSync(join(SAMPLES, SEED))).toEqual(readFileSync(resolve(__dirname, '../fixtures/seed', SEED)));
  });
});
