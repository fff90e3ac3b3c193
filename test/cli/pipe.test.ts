import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ROOT, shell } from './run-ogi';

// A report whose record is over 2 MB of JSON: the seed with a long section of prose appended.
let dir: string;
let big: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'ogi-pipe-'));
  big = path.join(dir, 'big.txt');
  const prose = `${'本机关持续推进政府信息公开工作，规范办理流程，提升公开质量。'.repeat(20)}\n`.repeat(1200);
  writeFileSync(big, `${readFileSync(path.join(ROOT, 'samples', '000_a211173aaaac4cee.txt'), 'utf8')}\n${prose}`);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Reads stdin in small bites with a pause after each, then prints how many bytes came and their sha256. */
const SLOW_READER = `node -e '
  const h = require("crypto").createHash("sha256"); let n = 0;
  process.stdin.on("data", (c) => { n += c.length; h.update(c); process.stdin.pause(); setTimeout(() => process.stdin.resume(), 2); });
  process.stdin.on("end", () => console.log(n, h.digest("hex")));'`;

describe('ogi output through a pipe', () => {
  it('reaches a slow reader whole: every byte of a 2 MB --json record, identical to the --out file', () => {
    const res = shell(`$OGI parse ${JSON.stringify(big)} --json | ${SLOW_READER}`);
    expect(res.stderr).toBe('');
    expect(res.status).toBe(0);
    const [bytes, sha] = res.stdout.trim().split(' ');
    const out = path.join(dir, 'out');
    expect(shell(`$OGI parse ${JSON.stringify(big)} --out ${JSON.stringify(out)}`).status).toBe(0);
    const file = readFileSync(path.join(out, 'big.json'));
    expect(Number(bytes)).toBeGreaterThan(1024 * 1024);
    expect(Number(bytes)).toBe(file.length);
    expect(sha).toBe(createHash('sha256').update(file).digest('hex'));
    expect(JSON.parse(file.toString('utf8')).id).toBe('big');
  });

  it('stops quietly when the reader closes early (head -c): no EPIPE trace, exit 0', () => {
    const res = shell(`$OGI parse ${JSON.stringify(big)} --json | head -c 1000 | wc -c`);
    expect(res.stderr).toBe('');
    // pipefail: the status is ogi's, head's or wc's, whichever failed last.
    expect(res.status).toBe(0);
    expect(res.stdout.trim()).toBe('1000');
  });
});
