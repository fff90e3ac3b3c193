/**
 * The tools people scrape reports with, run on the generated samples: what they print is what the
 * text readers must read (README, "Producers and scrapers"). Each is a Debian package (.ci/run installs
 * them); `npm run samples` writes their outputs to test/fixtures/scrapers/ when they are installed, so
 * the reader tests run on any machine, and test/scrapers/live.test.ts runs them afresh where they are
 * (always under CI: test/needs.js).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');
export const SAMPLES = join(ROOT, 'samples');
export const FIXTURES = join(ROOT, 'test/fixtures/scrapers');
/** Debian's Python, where python3-html2text and python3-bs4 live (the default python3 may be another). */
const PYTHON = '/usr/bin/python3';

export interface Scraper {
  id: string;
  /** What it reads: a page, or a PDF. */
  reads: 'html' | 'pdf';
  /** The executable that must be installed. */
  bin: string;
  /** Only for pages in UTF-8 (pandoc and html2text take no other encoding). */
  utf8Only?: boolean;
  run: (file: string) => string;
  /** What it does to a table, for the README and the tests' messages. */
  note: string;
}

const exec = (bin: string, args: string[], input?: Buffer) =>
  execFileSync(bin, args, {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    input,
    stdio: ['pipe', 'pipe', 'ignore'],
    env: { ...process.env, LC_ALL: 'C.UTF-8' },
  });

const python = (script: string, file: string) => exec(PYTHON, ['-c', script, file]);

export const SCRAPERS: Scraper[] = [
  {
    id: 'html2text',
    reads: 'html',
    bin: PYTHON,
    utf8Only: true,
    run: (f) => python('import sys, html2text\nh = html2text.HTML2Text()\nh.body_width = 0\nprint(h.handle(open(sys.argv[1], encoding="utf-8").read()))', f),
    note: 'Markdown pipe tables; a cell of several paragraphs broken over lines, `|` alone between cells',
  },
  {
    id: 'w3m',
    reads: 'html',
    bin: 'w3m',
    run: (f) => exec('w3m', ['-dump', '-T', 'text/html', '-O', 'UTF-8', f]),
    note: 'tables laid out in 80 columns by spaces (box-drawn when the table has a border attribute), labels wrapped inside cells',
  },
  {
    id: 'w3m-grid',
    reads: 'html',
    bin: 'w3m',
    // Word's "Table Grid" style writes border=1 on the table: w3m then draws it with box characters.
    run: (f) =>
      exec(
        'w3m',
        ['-dump', '-T', 'text/html', '-O', 'UTF-8', '-cols', '200'],
        Buffer.from(readFileSync(f, 'latin1').replace(/<table\b([^>]*?)\bborder=0/gi, '<table$1border=1'), 'latin1'),
      ),
    note: 'box-drawn tables (`┌─┬─┐ │ ├ ┼`) for a table with a border attribute, 200 columns',
  },
  {
    id: 'lynx',
    reads: 'html',
    bin: 'lynx',
    // lynx does not know the charset name `gbk` and prints U+FFFD for every Han character: nothing is left to read.
    utf8Only: true,
    run: (f) => exec('lynx', ['-dump', '-width=200', '-nolist', '-display_charset=utf-8', f]),
    note: 'one cell per line with blank lines between, blank cells mostly dropped',
  },
  {
    id: 'bs4',
    reads: 'html',
    bin: PYTHON,
    run: (f) => python("import sys, bs4\nprint(bs4.BeautifulSoup(open(sys.argv[1], 'rb').read(), 'html.parser').get_text('\\n', strip=True))", f),
    note: "BeautifulSoup `get_text('\\n', strip=True)`: one text node per line, blank cells dropped, Word's runs split words and numbers",
  },
  {
    id: 'pandoc',
    reads: 'html',
    bin: 'pandoc',
    utf8Only: true,
    run: (f) => exec('pandoc', ['-f', 'html', '-t', 'plain', '--columns=200', f]),
    note: 'simple tables between `---- ----` rules; a table with spanning cells becomes `[TABLE]` (lost)',
  },
  {
    id: 'pdftotext-layout',
    reads: 'pdf',
    bin: 'pdftotext',
    run: (f) => exec('pdftotext', ['-layout', '-enc', 'UTF-8', f, '-']),
    note: 'rows on lines, columns by spaces (one column per character), wrapped labels on extra lines, pages apart (form feeds)',
  },
  {
    id: 'pdftotext',
    reads: 'pdf',
    bin: 'pdftotext',
    run: (f) => exec('pdftotext', ['-enc', 'UTF-8', f, '-']),
    note: 'reading order: one cell per line in blocks, a column of rows at a time, labels apart from their figures',
  },
];

/** Whether an executable is on this machine. */
function installed(bin: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${bin}`], { stdio: 'ignore' });
    return bin !== PYTHON || execFileSync(PYTHON, ['-c', 'import html2text, bs4'], { stdio: 'ignore' }) !== undefined;
  } catch {
    return false;
  }
}

export interface ScrapeCase {
  scraper: Scraper;
  /** The sample's id (its labels are samples/[pdf/…/]<id>.labels.json). */
  id: string;
  input: string;
  labels: string;
  /** Where its committed output is. */
  fixture: string;
}

/** The generated HTML samples the page scrapers read: the base pages, their sparse variants and the re-encoded and traditional ones. */
const HTML_SAMPLES = /^gen-\d{4}-html-(?:one-table|split-variants|split-typo|sparse)(?:-(?:gbk-meta|big5-trad|trad-utf8))?\.html$/;

/** Every (scraper, sample) pair: HTML samples for the page scrapers, every rendered PDF (samples/pdf and its producers/) for pdftotext. */
export function scrapeCases(): ScrapeCase[] {
  const html = readdirSync(SAMPLES).filter((f) => HTML_SAMPLES.test(f));
  const pdfDirs = [join(SAMPLES, 'pdf'), join(SAMPLES, 'pdf/producers')].filter(existsSync);
  const pdfs = pdfDirs.flatMap((d) =>
    readdirSync(d)
      .filter((f) => f.endsWith('.pdf'))
      .map((f) => join(d, f)),
  );
  const out: ScrapeCase[] = [];
  for (const scraper of SCRAPERS) {
    const inputs = scraper.reads === 'html' ? html.filter((f) => !scraper.utf8Only || !/gbk|big5/.test(f)).map((f) => join(SAMPLES, f)) : pdfs;
    for (const input of inputs.sort()) {
      const id = input.replace(/^.*\//, '').replace(/\.(html|pdf)$/, '');
      out.push({ scraper, id, input, labels: input.replace(/\.(html|pdf)$/, '.labels.json'), fixture: join(FIXTURES, scraper.id, `${id}.txt`) });
    }
  }
  return out;
}

/** Runs one scraper on one sample: what it prints. */
export const scrape = (c: ScrapeCase) => c.scraper.run(c.input);

/** Writes every case's output where its scraper is installed; returns how many were written and the scrapers missing. */
export function writeFixtures(): { written: number; missing: string[] } {
  const missing = [...new Set(SCRAPERS.filter((s) => !installed(s.bin)).map((s) => s.id))];
  let written = 0;
  for (const c of scrapeCases()) {
    if (missing.includes(c.scraper.id)) continue;
    mkdirSync(join(FIXTURES, c.scraper.id), { recursive: true });
    writeFileSync(c.fixture, scrape(c));
    written++;
  }
  return { written, missing };
}
