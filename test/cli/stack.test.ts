import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { main } from '../../cli/main';
import type { ReportView } from '../../lambdas/store';
import { startLocalStack, type LocalStack } from '../../local/stack';
import { reportHtml } from '../../local/synthetic-report';
import { cleanEnv, ogi } from './run-ogi';

const AGENCY = '临江县自然资源局';
const dir = mkdtempSync(path.join(tmpdir(), 'ogi-cli-stack-'));
const data = path.join(dir, 'local');
const file = (name: string, body: string) => {
  writeFileSync(path.join(dir, name), body);
  return path.join(dir, name);
};

let stack: LocalStack | undefined;
beforeAll(async () => {
  // The data folder npm start keeps: the last test runs `ogi audit` on it with the stack stopped.
  stack = await startLocalStack({ dataDir: data });
});
afterAll(async () => {
  await stack?.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const log = jest.spyOn(console, 'log').mockImplementation((...a) => void out.push(a.join(' ')));
  const error = jest.spyOn(console, 'error').mockImplementation((...a) => void err.push(a.join(' ')));
  try {
    return { code: await main(argv), stdout: out.join('\n'), stderr: err.join('\n') };
  } finally {
    log.mockRestore();
    error.mockRestore();
  }
}

describe('ogi upload and ogi reports against the local stack', () => {
  it('uploads, waits for ingest and exits 0 when every file is parsed', async () => {
    const res = await run('upload', file('linjiang-2024.html', reportHtml(AGENCY, 2024, 12)));
    expect(res.code).toBe(0);
    expect(res.stdout).toMatch(/linjiang-2024\.html\s+parsed\s+临江县自然资源局\s+2024/);
  });

  it('says duplicate for bytes uploaded before under another name', async () => {
    const res = await run('upload', file('copy-of-linjiang.html', reportHtml(AGENCY, 2024, 12)));
    expect(res.code).toBe(0);
    expect(res.stdout).toMatch(/copy-of-linjiang\.html\s+duplicate \(parsed\).*same bytes as linjiang-2024-[0-9a-f]{12}/);
  });

  it('exits 1 when a file ends rejected, with a progress bar on a terminal', async () => {
    const bar: string[] = [];
    const tty = Object.getOwnPropertyDescriptor(process.stderr, 'isTTY');
    Object.defineProperty(process.stderr, 'isTTY', { value: true, configurable: true });
    const write = jest.spyOn(process.stderr, 'write').mockImplementation((chunk) => bar.push(String(chunk)) > 0);
    let res;
    try {
      res = await run('upload', file('blank.txt', ''), file('linjiang-2023.html', reportHtml(AGENCY, 2023, 5)));
    } finally {
      write.mockRestore();
      if (tty) Object.defineProperty(process.stderr, 'isTTY', tty);
      else delete (process.stderr as { isTTY?: boolean }).isTTY;
    }
    // The two go up at once: the bar counts them as they finish, in either order.
    expect(bar.join('')).toMatch(/\r\[#{15}\.{15}\] 1\/2 (blank\.txt|linjiang-2023\.html)[\s\S]*\r\[#{30}\] 2\/2 (blank\.txt|linjiang-2023\.html)/);
    expect(res.code).toBe(1);
    expect(res.stdout).toMatch(/blank\.txt\s+rejected/);
    expect(res.stdout).toMatch(/linjiang-2023\.html\s+parsed/);
  });

  it('marks the current version of an agency-year and what superseded the older one', async () => {
    expect((await run('upload', file('linjiang-2024-corrected.html', reportHtml(AGENCY, 2024, 13)))).code).toBe(0);
    const json = await run('reports', '--year', '2024', '--json');
    const versions = (JSON.parse(json.stdout) as ReportView[]).filter((r) => r.agency === AGENCY);
    const current = versions.find((r) => r.current)!;
    expect(current.id).toMatch(/^linjiang-2024-corrected-/);
    expect(versions.find((r) => !r.current)!.supersededBy).toBe(current.id);

    const table = (await run('reports', '--year', '2024')).stdout;
    expect(table).toMatch(/^id\s+agency\s+year\s+status\s+version/);
    expect(table).toMatch(new RegExp(`${current.id}\\s+${AGENCY}\\s+2024\\s+parsed\\s+current`));
    expect(table).toMatch(new RegExp(`linjiang-2024-[0-9a-f]{12}\\s+${AGENCY}\\s+2024\\s+parsed\\s+superseded by ${current.id}`));
  });
});

describe('ogi audit with the stack stopped', () => {
  it('runs bin/ogi.js on the data the stack left and audits it', async () => {
    await stack!.stop();
    stack = undefined;
    const res = ogi(['audit', '--year', '2024', '--json', '--today', '2025-06-01'], cleanEnv({ OGI_LOCAL_DIR: data }));
    expect(res.stderr).not.toMatch(/ERR_MODULE_NOT_FOUND|Error/);
    expect(res.status).toBe(0);
    const { run: audit } = JSON.parse(res.stdout);
    expect(audit).toMatchObject({ year: 2024, counts: { reports: expect.any(Number) } });
    // This year's current report and last year's, read from the stopped stack's data.
    expect(audit.counts.reports).toBeGreaterThanOrEqual(1);
  });
});
