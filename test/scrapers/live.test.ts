/**
 * The scrapers run afresh on the generated samples, where they are installed (always under CI, which
 * installs them: .ci/run): what they print today must read as the committed outputs do (./check.ts). A
 * missing tool is a failure under CI and a skip elsewhere, so `npm test` runs on a machine with only Node.
 */
import { readFileSync } from 'node:fs';
import { parseReport } from '../../lambdas/core/record/parse-report';
import { SCRAPERS, installed, scrape, scrapeCases } from '../../scripts/generate/scrapers';
import { account, KNOWN_GAPS } from './check';

const missing = SCRAPERS.filter((s) => !installed(s.bin)).map((s) => `${s.id} (${s.bin})`);
const required = process.env.CI === 'true';
const cases = scrapeCases().filter((c) => installed(c.scraper.bin));

it('has every scraper installed under CI', () => {
  if (required) expect(missing).toEqual([]);
});

const run = cases.length ? it.each(cases.map((c) => [`${c.scraper.id}/${c.id}`, c] as const)) : it.skip.each([['(no scraper installed)', undefined]]);

run(
  '%s reads today as committed: no wrong value, every value read, open or reported',
  async (name, c) => {
    const labels = JSON.parse(readFileSync(c!.labels, 'utf8')) as { values: Record<string, number> };
    const record = await parseReport({ id: c!.id, name: `${c!.id}.txt`, bytes: new Uint8Array(Buffer.from(scrape(c!))) });
    const problems = account(record, labels.values).problems;
    expect(problems.filter((p) => / read, /.test(p))).toEqual([]);
    if (!KNOWN_GAPS[name]) expect(problems).toEqual([]);
  },
  30_000,
);
