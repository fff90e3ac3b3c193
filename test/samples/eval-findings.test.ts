import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseReport } from '../../lambdas/core/record/parse-report';
import type { Report } from '../../lambdas/core/types';
import { firedRules, parseExpected, renderFindingsScore, scoreFindings } from '../../scripts/eval-findings';

// The findings scorer on the project's generated samples and the project's own expected file.
const SAMPLES = path.resolve(__dirname, '../../samples');
const parse = async (file: string, id: string, edit?: (text: string) => string): Promise<Report> => {
  const text = readFileSync(path.join(SAMPLES, file), 'utf8');
  return parseReport({ id, name: file, bytes: Buffer.from(edit ? edit(text) : text, 'utf8') });
};

describe('findings precision and recall', () => {
  let clean: Report;
  let drifted: Report;
  beforeAll(async () => {
    clean = await parse('gen-2021-pipes.txt', 'clean');
    // The same report with its prose stating another number of applications: S8 must fire.
    const stated = clean.narrative.find((f) => f.key === 't3.newReceived.total')!;
    drifted = await parse('gen-2021-pipes.txt', 'drifted', (t) =>
      t.replace(`共收到政府信息公开申请${stated.value}件`, `共收到政府信息公开申请${stated.value + 7}件`),
    );
  });

  it('counts expected firings, misses and firings that must not be', () => {
    const expected = parseExpected(
      JSON.stringify({
        documents: {
          clean: { fire: [], quiet: ['S5', 'S8-mismatch'] },
          drifted: { fire: ['S8-mismatch', 'S5-balance'], quiet: ['S5-t4'] },
          absent: { fire: ['S1'] },
        },
      }),
    );
    const fired = firedRules([clean, drifted], '2099-01-01');
    expect(fired.get('drifted')).toContain('S8-mismatch');
    const score = scoreFindings(expected, fired);
    expect(score.documents.map((d) => d.id)).toEqual(['clean', 'drifted']);
    expect(score.documents[1]).toEqual({ id: 'drifted', hit: ['S8-mismatch'], missed: ['S5-balance'], wrong: [] });
    expect(score).toMatchObject({ tp: 1, fp: 0, fn: 1, precision: 1, recall: 0.5 });
    expect(renderFindingsScore(score, 'x.json')).toContain('FINDINGS precision=1.000 recall=0.500 (tp=1 fp=0 fn=1)');
  });

  it('counts a rule that must stay quiet and fires as a false positive, by family', () => {
    const expected = parseExpected(JSON.stringify({ documents: { drifted: { quiet: ['S8'] } } }));
    const score = scoreFindings(expected, firedRules([drifted], '2099-01-01'));
    expect(score).toMatchObject({ tp: 0, fp: 1, fn: 0, precision: 0, recall: null });
  });

  it('credits the audit findings to the report they audit', () => {
    const year = clean.year!;
    const before = { ...clean, id: 'before', year: year - 1 };
    const after = { ...clean, id: 'after', values: { ...clean.values, 't3.carriedOver.total': clean.values['t3.carriedOver.total'] + 5 } };
    const fired = firedRules([before, after], '2099-01-01');
    expect(fired.get('after')).toContain('X1');
    expect(fired.get('before')).not.toContain('X1');
  });

  it('reads the project’s expected file for the corpus', () => {
    const file = parseExpected(readFileSync(path.resolve(__dirname, '../../scripts/expected-findings.json'), 'utf8'));
    const docs = Object.values(file.documents);
    expect(docs.length).toBeGreaterThanOrEqual(10);
    for (const d of docs) {
      expect(d.why).toBeTruthy();
      expect(d.fire.filter((r) => d.quiet.includes(r))).toEqual([]);
    }
  });
});
