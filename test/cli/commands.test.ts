import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { main } from '../../cli/main';

const SAMPLES = path.join(__dirname, '..', '..', 'samples');
const CLEAN = path.join(SAMPLES, 'gen-2021-pipes.txt');
const WITH_ERRORS = path.join(SAMPLES, 'gen-2021-pipes-narrative-only.txt');

const dir = mkdtempSync(path.join(tmpdir(), 'ogi-commands-'));
beforeAll(() => {
  writeFileSync(path.join(dir, 'empty.txt'), '');
  writeFileSync(path.join(dir, 'bad-kind.csv'), 'name,kind,level\n甲局,bureau,县\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs `ogi ARGV` in this process with stdout and stderr captured. */
async function ogi(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const log = jest.spyOn(console, 'log').mockImplementation((...a) => void out.push(a.join(' ')));
  const error = jest.spyOn(console, 'error').mockImplementation((...a) => void err.push(a.join(' ')));
  try {
    const code = await main(argv);
    return { code, stdout: out.join('\n'), stderr: err.join('\n') };
  } finally {
    log.mockRestore();
    error.mockRestore();
  }
}

const COMMANDS = ['parse', 'check', 'upload', 'reports', 'audit', 'reconcile', 'redrive', 'recover', 'reprocess'];

describe('ogi --help', () => {
  it('lists every command on stdout with the exit codes, exit 0', async () => {
    const res = await ogi('--help');
    expect(res.code).toBe(0);
    for (const c of COMMANDS) expect(res.stdout).toMatch(new RegExp(`^  ${c}\\s`, 'm'));
    expect(res.stdout).toMatch(/Exit codes/);
    // The summaries start in one column, reconcile and reprocess included.
    const starts = res.stdout
      .split('\n')
      .filter((l) => /^ {2}[a-z]+ /.test(l))
      .map((l) => l.search(/(?<=^ {2}[a-z]+ +)\S/));
    expect(starts.length).toBeGreaterThanOrEqual(COMMANDS.length);
    expect(new Set(starts).size).toBe(1);
  });

  it.each(COMMANDS)('ogi %s --help prints its usage and options on stdout, exit 0', async (cmd) => {
    const res = await ogi(cmd, '--help');
    expect(res).toMatchObject({ code: 0, stderr: '' });
    expect(res.stdout).toMatch(new RegExp(`^usage: ogi ${cmd}`));
    expect(res.stdout).toMatch(/-h, --help/);
  });

  it('documents every flag of audit, --registry, --out and --today included', async () => {
    const { stdout } = await ogi('audit', '-h');
    for (const flag of ['--year', '--json', '--today', '--registry', '--out']) expect(stdout).toContain(flag);
  });
});

describe('usage errors: exit 2, one line on stderr', () => {
  it.each([
    [['check', SAMPLES, '--yaml'], /unknown option --yaml/],
    [['parse', CLEAN, '--out'], /--out needs a value/],
    [['parse', CLEAN, '--json=yes'], /--json takes no value/],
    [['reports', '--year', '1990'], /impossible year "1990"/],
    [['reports', 'extra'], /unexpected argument extra/],
    [['audit', '--year', '1990'], /impossible year "1990": annual reports exist for 2008–/],
    [['audit', '--year', '3024'], /impossible year "3024"/],
    [['audit', '--year', '2024', '--today', '2025-02-30'], /--today must be a date/],
    [['audit'], /--year N/],
    [['upload', '--force', CLEAN], /unknown option --force/],
    [['frobnicate'], /unknown command "frobnicate"/],
  ])('%j', async (argv, message) => {
    const res = await ogi(...(argv as string[]));
    expect(res.code).toBe(2);
    expect(res.stdout).toBe('');
    expect(res.stderr).toMatch(message);
    expect(res.stderr).toMatch(/usage: ogi/);
    expect(res.stderr.split('\n')).toHaveLength(1);
  });
});

describe('a file that does not exist: exit 1 (as --help says), one line naming it', () => {
  it.each([['parse', '--json'], ['check'], ['upload']])('ogi %s missing.txt', async (command, ...flags) => {
    const missing = path.join(dir, 'missing.txt');
    const res = await ogi(command, missing, ...flags);
    expect([res.code, res.stdout, res.stderr]).toEqual([1, '', `ogi ${command}: no such file or folder: ${missing}`]);
  });
});

describe('bad registry files: exit 1, one line naming the problem, nothing started', () => {
  it('a missing file', async () => {
    const res = await ogi('audit', '--year', '2024', '--registry', path.join(dir, 'nope.csv'));
    expect(res.code).toBe(1);
    expect(res.stderr).toBe(`ogi audit: no such registry file: ${path.join(dir, 'nope.csv')}`);
  });

  it('a malformed file: its line is named', async () => {
    const res = await ogi('audit', '--year', '2024', '--registry', path.join(dir, 'bad-kind.csv'));
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/^ogi audit: .*bad-kind\.csv: registry line 2: kind: /);
    expect(res.stderr.split('\n')).toHaveLength(1);
  });
});

describe('exit code 1 on outcomes a script must notice', () => {
  it('parse: 0 when every file is parsed, 1 when one ends rejected', async () => {
    expect((await ogi('parse', CLEAN, '--out', path.join(dir, 'ok'))).code).toBe(0);
    const res = await ogi('parse', CLEAN, path.join(dir, 'empty.txt'), '--out', path.join(dir, 'mixed'));
    expect(res.code).toBe(1);
    expect(res.stdout).toMatch(/empty\.txt\s+rejected/);
    // The reason in both languages, as ogi upload and ogi reports print it.
    expect(res.stdout).toMatch(/empty\.txt\s+rejected.*文件为空。 The file is empty\./);
  });

  it('parse: counts by the core definition, not-assessable checks apart from info (as ogi check and the overview count)', async () => {
    const res = await ogi('parse', path.join(SAMPLES, '000_a211173aaaac4cee.txt'), '--out', path.join(dir, 'seed'));
    expect(res.stdout).toMatch(/errors\s+warnings\s+info\s+n\/a/);
    expect(res.stdout).toMatch(/000_a211173aaaac4cee\.txt\s+parsed\s+\S+\s+2020\s+\S+\s+\d+\s+3\s+2\s+0\s+9\s*$/m);
  });

  it('check: 0 for a report without error findings, 1 when one has an error finding', async () => {
    expect((await ogi('check', CLEAN)).code).toBe(0);
    const res = await ogi('check', CLEAN, WITH_ERRORS);
    expect(res.code).toBe(1);
    expect(res.stdout).toMatch(/gen-2021-pipes-narrative-only: parsed, [1-9]\d* error/);
  });

  it('check: 1 for a rejected file', async () => {
    expect((await ogi('check', path.join(dir, 'empty.txt'))).code).toBe(1);
  });
});
