/**
 * What the scrapers print of the generated samples (test/fixtures/scrapers/, written by `npm run samples`
 * where the tools are installed): no output of any generated report yields a wrong value or one the
 * labels lack, the metadata is the labelled one, and every labelled value is read, or left open with
 * its candidates, or reported as unread (./check.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import { parseReport } from '../../lambdas/core/record/parse-report';
import type { Report } from '../../lambdas/core/types';
import { scrapeCases } from '../../scripts/generate/scrapers';
import { account, KNOWN_GAPS } from './check';

const cases = scrapeCases().filter((c) => existsSync(c.fixture));
const key = (c: (typeof cases)[number]) => `${c.scraper.id}/${c.id}`;

it('has a committed output for every scraper and sample (npm run samples writes them)', () => {
  expect(
    scrapeCases()
      .filter((c) => !existsSync(c.fixture))
      .map(key),
  ).toEqual([]);
  expect(cases.length).toBeGreaterThanOrEqual(80);
});

describe.each(cases.map((c) => [key(c), c] as const))('%s', (name, c) => {
  let record: Report;
  const labels = JSON.parse(readFileSync(c.labels, 'utf8')) as { agency: string; year: number; format: string; values: Record<string, number> };
  beforeAll(async () => {
    record = await parseReport({ id: c.id, name: `${c.id}.txt`, bytes: new Uint8Array(readFileSync(c.fixture)) });
  });

  it('reads the labelled agency, year and format', () => {
    expect([record.status, record.agency, record.year, record.format]).toEqual(['parsed', labels.agency, labels.year, labels.format]);
  });

  it('reads no wrong value and none the labels lack', () => {
    expect(account(record, labels.values).problems.filter((p) => / read, /.test(p))).toEqual([]);
  });

  it(
    KNOWN_GAPS[name]
      ? `leaves figures unreported: ${KNOWN_GAPS[name]}`
      : 'reads every labelled value, or lists it open with its candidates, or reports it unread',
    () => {
      const problems = account(record, labels.values).problems;
      if (KNOWN_GAPS[name]) expect(problems.length).toBeGreaterThan(0);
      else expect(problems).toEqual([]);
    },
  );
});
