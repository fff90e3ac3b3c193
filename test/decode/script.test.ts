import { readFileSync } from 'node:fs';
import path from 'node:path';
import { decode } from '../../lambdas/core/decode';
import { detectScript, toSimplified } from '../../lambdas/core/decode/script';
import { toTraditional } from '../../scripts/generate/garble';
import { baseSamples } from '../../scripts/generate/catalog';

const SEED = readFileSync(path.resolve(__dirname, '../../samples/000_a211173aaaac4cee.txt'));

describe('traditional script', () => {
  it('converts the seed to simplified for `text` and keeps `raw` as printed, offset-aligned', () => {
    const d = decode(SEED, 'text');
    expect(d.script).toBe('traditional');
    expect(d.raw.startsWith('省建設廳2020年政府信息公開工作年度報告')).toBe(true);
    expect(d.text.startsWith('省建设厅2020年政府信息公开工作年度报告')).toBe(true);
    expect(d.text.length).toBe(d.raw.length);
    const at = d.text.indexOf('五、存在的问题及下一步安排');
    expect(d.raw.slice(at, at + 13)).toBe('五、存在的問題及下一步安排');
  });

  it('keeps offsets when t2cn would map a character into the astral planes', () => {
    // `㗲` → `𠵾` is one code point but two UTF-16 units: it keeps its printed form.
    const s = '報告㗲公開';
    expect(toSimplified(s)).toBe('报告㗲公开');
    expect(toSimplified(s).length).toBe(s.length);
  });

  it('calls simplified pages simplified, and their traditional conversion traditional', () => {
    const txt = baseSamples().find((s) => s.ext === 'txt')!.content as string;
    expect(detectScript(txt)).toBe('simplified');
    expect(detectScript(toTraditional(txt))).toBe('traditional');
    const d = decode(new Uint8Array(Buffer.from(toTraditional(txt))), 'text');
    expect(d).toMatchObject({ script: 'traditional', text: txt, encoding: 'utf-8' });
  });
});
