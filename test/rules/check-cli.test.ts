import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCheck } from '../../cli/check';
import { UsageError } from '../../cli/usage';

const REPORT = [
  '临江县自然资源局2024年政府信息公开工作年度报告',
  '一、总体情况',
  '2024年，本局全年共收到政府信息公开申请12件。',
  '二、主动公开政府信息情况',
  '三、收到和处理政府信息公开申请情况',
  '四、政府信息公开行政复议、行政诉讼情况',
  '五、存在的主要问题及改进情况',
  '无',
  '六、其他需要报告的事项',
  '本年度未收取信息处理费。',
].join('\n');

describe('ogi check', () => {
  let dir: string;
  let printed: string[];
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'ogi-check-'));
    writeFileSync(join(dir, 'linjiang-2024.txt'), REPORT);
    writeFileSync(join(dir, 'linjiang-2024.labels.json'), '{}');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  beforeEach(() => {
    printed = [];
    jest.spyOn(console, 'log').mockImplementation((s: string) => void printed.push(s));
  });
  afterEach(() => jest.restoreAllMocks());

  it('prints a table of findings for a folder, skipping labels (exit 1: the report has error findings)', async () => {
    expect(await runCheck([dir])).toBe(1);
    const out = printed.join('\n');
    expect(out).toMatch(/^report\s+rule\s+severity\s+message\s+evidence/);
    expect(out).toMatch(/linjiang-2024\s+S4-missing\s+error/);
    expect(out).toMatch(/linjiang-2024\s+S9-empty\s+warning/);
    expect(out).toContain('linjiang-2024: parsed,');
    expect(out).not.toContain('labels');
  });

  it('prints JSON with --json', async () => {
    expect(await runCheck([join(dir, 'linjiang-2024.txt'), '--json'])).toBe(1);
    const [record] = JSON.parse(printed.join('\n'));
    expect(record).toMatchObject({ id: 'linjiang-2024', status: 'parsed' });
    expect(record.findings).toEqual(
      expect.arrayContaining([expect.objectContaining({ rule: 'S4-missing', keys: ['t4'], id: expect.stringMatching(/^[0-9a-f]{16}$/) })]),
    );
  });

  it('refuses a command line without files or with an unknown flag', async () => {
    await expect(runCheck([])).rejects.toThrow(UsageError);
    await expect(runCheck([dir, '--yaml'])).rejects.toThrow(UsageError);
  });
});
