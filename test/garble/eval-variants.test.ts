import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseReport } from '../../lambdas/core/record/parse-report';
import { buildVariants } from '../../scripts/eval-variants';
import { baseSamples, labelsOf } from '../../scripts/generate/catalog';

const corpus = mkdtempSync(path.join(tmpdir(), 'ogi-variants-corpus-'));
const out = mkdtempSync(path.join(tmpdir(), 'ogi-variants-out-'));
const base = baseSamples();
const docs = [base.find((s) => s.ext === 'html')!, base.find((s) => s.ext === 'txt')!];

beforeAll(() => {
  for (const s of docs) {
    writeFileSync(path.join(corpus, `${s.id}.${s.ext}`), s.content);
    writeFileSync(path.join(corpus, `${s.id}.labels.json`), JSON.stringify(labelsOf(s)));
  }
  // A PDF has no text encoding to garble, and an unlabelled document cannot be scored: both are left out.
  writeFileSync(path.join(corpus, 'scan.pdf'), '%PDF-1.4');
  writeFileSync(path.join(corpus, 'scan.labels.json'), '{}');
  writeFileSync(path.join(corpus, 'unlabelled.txt'), '年度报告');
});
afterAll(() => {
  rmSync(corpus, { recursive: true, force: true });
  rmSync(out, { recursive: true, force: true });
});

const parse = (dir: string, file: string) => parseReport({ id: file.replace(/\.\w+$/, ''), name: file, bytes: readFileSync(path.join(dir, file)) });

describe('corpus variants for eval --variants', () => {
  it('writes GBK, Big5-traditional and traditional-UTF-8 copies with their labels, which parse the same', async () => {
    const sets = buildVariants(corpus, out);
    expect(sets.map((s) => s.name)).toEqual(['gbk-nometa', 'big5-trad', 'trad-utf8']);
    const expected = { 'gbk-nometa': ['gb18030', 'simplified'], 'big5-trad': ['big5', 'traditional'], 'trad-utf8': ['utf-8', 'traditional'] };
    for (const set of sets) {
      expect(set.ids).toEqual(docs.map((d) => d.id).sort());
      expect(readdirSync(set.dir).sort()).toEqual(docs.flatMap((d) => [`${d.id}.${d.ext}`, `${d.id}.labels.json`]).sort());
      for (const d of docs) {
        const file = `${d.id}.${d.ext}`;
        expect(readFileSync(path.join(set.dir, file))).not.toEqual(readFileSync(path.join(corpus, file)));
        expect(readFileSync(path.join(set.dir, `${d.id}.labels.json`), 'utf8')).toBe(readFileSync(path.join(corpus, `${d.id}.labels.json`), 'utf8'));
        const [original, variant] = await Promise.all([parse(corpus, file), parse(set.dir, file)]);
        expect([variant.input.encoding, variant.input.script]).toEqual(expected[set.name]);
        expect({
          agency: variant.agency,
          year: variant.year,
          format: variant.format,
          values: variant.values,
          narrative: variant.narrative.map((n) => [n.key, n.value]),
        }).toEqual({
          agency: original.agency,
          year: original.year,
          format: original.format,
          values: original.values,
          narrative: original.narrative.map((n) => [n.key, n.value]),
        });
        expect(Object.keys(original.values).length).toBeGreaterThan(50);
      }
    }
  });
});
