/**
 * PDF parsing cost, on the same files in the same run: the full parse (parseReport: pdf.js text, layout,
 * grids, mapping, rules), bare unpdf `extractText`, and poppler's `pdftotext -layout`; ms per page and the
 * ratios. Then the peak RSS of a full parse of a generated 100-page PDF, measured in a child process.
 * Files: samples/pdf/*.pdf and, when present beside the repo, the real PDFs of ../shared/corpus (read in place).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { extractText, getDocumentProxy } from 'unpdf';
import { parseReport } from '../lambdas/core/record/parse-report';
import { printPdf, printableHtml } from '../scripts/generate/render-pdf';
import { median, type BenchResult } from './result';

const ROOT = path.resolve(__dirname, '..');
const RUNS = 7;
const BIG_PAGES = 100;

interface PdfFile {
  path: string;
  bytes: Uint8Array;
  pages: number;
}

function pdfFiles(): string[] {
  const dirs = [path.join(ROOT, 'samples/pdf'), path.resolve(ROOT, '../shared/corpus')].filter(existsSync);
  return dirs.flatMap((d) =>
    readdirSync(d)
      .filter((f) => f.endsWith('.pdf'))
      .map((f) => path.join(d, f)),
  );
}

type Method = (f: PdfFile) => unknown;

/**
 * Per method, the sum over files of the median wall time of RUNS runs. The methods take turns on each
 * file, so load from other processes on the shared box falls on all of them alike.
 */
async function totalMs(files: PdfFile[], methods: Method[]): Promise<number[]> {
  const totals = methods.map(() => 0);
  for (const f of files) {
    for (const m of methods) await m(f); // warm: module load and JIT are not per-page costs
    const runs = methods.map((): number[] => []);
    for (let i = 0; i < RUNS; i++) {
      for (const [k, m] of methods.entries()) {
        const t = performance.now();
        await m(f);
        runs[k].push(performance.now() - t);
      }
    }
    runs.forEach((r, k) => (totals[k] += median(r)));
  }
  return totals;
}

/** A ~100-page report: a sample printed over and over, cut at BIG_PAGES pages. Cached in the temp dir. */
async function bigPdf(): Promise<string> {
  const file = path.join(os.tmpdir(), `ogi-bench-${BIG_PAGES}-pages.pdf`);
  if (existsSync(file)) return file;
  const html = readFileSync(path.join(ROOT, 'samples/gen-2021-html-one-table.html'), 'utf8');
  const body = html.slice(html.indexOf('<body'), html.lastIndexOf('</body>'));
  const repeated = html.replace(body, Array.from({ length: 40 }, () => `<div style="break-after:page">${body.replace(/^<body[^>]*>/, '')}</div>`).join(''));
  const font = 'WenQuanYi Zen Hei';
  const bytes = await printPdf(printableHtml(repeated, font), font, `1-${BIG_PAGES}`);
  writeFileSync(file, bytes);
  return file;
}

/** Peak RSS (MB) of a fresh Node process that parses `file` once with parseReport. */
function peakRssMb(file: string): { mb: number; status: string } {
  const script = `
    const { readFileSync } = require('node:fs');
    const { parseReport } = require(${JSON.stringify(path.join(ROOT, 'lambdas/core/record/parse-report.ts'))});
    parseReport({ id: 'big', name: 'big.pdf', bytes: new Uint8Array(readFileSync(${JSON.stringify(file)})) }).then((r) => {
      process.stdout.write(JSON.stringify({ kb: process.resourceUsage().maxRSS, status: r.status, pages: r.input.pages }));
    });`;
  const out = execFileSync(path.join(ROOT, 'node_modules/.bin/tsx'), ['-e', script], { cwd: ROOT, encoding: 'utf8' });
  const r = JSON.parse(out) as { kb: number; status: string; pages: number };
  return { mb: r.kb / 1024, status: `${r.status}, ${r.pages} pages` };
}

export async function run(): Promise<BenchResult[]> {
  const files: PdfFile[] = [];
  for (const p of pdfFiles()) {
    const bytes = new Uint8Array(readFileSync(p));
    const doc = await getDocumentProxy(new Uint8Array(bytes));
    files.push({ path: p, bytes, pages: doc.numPages });
    await doc.loadingTask.destroy();
  }
  const pages = files.reduce((n, f) => n + f.pages, 0);
  const [full, bare, poppler] = await totalMs(files, [
    (f) => parseReport({ id: path.basename(f.path, '.pdf'), name: f.path, bytes: f.bytes }),
    (f) => extractText(new Uint8Array(f.bytes), { mergePages: true }),
    (f) => execFileSync('pdftotext', ['-layout', f.path, '-'], { maxBuffer: 64 << 20 }),
  ]);
  const big = peakRssMb(await bigPdf());
  const note = `${files.length} files, ${pages} pages, median of ${RUNS}`;
  return [
    { name: 'pdf_ms_per_page', value: full / pages, unit: 'ms/page', note: `parseReport; ${note}` },
    { name: 'pdf_unpdf_ms_per_page', value: bare / pages, unit: 'ms/page', note: `unpdf extractText; ${note}` },
    { name: 'pdf_pdftotext_ms_per_page', value: poppler / pages, unit: 'ms/page', note: `pdftotext -layout (process spawn included); ${note}` },
    { name: 'pdf_ratio_to_unpdf', value: full / bare, unit: 'x', note: 'goal ≤ 1.5' },
    { name: 'pdf_ratio_to_pdftotext', value: full / poppler, unit: 'x' },
    { name: 'pdf_100_pages_peak_rss_mb', value: big.mb, unit: 'MB', note: `child process, whole node + tsx; ${big.status}; goal ≤ 250` },
  ];
}
