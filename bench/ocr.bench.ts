/**
 * OCR cost (issue 26): seconds a page and peak resident memory of reading scans as the OCR function does (a fresh
 * process per scan, onnxruntime's native buffers included in the RSS), and the OCR function's package as Lambda gets
 * it (unzipped: Lambda's 250 MB limit; zipped: the upload). Scans: the one samples/scan/ holds, the generated levels
 * rendered on the fly, and the corpus scans when present beside the repo (read in place).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ocrPackageCommands } from '../lib/ocr-bundle';
import { SCAN_LEVELS, scanPdf } from '../scripts/generate/render-scan';
import type { BenchResult } from './result';

const ROOT = path.resolve(__dirname, '..');
/** Generated levels read besides the sample and the corpus: one scan each of the 2021 sample. */
const LEVELS = SCAN_LEVELS.map((l) => l.name);

interface Measured {
  file: string;
  pages: number;
  wallS: number;
  cpuS: number;
  rssMb: number;
  status: string;
}

/** One scan read with OCR in a fresh Node process: wall and CPU time, peak RSS (ru_maxrss), pages. */
function readOnce(file: string): Measured {
  const script = `
    const { readFileSync } = require('node:fs');
    const { parseReport } = require(${JSON.stringify(path.join(ROOT, 'lambdas/core/record/parse-report.ts'))});
    const { readScan } = require(${JSON.stringify(path.join(ROOT, 'lambdas/core/ocr/scan.ts'))});
    const t = performance.now();
    parseReport({ id: 'scan', name: 'scan.pdf', bytes: new Uint8Array(readFileSync(${JSON.stringify(file)})) }, { ocr: readScan }).then((r) => {
      const u = process.resourceUsage();
      process.stdout.write(JSON.stringify({ wallMs: performance.now() - t, cpuUs: u.userCPUTime + u.systemCPUTime, kb: u.maxRSS, status: r.status, pages: r.input.pages }));
    });`;
  const out = execFileSync(path.join(ROOT, 'node_modules/.bin/tsx'), ['-e', script], { cwd: ROOT, encoding: 'utf8', maxBuffer: 16 << 20 });
  const r = JSON.parse(out) as { wallMs: number; cpuUs: number; kb: number; status: string; pages: number };
  return { file, pages: r.pages, wallS: r.wallMs / 1000, cpuS: r.cpuUs / 1e6, rssMb: r.kb / 1024, status: r.status };
}

function scans(tmp: string): string[] {
  const sample = path.join(ROOT, 'samples/scan');
  const corpus = path.resolve(ROOT, '../shared/corpus/scans');
  const generated = LEVELS.map((level) => {
    const { id, pdf } = scanPdf('gen-2021-pdf-cid', level);
    const file = path.join(tmp, `${id}.pdf`);
    writeFileSync(file, pdf);
    return file;
  });
  const pdfsIn = (d: string) =>
    existsSync(d)
      ? readdirSync(d)
          .filter((f) => f.endsWith('.pdf'))
          .map((f) => path.join(d, f))
      : [];
  return [...pdfsIn(sample), ...generated, ...pdfsIn(corpus)];
}

/** The OCR function's package laid out as the CDK hook lays it (handler bundle beside it), unzipped and zipped MB. */
function packageSize(tmp: string): { unzipped: number; zipped: number } {
  const out = path.join(tmp, 'package');
  execFileSync(path.join(ROOT, 'node_modules/.bin/esbuild'), [
    path.join(ROOT, 'lambdas/ocr/handler.ts'),
    '--bundle',
    '--platform=node',
    '--target=node20',
    '--format=cjs',
    '--minify',
    '--external:onnxruntime-node',
    '--log-level=error',
    `--outfile=${path.join(out, 'index.js')}`,
  ]);
  for (const command of ocrPackageCommands(ROOT, out)) execFileSync('sh', ['-c', command]);
  execFileSync('zip', ['-qr', path.join(tmp, 'package.zip'), '.'], { cwd: out });
  const du = (p: string): number => (statSync(p).isDirectory() ? readdirSync(p).reduce((n, f) => n + du(path.join(p, f)), 0) : statSync(p).size);
  return { unzipped: du(out) / 1e6, zipped: statSync(path.join(tmp, 'package.zip')).size / 1e6 };
}

export async function run(): Promise<BenchResult[]> {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'ogi-bench-ocr-'));
  try {
    const measured = scans(tmp).map(readOnce);
    const pages = measured.reduce((n, m) => n + m.pages, 0);
    const wall = measured.reduce((n, m) => n + m.wallS, 0);
    const cpu = measured.reduce((n, m) => n + m.cpuS, 0);
    const peak = measured.reduce((a, m) => (m.rssMb > a.rssMb ? m : a));
    const size = packageSize(tmp);
    const note = `${measured.length} scans, ${pages} pages, one fresh process each (${measured.filter((m) => m.status === 'parsed').length} parsed)`;
    return [
      { name: 'ocr_s_per_page', value: wall / pages, unit: 's/page', note: `wall, models loaded per scan; ${note}` },
      { name: 'ocr_cpu_s_per_page', value: cpu / pages, unit: 's/page', note: `CPU of the OCR process, its native threads included; ${note}` },
      { name: 'ocr_peak_rss_mb', value: peak.rssMb, unit: 'MB', note: `${path.basename(peak.file)}, ${peak.pages} pages; the function's bound is 1,536 MB` },
      {
        name: 'ocr_bundle_mb',
        value: size.unzipped,
        unit: 'MB',
        note: "OCR function package unzipped (Lambda's limit 250 MB): handler, worker, onnxruntime linux-arm64, models",
      },
      { name: 'ocr_bundle_zip_mb', value: size.zipped, unit: 'MB', note: 'the same, zipped as uploaded' },
    ];
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
