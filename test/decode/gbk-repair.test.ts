import { readFileSync } from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { decode } from '../../lambdas/core/decode';
import { repairMojibake } from '../../lambdas/core/decode/gbk-repair';
import { baseSamples } from '../../scripts/generate/catalog';
import { injectShiftedSpan, SHIFT_PHRASE } from '../../scripts/generate/garble';

const SEED = readFileSync(path.resolve(__dirname, '../../samples/000_a211173aaaac4cee.txt'));
const samples = baseSamples();
const txt = samples.find((s) => s.ext === 'txt')!.content as string;

describe('mojibake repair', () => {
  it("repairs the seed's run of GBK decoded one byte out of step, and records it", () => {
    const d = decode(SEED, 'text');
    expect(d.repairs).toHaveLength(1);
    const [r] = d.repairs;
    expect(r).toMatchObject({ kind: 'mojibake', method: 'gbk-shift' });
    expect(r.before).toContain('?!钡刃麄鞴ぷ靼才?');
    expect(r.after).toContain('保”等宣傳工作安排');
    // `at` points at the repaired text in `raw`; the script-converted text reads as simplified.
    expect(d.raw.slice(r.at, r.at + r.after.length)).toBe(r.after);
    expect(d.text).toContain('”六保”等宣传工作安排');
    expect(d.raw).not.toContain('钡刃麄');
    expect(d.damage).toEqual([]);
  });

  it('repairs an injected out-of-step run in a generated report', () => {
    const garbled = injectShiftedSpan(txt, SHIFT_PHRASE);
    expect(garbled).not.toContain(SHIFT_PHRASE);
    const r = repairMojibake(garbled);
    expect(r.repairs).toHaveLength(1);
    expect(r.repairs[0].method).toBe('gbk-shift');
    expect(r.text).toBe(txt);
  });

  it('repairs UTF-8 read as GBK and GBK read as Latin-1', () => {
    const phrase = '不断提升政务公开的主动性';
    const asGbk = iconv.decode(Buffer.from(`${phrase}和`, 'utf8'), 'gbk');
    const viaGbk = repairMojibake(txt.replace(SHIFT_PHRASE, asGbk));
    expect(viaGbk.repairs.map((r) => r.method)).toEqual(['utf8-as-gbk']);
    expect(viaGbk.text).toContain(phrase);

    const asLatin = iconv.decode(iconv.encode(phrase, 'gbk'), 'windows-1252');
    const viaLatin = repairMojibake(txt.replace(SHIFT_PHRASE, asLatin));
    expect(viaLatin.repairs.map((r) => r.method)).toEqual(['gbk-as-latin1']);
    expect(viaLatin.text).toBe(txt.replace(SHIFT_PHRASE, phrase));
  });

  it('flags what it cannot repair and keeps it in the text', () => {
    const noise = '\ufffd\ufffd?\ufffd';
    const r = repairMojibake(txt.replace(SHIFT_PHRASE, `政策${noise}丰富`));
    expect(r.repairs).toEqual([]);
    expect(r.damage).toHaveLength(1);
    expect(r.damage[0].text).toContain(noise);
    expect(r.text.slice(r.damage[0].at, r.damage[0].at + r.damage[0].text.length)).toBe(r.damage[0].text);
    expect(r.text).toContain(noise);
  });

  it('makes no repair and flags no damage on clean reports', () => {
    for (const s of samples) {
      const d = decode(typeof s.content === 'string' ? new Uint8Array(Buffer.from(s.content)) : s.content, s.ext === 'html' ? 'html' : 'text');
      expect({ id: s.id, repairs: d.repairs, damage: d.damage }).toEqual({ id: s.id, repairs: [], damage: [] });
    }
  });

  it('leaves rare but genuine characters alone', () => {
    const clean = txt.replace(SHIFT_PHRASE, '鄞州区、婺城区、衢州市、丽水市缙云县');
    expect(repairMojibake(clean)).toEqual({ text: clean, repairs: [], damage: [] });
  });
});
