/**
 * Property: a scraper that drops blank cells from pipe rows never makes the parser read a wrong
 * number. Random generated reports get random cells left blank (any table, any column), are
 * printed with every empty cell dropped, with or without table 2's figures in the prose; every
 * value read must be the report's own, and a blank cell must never get a value.
 */
import fc from 'fast-check';
import { parseReport } from '../../lambdas/core/record/parse-report';
import { renderTextPipes } from '../../scripts/generate/render-text-pipes';
import { withProse } from '../../scripts/generate/scraped';
import { tableKeys } from '../../lambdas/core/form';
import { makeReportSpec } from '../../scripts/generate/values';

const STATED = {
  '2021': ['t2.rules.issued', 't2.rules.valid', 't2.normative.issued', 't2.normative.valid'],
  '2019': ['t2.rules.made', 't2.rules.total', 't2.normative.made', 't2.normative.total'],
};

it('never reads a wrong value from rows whose blank cells were dropped', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.constantFrom('2019' as const, '2021' as const),
      fc.integer({ min: 1, max: 100_000 }),
      fc.integer({ min: 1, max: 0x7fffffff }),
      fc.double({ min: 0.02, max: 0.5, noNaN: true }),
      fc.boolean(),
      async (format, seed, pick, share, prose) => {
        const spec = makeReportSpec({ format, seed });
        // Blank a random share of the cells, chosen by a hash of the key so the run shrinks well.
        const blank = tableKeys(format).filter((k) => ((hash(k) ^ pick) >>> 0) / 0xffffffff < share);
        const blanked = withProse(spec, prose ? STATED[format] : [], blank);
        const text = renderTextPipes(blanked, { dropBlankCells: true });
        const record = await parseReport({ id: 'p', name: 'p.txt', bytes: Buffer.from(text) });
        const wrong = Object.entries(record.values).filter(([k, v]) => blanked.values[k] !== v);
        expect(wrong).toEqual([]);
      },
    ),
    { numRuns: 60 },
  );
});

it('reads every printed cell when no row lost a cell to a blank (the property is not vacuous)', async () => {
  const spec = makeReportSpec({ format: '2021', seed: 7 });
  const record = await parseReport({ id: 'p', name: 'p.txt', bytes: Buffer.from(renderTextPipes(spec, { dropBlankCells: true })) });
  expect(record.values).toEqual(spec.values);
});

function hash(s: string): number {
  let h = 2166136261;
  for (const c of s) h = Math.imul(h ^ c.codePointAt(0)!, 16777619);
  return h >>> 0;
}
