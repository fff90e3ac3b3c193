/**
 * `npm run samples`: writes every generated sample of scripts/generate/catalog.ts to samples/ as
 * `<id>.html|.txt` plus `<id>.labels.json`, removes generated files that are no longer made, and
 * copies the seed report in unchanged, then writes what each installed scraper prints of them to
 * test/fixtures/scrapers/ (scripts/generate/scrapers.ts). Deterministic: re-running gives identical bytes.
 */
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { GENERATED_PREFIX, allSamples, labelsOf } from './generate/catalog';
import { writeFixtures } from './generate/scrapers';

const ROOT = resolve(__dirname, '..');
const OUT = join(ROOT, 'samples');
/** The repo's copy of ../shared/seed (kept in sync by hand, like docs/): the repo stands on its own. */
const SEED = resolve(ROOT, 'test/fixtures/seed/000_a211173aaaac4cee.txt');

function main(): void {
  mkdirSync(OUT, { recursive: true });
  const written = new Set<string>();
  for (const sample of allSamples()) {
    const doc = `${sample.id}.${sample.ext}`;
    const labels = `${sample.id}.labels.json`;
    writeFileSync(join(OUT, doc), sample.content);
    writeFileSync(join(OUT, labels), `${JSON.stringify(labelsOf(sample), null, 1)}\n`);
    written.add(doc).add(labels);
  }
  // Only generated files (by their prefix) are ever removed: the seed and anything else stay.
  const stale = readdirSync(OUT).filter((f) => f.startsWith(GENERATED_PREFIX) && !written.has(f));
  for (const f of stale) rmSync(join(OUT, f));
  // Copied by content, so the copy does not inherit the shared folder's read-only mode.
  writeFileSync(join(OUT, basename(SEED)), readFileSync(SEED));
  console.log(`samples/: ${written.size / 2} generated samples written, ${stale.length} stale files removed, seed copied.`);
  for (const f of [...written].filter((f) => !f.endsWith('.labels.json')).sort()) console.log(`  ${f}`);
  // What the scrapers print of the samples (and of samples/pdf, rendered by scripts/generate/render-pdf.ts), where they are installed.
  const scraped = writeFixtures();
  console.log(
    `test/fixtures/scrapers/: ${scraped.written} outputs written${scraped.missing.length ? `; not installed, kept as committed: ${scraped.missing.join(', ')}` : ''}.`,
  );
}

main();
