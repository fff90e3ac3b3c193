import { mkdirSync, mkdtempSync, readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { main } from '../../cli/main';

const SEED = path.join(__dirname, '..', '..', 'samples', '000_a211173aaaac4cee.txt');

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  jest.spyOn(console, 'log').mockImplementation((...a) => void out.push(a.join(' ')));
  jest.spyOn(console, 'error').mockImplementation((...a) => void err.push(a.join(' ')));
  return { out, err };
}

afterEach(() => jest.restoreAllMocks());

describe('ogi parse', () => {
  it('writes one record per input named by the file, rejected files included, and exits 1 for the rejected one', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ogi-cli-'));
    const inDir = path.join(dir, 'in');
    const outDir = path.join(dir, 'out');
    mkdirSync(inDir);
    writeFileSync(path.join(inDir, 'empty.txt'), '');
    writeFileSync(path.join(inDir, 'seed.txt'), readFileSync(SEED));
    const io = capture();
    expect(await main(['parse', inDir, '--out', outDir])).toBe(1);
    expect(readdirSync(outDir).sort()).toEqual(['empty.json', 'seed.json']);
    const empty = JSON.parse(readFileSync(path.join(outDir, 'empty.json'), 'utf8'));
    expect(empty).toMatchObject({ id: 'empty', status: 'rejected', reason: 'The file is empty.' });
    expect(io.out.join('\n')).toMatch(/seed\.txt\s+parsed\s+省建设厅\s+2020/);
  });

  it('prints one record with --json', async () => {
    const io = capture();
    expect(await main(['parse', SEED, '--json'])).toBe(0);
    const record = JSON.parse(io.out.join('\n'));
    expect(record.id).toBe('000_a211173aaaac4cee');
    expect(record.agency).toBe('省建设厅');
  });

  it.each([[['parse']], [['parse', SEED]], [['parse', SEED, SEED, '--json']], [['nonsense']], [[]]])('exits 2 on a usage error: %j', async (argv) => {
    const io = capture();
    expect(await main(argv)).toBe(2);
    expect(io.err.join('\n')).toMatch(/usage/);
  });
});
