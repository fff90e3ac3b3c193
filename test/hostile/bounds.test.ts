// @needs qpdf (test/needs.js): the encrypted spellings of the bombs are made with qpdf (scripts/hostile/bombs.ts).
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { closeParseWorkers, parseIsolated, parseLoad } from '../../lambdas/core/record/parse-isolated';
import { recordId } from '../../lambdas/ingest/record-id';
import { getReport } from '../../lambdas/store';
import { bombVariants, damagedFontPdf, spacesBomb, textOperatorBomb } from '../../scripts/hostile/bombs';
import { startLocalStack, type LocalStack } from '../../local/stack';
import { reportHtml } from '../../local/synthetic-report';
import { watchedIngest } from './watched-ingest';

/**
 * Files that cost far more to read than their size says, through the bounded parse: `ogi parse`
 * (in its own process, whose peak RSS is measured) and the ingest handler on the local stack.
 * Each ends `rejected` with a reason naming the bound it hit, and the stack keeps serving.
 */
const ROOT = path.join(__dirname, '..', '..');
const run = promisify(execFile);
const GB = 1024 * 1024 * 1024;
const MB = 1024 * 1024;

/** 8 MB of HTML over the 8 MB text cap, and 20 MB of digits named .html (the two). */
const bigHtml = () => Buffer.from(`<html><body>${'<p>政府信息公开</p>'.repeat(Math.ceil((9 * 1024 * 1024) / 24))}</body></html>`);
const digits = () => Buffer.alloc(20 * 1024 * 1024, '0123456789');

interface Hostile {
  file: string;
  make: () => Promise<Uint8Array> | Uint8Array;
  rule: string;
  reason: RegExp;
}

const HOSTILE: Hostile[] = [
  { file: 'text-operators.pdf', make: () => textOperatorBomb(1100), rule: 'P-PDF-CONTENT-TOO-LARGE', reason: /over 64 MB of page content/ },
  { file: 'spaces.pdf', make: () => spacesBomb(1500), rule: 'P-PDF-CONTENT-TOO-LARGE', reason: /over 64 MB of page content/ },
  { file: 'big.html', make: bigHtml, rule: 'P-TOO-LARGE', reason: /HTML file is 9 MB.*limit 8 MB/ },
  { file: 'digits.html', make: digits, rule: 'P-TOO-LARGE', reason: /limit 8 MB/ },
  // The same bomb in every spelling pdf.js still reads (scripts/hostile/bombs.ts): each is refused by the content budget.
  ...bombVariants().map((v) => ({ file: `bomb-${v.name}.pdf`, make: v.make, rule: 'P-PDF-CONTENT-TOO-LARGE', reason: /over 64 MB of page content/ })),
];
const SPELLINGS = HOSTILE.filter((h) => h.file.startsWith('bomb-'));

let dir: string;
const files = new Map<string, Uint8Array>();

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'ogi-bounds-'));
  for (const h of HOSTILE) {
    const bytes = await h.make();
    files.set(h.file, bytes);
    writeFileSync(path.join(dir, h.file), bytes);
  }
}, 120_000);
afterAll(async () => {
  await closeParseWorkers();
  rmSync(dir, { recursive: true, force: true });
});

describe('the ingest handler on the local stack', () => {
  let stack: LocalStack;
  const { handler, escaped } = watchedIngest();
  // Peak RSS while these files go through the stack, sampled from a fresh process: this block comes first because the
  // watchdog test below grows the process by design (600 MB of pdf.js buffers), and what a worker frees is not all handed back to the OS.
  let peak = 0;
  let sampler: NodeJS.Timeout | undefined;
  afterAll(() => clearInterval(sampler));
  beforeAll(async () => {
    sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
    stack = await startLocalStack({ handler, retryDelaysMs: [10, 10] });
  });
  afterAll(() => stack?.stop());

  it.each(HOSTILE)('stores $file as rejected with its bound, and keeps serving', async ({ file, reason }) => {
    const key = `incoming/bounds/${file}`;
    const bytes = files.get(file)!;
    await stack.upload(key, bytes);
    const stored = await getReport(recordId(key, createHash('sha256').update(bytes).digest('hex')));
    expect(stored).toMatchObject({ status: 'rejected', attempts: 1 });
    expect(stored!.reason).toMatch(reason);
    expect(escaped).toEqual([]);
    expect(stack.invoker.deadLetters).toEqual([]);
    // Still serving: an ordinary report right after is parsed.
    const next = `incoming/bounds/after-${file}.html`;
    const body = reportHtml('后续测试局', 2024, 100 + HOSTILE.findIndex((h) => h.file === file));
    await stack.upload(next, body);
    expect(await getReport(recordId(next, createHash('sha256').update(body).digest('hex')))).toMatchObject({ status: 'parsed' });
  });

  it('keeps the process (stack, handler and parse workers) under 1 GB throughout', () => {
    expect(peak).toBeGreaterThan(0);
    expect(peak).toBeLessThan(GB);
  });
});

describe('the bounded parse', () => {
  it.each(HOSTILE)('rejects $file with a reason naming the bound', async ({ file, rule, reason }) => {
    const r = await parseIsolated({ id: 'x', name: file, bytes: files.get(file)! });
    expect(r).toMatchObject({ status: 'rejected', findings: [expect.objectContaining({ rule })] });
    expect(r.reason).toMatch(reason);
  });

  it('terminates a parse at its deadline, whatever it is doing, and the next parse runs', async () => {
    // With the content check off, pdf.js would read the bomb for minutes: the deadline stops it.
    const bomb = await textOperatorBomb(200);
    const r = await parseIsolated({ id: 'b', name: 'b.pdf', bytes: bomb }, { maxPdfContentBytes: Infinity, timeoutMs: 3000, maxHeapMb: 128 });
    expect(r.status).toBe('rejected');
    expect(r.findings[0].rule).toMatch(/^P-(TIME|MEMORY)-LIMIT$/);
    expect(r.input.sha256).toBe(createHash('sha256').update(bomb).digest('hex'));
    const ok = await parseIsolated({ id: 'ok', name: 'ok.html', bytes: Buffer.from(reportHtml('限时测试局', 2024)) });
    expect(ok).toMatchObject({ status: 'parsed', agency: '限时测试局' });
  });

  it.each([
    ['cmap', /character map stands for 16,777,216 character codes/],
    ['widths', /width table \(\/W\) stands for 2,000,000,001 character codes/],
  ] as const)('refuses a font whose %s table one flipped bit made pdf.js expand code by code, before pdf.js reads it', async (damage, reason) => {
    // Without the check pdf.js fills 16 million map entries (minutes), or two billion widths (the process's heap).
    const r = await parseIsolated({ id: 'f', name: 'f.pdf', bytes: damagedFontPdf(damage) });
    expect(r).toMatchObject({ status: 'rejected', findings: [expect.objectContaining({ rule: 'P-PDF-DAMAGED' })] });
    expect(r.reason).toMatch(reason);
  });

  it('reads an 8 MB HTML page of 56,000 table rows within a 320 MB heap (the page is never built into a tree; its tree alone took 255 MB)', async () => {
    const row = '<tr><td colspan="3">一、本年新收政府信息公开申请数量</td><td>1</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>1</td></tr>';
    const html = reportHtml('大表测试局', 2024).replace('</table>', row.repeat(Math.floor((7.9 * MB) / Buffer.byteLength(row))) + '</table>');
    // The process's memory is what it uses now and room for this parse, so what ran before in this jest process does not decide it.
    const saved = process.env.OGI_MEMORY_MB;
    process.env.OGI_MEMORY_MB = String(Math.ceil(process.memoryUsage.rss() / MB) + 640);
    const r = await parseIsolated({ id: 'rows', name: 'rows.html', bytes: Buffer.from(html) }, { maxHeapMb: 320 }).finally(() => {
      if (saved === undefined) delete process.env.OGI_MEMORY_MB;
      else process.env.OGI_MEMORY_MB = saved;
    });
    expect(r.reason).toBeNull();
    expect(r).toMatchObject({ status: 'parsed', agency: '大表测试局' });
  }, 120_000);

  describe('one memory budget for every parse of the process', () => {
    const saved = process.env.OGI_MEMORY_MB;
    afterEach(() => {
      if (saved === undefined) delete process.env.OGI_MEMORY_MB;
      else process.env.OGI_MEMORY_MB = saved;
    });

    it('starts a parse only when its reservation fits beside the others', async () => {
      // What the process uses now is its own; 360 MB more leave room for one PDF parse (256 MB heap and its buffers) at a time.
      await closeParseWorkers();
      process.env.OGI_MEMORY_MB = String(Math.ceil(process.memoryUsage.rss() / MB) + 360);
      const pdf = readFileSync(path.join(ROOT, 'samples/pdf/gen-2021-pdf-cid.pdf'));
      let most = 0;
      const sampler = setInterval(() => (most = Math.max(most, parseLoad().busy)), 5);
      const reports = await Promise.all([1, 2, 3].map((n) => parseIsolated({ id: `p${n}`, name: 'p.pdf', bytes: pdf })));
      clearInterval(sampler);
      expect(reports.map((r) => r.status)).toEqual(['parsed', 'parsed', 'parsed']);
      expect(most).toBe(1);
      expect(parseLoad()).toMatchObject({ busy: 0, reservedMb: 0 });
    }, 120_000);

    it('ends a parse whose buffers outgrow what it reserved once the process nears its memory', async () => {
      // With the content check off, pdf.js expands the spaces bomb into buffers no heap limit sees, until the watchdog ends it.
      await closeParseWorkers();
      process.env.OGI_MEMORY_MB = String(Math.ceil(process.memoryUsage.rss() / MB) + 600);
      const r = await parseIsolated({ id: 'w', name: 'w.pdf', bytes: files.get('spaces.pdf')! }, { maxPdfContentBytes: Infinity });
      expect(r).toMatchObject({ status: 'rejected', findings: [expect.objectContaining({ rule: 'P-MEMORY-LIMIT' })] });
      expect(r.reason).toMatch(/memory this process has for reading reports/);
      delete process.env.OGI_MEMORY_MB;
      expect(await parseIsolated({ id: 'ok', name: 'ok.html', bytes: Buffer.from(reportHtml('看门狗之后测试局', 2024)) })).toMatchObject({ status: 'parsed' });
    }, 120_000);
  });

  it('rejects a parse that outgrows its heap as a memory bound, not a crash', async () => {
    const html = Buffer.from(`<html><body><table>${'<tr><td>1</td><td>2</td><td>3</td></tr>'.repeat(150_000)}</table></body></html>`);
    const r = await parseIsolated({ id: 'm', name: 'm.html', bytes: html }, { maxHeapMb: 64 });
    expect(r).toMatchObject({ status: 'rejected', input: { kind: 'html' } });
    expect(r.findings[0].rule).toBe('P-MEMORY-LIMIT');
    expect(r.reason).toMatch(/more than the 64 MB of memory/);
  });
});

describe('ogi parse on hostile files', () => {
  /**
   * `ogi parse` of the files in a process of its own, which reports its peak RSS (worker threads included) when done:
   * the high-water mark of its own memory (VmHWM), not getrusage's maxRSS, which on Linux also counts the jest
   * process it was forked from.
   */
  async function ogiParse(hostile: Hostile[], out: string): Promise<number> {
    const peak = `(/VmHWM:\\s+(\\d+) kB/.exec(require('fs').readFileSync('/proc/self/status', 'utf8')) || [0, process.resourceUsage().maxRSS])[1] * 1024`;
    const script = `require('tsx/cjs'); require(${JSON.stringify(path.join(ROOT, 'cli/main.ts'))}).main(process.argv.slice(1)).then((code) => { process.stderr.write('RSS ' + ${peak} + '\\n'); process.exit(code); });`;
    // Exit code 1: every file ends rejected (the CLI says so in its exit code).
    const failed = await run(process.execPath, ['-e', script, 'parse', ...hostile.map((h) => path.join(dir, h.file)), '--out', out], {
      cwd: ROOT,
      maxBuffer: 1 << 24,
    }).then(
      () => undefined,
      (err: { code: number; stderr: string }) => err,
    );
    expect(failed?.code).toBe(1);
    for (const h of hostile) {
      const record = JSON.parse(readFileSync(path.join(out, h.file.replace(/\.\w+$/, '.json')), 'utf8'));
      expect(record).toMatchObject({ status: 'rejected', findings: [expect.objectContaining({ rule: h.rule })] });
      expect(record.reason).toMatch(h.reason);
    }
    return Number(failed!.stderr.match(/RSS (\d+)/)![1]);
  }

  it('writes a rejected record for each, naming its bound, and stays under 1 GB', async () => {
    expect(await ogiParse(HOSTILE, path.join(dir, 'out'))).toBeLessThan(GB);
  }, 180_000);

  it('refuses every spelling of the bomb within 300 MB for the whole run', async () => {
    expect(await ogiParse(SPELLINGS, path.join(dir, 'out-spellings'))).toBeLessThan(300 * MB);
  }, 180_000);
});
