/**
 * @needs w3m @needs lynx @needs pandoc @needs pdftotext @needs html2text @needs bs4
 * The scrapers run afresh on the generated samples: what they print today must read as the committed
 * outputs do (./check.ts). Without a scraper the suite does not run (test/needs.js; under CI it fails).
 */
import { readFileSync } from 'node:fs';
import { parseReport } from '../../lambdas/core/record/parse-report';
import { scrape, scrapeCases } from '../../scripts/generate/scrapers';
import { account, KNOWN_GAPS } from './check';

it.each(scrapeCases().map((c) => [`${c.scraper.id}/${c.id}`, c] as const))(
  '%s reads today as committed: no wrong value, every value read, open or reported',
  async (name, c) => {
    const labels = JSON.parse(readFileSync(c.labels, 'utf8')) as { values: Record<string, number> };
    const record = await parseReport({ id: c.id, name: `${c.id}.txt`, bytes: new Uint8Array(Buffer.from(scrape(c))) });
    const problems = account(record, labels.values).problems;
    expect(problems.filter((p) => / read, /.test(p))).toEqual([]);
    if (!KNOWN_GAPS[name]) expect(problems).toEqual([]);
  },
  30_000,
);
