import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseReport } from '../../lambdas/core/record/parse-report';
import { closeParseWorkers } from '../../lambdas/core/record/parse-isolated';
import { main } from '../../cli/main';
import { createHandler } from '../../lambdas/ingest/handler';
import { getReportByContent } from '../../lambdas/store';
import { startLocalStack, type LocalStack } from '../../local/stack';

/**
 * PDFs with damaged cross-reference tables (the Chromium sample as qpdf writes it with a plain xref
 * table, committed as fixtures/plain-xref.pdf so no test needs qpdf; its entries are overwritten), 50 of them, through the parser on this thread, `ogi parse` and the
 * ingest handler, all in this one process: each ends parsed or rejected, and pdf.js leaves no
 * promise rejection unhandled.
 */
/** `qpdf --object-streams=disable samples/pdf/gen-2021-pdf-cid.pdf`: the sample with a classic xref table of 20-byte rows. */
const PLAIN = path.join(__dirname, 'fixtures/plain-xref.pdf');
const N = 50;

let dir: string;
let files: string[];
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => void unhandled.push(reason);

/** Ways an xref row goes wrong in the wild: offsets past the end, into the header, not digits, an unknown type; and a wrong startxref. */
const DAMAGE: ((pdf: Buffer, rows: number, k: number) => void)[] = [
  (b, rows, k) => b.write('9999999999 00000 n \n', rows + 20 * k, 'latin1'),
  (b, rows, k) => b.write('0000000001 00000 n \n', rows + 20 * k, 'latin1'),
  (b, rows, k) => b.write('xxxxxxxxxx yyyyy z \n', rows + 20 * k, 'latin1'),
  (b, rows, k) => b.write('0000000000 65535 q \n', rows + 20 * k, 'latin1'),
  (b, rows, k) => {
    for (let j = 1; j <= k; j++) b.write(`${String(j * 7).padStart(10, '0')} 00000 n \n`, rows + 20 * j, 'latin1');
  },
  (b) => {
    const s = b.toString('latin1');
    const at = s.lastIndexOf('startxref\n') + 'startxref\n'.length;
    b.write('1'.padEnd(s.indexOf('\n', at) - at, ' '), at, 'latin1');
  },
];

beforeAll(() => {
  process.on('unhandledRejection', onUnhandled);
  dir = mkdtempSync(path.join(os.tmpdir(), 'ogi-xref-'));
  const base = readFileSync(PLAIN);
  const s = base.toString('latin1');
  const xref = s.lastIndexOf('\nxref\n') + 1;
  const rows = s.indexOf('\n', s.indexOf('\n', xref) + 1) + 1;
  const count = Number(s.slice(xref, rows).split(/\s+/)[2]);
  mkdirSync(path.join(dir, 'in'));
  files = Array.from({ length: N }, (_, i) => {
    const b = Buffer.from(base);
    DAMAGE[i % DAMAGE.length](b, rows, 1 + (i % (count - 1)));
    const file = path.join(dir, 'in', `damaged-${String(i).padStart(2, '0')}.pdf`);
    writeFileSync(file, b);
    return file;
  });
});
afterAll(async () => {
  process.off('unhandledRejection', onUnhandled);
  await closeParseWorkers();
  rmSync(dir, { recursive: true, force: true });
});

const settle = () => new Promise((r) => setTimeout(r, 200));

it('the parser on this thread: each parsed or rejected, no unhandled rejection', async () => {
  for (const file of files) {
    const r = await parseReport({ id: 'x', name: path.basename(file), bytes: readFileSync(file) });
    expect(['parsed', 'rejected']).toContain(r.status);
  }
  await settle();
  expect(unhandled).toEqual([]);
});

it('ogi parse: a record for each, none failed, no unhandled rejection', async () => {
  const out = path.join(dir, 'out');
  jest.spyOn(console, 'log').mockImplementation(() => undefined);
  // Exit code 1: some damaged files end rejected, which the CLI reports in its exit code.
  expect(await main(['parse', path.join(dir, 'in'), '--out', out])).toBe(1);
  jest.restoreAllMocks();
  const records = readdirSync(out).map((f) => JSON.parse(readFileSync(path.join(out, f), 'utf8')));
  expect(records).toHaveLength(N);
  for (const r of records) expect(['parsed', 'rejected']).toContain(r.status);
  expect(records.some((r) => r.status === 'rejected' && /damaged/.test(r.reason))).toBe(true);
  await settle();
  expect(unhandled).toEqual([]);
});

describe('the ingest handler', () => {
  let stack: LocalStack;
  beforeAll(async () => {
    stack = await startLocalStack({ handler: createHandler(), retryDelaysMs: [10, 10] });
  });
  afterAll(() => stack?.stop());

  it('stores each as parsed or rejected, nothing dead-lettered, no unhandled rejection', async () => {
    for (const file of files) {
      const key = `incoming/xref/${path.basename(file)}`;
      const bytes = readFileSync(file);
      await stack.upload(key, bytes);
      // Identical damage (the startxref kind) gives identical bytes: one report for that content.
      const stored = await getReportByContent(createHash('sha256').update(bytes).digest('hex'));
      expect(['parsed', 'rejected']).toContain(stored?.status);
    }
    expect(stack.invoker.deadLetters).toEqual([]);
    await settle();
    expect(unhandled).toEqual([]);
  }, 300_000);
});
