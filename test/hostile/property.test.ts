import fc from 'fast-check';
import iconv from 'iconv-lite';
import { parseReport } from '../../lambdas/core/record/parse-report';
import type { Report } from '../../lambdas/core/types';
import { renderHtml } from '../../scripts/generate/render-html';
import { renderTextPipes } from '../../scripts/generate/render-text-pipes';
import { renderTextRuns } from '../../scripts/generate/render-text-runs';
import { tableKeys } from '../../lambdas/core/form';
import { makeReportSpec, type ReportSpec } from '../../scripts/generate/values';

/**
 * Property tests: random mutations of generated reports never crash the parser, never put a
 * number under a wrong key while the tables are intact, and every value keeps its evidence.
 */
const specs = [makeReportSpec({ format: '2019', seed: 101 }), makeReportSpec({ format: '2021', seed: 202 })];
const renderers: [string, (s: ReportSpec) => string][] = [
  ['html', (s) => renderHtml(s)],
  ['pipes', (s) => renderTextPipes(s)],
  ['runs', (s) => renderTextRuns(s)],
];
const docs = specs.flatMap((spec) => renderers.map(([kind, render]) => ({ kind, spec, text: render(spec) })));
const CANONICAL = new Set([...tableKeys('2019'), ...tableKeys('2021')]);
const RUNS = { numRuns: 20 };

const parse = (text: string | Buffer, kind: string) =>
  parseReport({ id: 'p', name: kind === 'html' ? 'p.html' : 'p.txt', bytes: typeof text === 'string' ? Buffer.from(text) : text });

function wellFormed(r: Report) {
  expect(['parsed', 'rejected']).toContain(r.status);
  for (const [key, value] of Object.entries(r.values)) {
    expect(CANONICAL.has(key)).toBe(true);
    expect(Number.isFinite(value)).toBe(true);
    expect(r.evidence[key]).toMatchObject({ source: 'table', locator: expect.any(String), raw: expect.any(String) });
  }
}

/** Prose (Han text, figures with units, dates) inserted after the first section heading. */
const prose = fc
  .array(
    fc.oneof(
      fc.constantFrom('本年度', '予以公开', '行政许可', '规章', '收到申请', '共', '，', '。', '总计'),
      fc.nat(99999).map((n) => `${n}件`),
      fc.nat(2030).map((y) => `${y}年`),
    ),
    {
      minLength: 1,
      maxLength: 12,
    },
  )
  .map((parts) => parts.join(''));

describe('parser properties on mutated generated reports', () => {
  it.each(docs.map((d) => [`${d.spec.format} ${d.kind}`, d] as const))('prose added to section 1 changes no table value (%s)', async (_, doc) => {
    const at = doc.text.indexOf('总体情况') + '总体情况'.length;
    await fc.assert(
      fc.asyncProperty(prose, async (p) => {
        const r = await parse(doc.text.slice(0, at) + (doc.kind === 'html' ? `<p>${p}</p>` : `\n${p}\n`) + doc.text.slice(at), doc.kind);
        wellFormed(r);
        // Every value read is the printed one; ambiguous digit runs may be left out, never guessed.
        for (const [key, value] of Object.entries(r.values)) expect([key, value]).toEqual([key, doc.spec.values[key]]);
        if (doc.kind !== 'runs') expect(Object.keys(r.values).length).toBe(Object.keys(doc.spec.values).length);
      }),
      RUNS,
    );
  });

  type Mutation = { kind: 'drop' | 'swap' | 'pipe'; at: number } | { kind: 'mojibake'; at: number; len: number };
  const mutation: fc.Arbitrary<Mutation> = fc.oneof(
    // drop a cell
    fc.record({ kind: fc.constant('drop' as const), at: fc.nat() }),
    // swap two adjacent digits
    fc.record({ kind: fc.constant('swap' as const), at: fc.nat() }),
    // insert a pipe
    fc.record({ kind: fc.constant('pipe' as const), at: fc.nat() }),
    // re-encode a span as GBK read as UTF-8 (mojibake)
    fc.record({ kind: fc.constant('mojibake' as const), at: fc.nat(), len: fc.integer({ min: 1, max: 40 }) }),
  );

  function mutate(text: string, m: Mutation): string | Buffer {
    const i = m.at % Math.max(1, text.length);
    if (m.kind === 'pipe') return text.slice(0, i) + '|' + text.slice(i);
    if (m.kind === 'swap') {
      const digits = [...text.matchAll(/\d\d/g)];
      if (digits.length === 0) return text;
      const d = digits[m.at % digits.length].index!;
      return text.slice(0, d) + text[d + 1] + text[d] + text.slice(d + 2);
    }
    if (m.kind === 'drop') {
      const cells = [...text.matchAll(/<td[^>]*>.*?<\/td>|\|[^|\n]*(?=\|)/gs)];
      if (cells.length === 0) return text;
      const c = cells[m.at % cells.length];
      return text.slice(0, c.index!) + text.slice(c.index! + c[0].length);
    }
    if (m.kind !== 'mojibake') return text;
    const span = text.slice(i, i + m.len);
    return Buffer.concat([
      Buffer.from(text.slice(0, i)),
      Buffer.from(iconv.decode(iconv.encode(span, 'gbk'), 'latin1'), 'utf8'),
      Buffer.from(text.slice(i + m.len)),
    ]);
  }

  it.each(docs.map((d) => [`${d.spec.format} ${d.kind}`, d] as const))(
    'damaged tables never crash the parser and every value has evidence (%s)',
    async (_, doc) => {
      await fc.assert(
        fc.asyncProperty(mutation, async (m) => {
          wellFormed(await parse(mutate(doc.text, m), doc.kind));
        }),
        RUNS,
      );
    },
  );
});
