import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { main } from '../../cli/main';
import { renderTextRuns } from '../../scripts/generate/render-text-runs';
import { LICENSING_2019, LICENSING_2020, pair2019 } from '../resolve/fixtures';

afterEach(() => jest.restoreAllMocks());

describe('ogi parse and ogi check with several reports of one agency', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'ogi-neighbours-'));
  const inDir = path.join(dir, 'in');
  beforeAll(() => {
    mkdirSync(inDir);
    const [a, b] = pair2019(LICENSING_2019, LICENSING_2020);
    writeFileSync(path.join(inDir, 'linjiang-2019.txt'), renderTextRuns(a));
    writeFileSync(path.join(inDir, 'linjiang-2020.txt'), renderTextRuns(b));
  });

  it('uses the inputs as each other’s neighbouring years', async () => {
    const out = path.join(dir, 'out');
    jest.spyOn(console, 'log').mockImplementation(() => undefined);
    expect(await main(['parse', inDir, '--out', out])).toBe(0);
    const r19 = JSON.parse(readFileSync(path.join(out, 'linjiang-2019.json'), 'utf8'));
    expect(r19.values['t2.licensing.decisions']).toBe(181);
    expect(r19.evidence['t2.licensing.decisions']).toMatchObject({ decidedBy: 'neighbour', neighbour: { reportId: 'linjiang-2020' } });
  });

  it('checks the decided record: no P-SPLIT-AMBIGUOUS left for the decided row', async () => {
    const lines: string[] = [];
    jest.spyOn(console, 'log').mockImplementation((...a) => void lines.push(a.join(' ')));
    expect(await main(['check', path.join(inDir, 'linjiang-2019.txt'), '--json'])).toBe(0);
    const alone = JSON.parse(lines.join('\n'))[0].findings.filter((f: { rule: string }) => f.rule === 'P-SPLIT-AMBIGUOUS');
    expect(alone.flatMap((f: { keys: string[] }) => f.keys)).toContain('t2.licensing.prev');
    lines.length = 0;
    expect(await main(['check', inDir, '--json'])).toBe(0);
    const together = JSON.parse(lines.join('\n'))[0].findings.filter((f: { rule: string }) => f.rule === 'P-SPLIT-AMBIGUOUS');
    expect(together.flatMap((f: { keys: string[] }) => f.keys)).not.toContain('t2.licensing.prev');
  });
});
