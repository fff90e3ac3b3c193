import iconv from 'iconv-lite';
import { decode } from '../../lambdas/core/decode';
import { baseSamples } from '../../scripts/generate/catalog';
import {
  encodeLegacy,
  garbledVariants,
  injectShiftedSpan,
  narrativeOnlyText,
  setMetaCharset,
  SHIFT_PHRASE,
  toTraditional,
} from '../../scripts/generate/garble';

const base = baseSamples();
const html = base.find((s) => s.ext === 'html')!;
const txt = base.find((s) => s.ext === 'txt')!;
const htmlDoc = html.content as string;
const txtDoc = txt.content as string;
const latin1 = (b: Uint8Array) => Buffer.from(b).toString('latin1');

describe('garbling transforms', () => {
  it('sets, replaces or removes the meta charset', () => {
    expect(latin1(encodeLegacy(htmlDoc, 'html', 'gbk', 'none'))).not.toMatch(/charset=/i);
    expect(latin1(encodeLegacy(htmlDoc, 'html', 'gbk', 'declared'))).toMatch(/charset=gbk/);
    const wrong = latin1(encodeLegacy(htmlDoc, 'html', 'gbk', 'wrong'));
    expect(wrong.match(/charset=[\w-]+/gi)).toEqual(['charset=utf-8']);
    expect(setMetaCharset('<html><head><title>t</title>', 'big5')).toBe(
      '<html><head><meta http-equiv=Content-Type content="text/html; charset=big5">\n<title>t</title>',
    );
  });

  it('re-encodes as GBK and Big5 without losing a character', () => {
    expect(iconv.decode(Buffer.from(encodeLegacy(txtDoc, 'txt', 'gbk', 'none')), 'gb18030')).toBe(txtDoc);
    const trad = toTraditional(txtDoc);
    expect(trad).not.toBe(txtDoc);
    expect(trad).toContain('年度報告');
    expect(iconv.decode(Buffer.from(encodeLegacy(trad, 'txt', 'big5', 'none')), 'big5')).toBe(trad);
  });

  it('writes characters an encoding lacks as entities in HTML and refuses them in text', () => {
    // 报 is simplified-only, 𠮷 is astral: Big5 has neither; 年 and 報 it has.
    const bytes = encodeLegacy('<p>𠮷年报報</p>', 'html', 'big5', 'none');
    expect(iconv.decode(Buffer.from(bytes), 'big5')).toBe('<p>&#x20bb7;年&#x62a5;報</p>');
    expect(() => encodeLegacy('𠮷', 'txt', 'big5', 'none')).toThrow(/cannot encode/);
  });

  it('injects a run decoded one byte out of step, which the decoder repairs', () => {
    const garbled = injectShiftedSpan(txtDoc, SHIFT_PHRASE);
    const run = garbled.slice(txtDoc.indexOf(SHIFT_PHRASE)).match(/^\?[^?]+\?/)![0];
    // Both edge characters lose a byte (two `?`); the other bytes pair up into one fewer character.
    expect(run.length).toBe(SHIFT_PHRASE.length + 1);
    const d = decode(new Uint8Array(Buffer.from(garbled)), 'text');
    expect(d.repairs).toHaveLength(1);
    expect(d.text).toBe(txtDoc);
    expect(() => injectShiftedSpan('无此句', SHIFT_PHRASE)).toThrow();
  });

  it('drops the tables for the narrative-only report, keeping headings and prose', () => {
    const text = narrativeOnlyText(txt);
    expect(text).not.toContain('|');
    expect(text).not.toContain('本年新收政府信息公开申请数量');
    for (const h of ['一、总体情况', '二、主动公开政府信息情况', '六、其他需要报告的事项']) expect(text).toContain(h);
  });

  it('labels each variant like its base, the narrative-only one with no tables and values', () => {
    const variants = garbledVariants(base);
    expect(variants.map((v) => v.id)).toEqual([
      `${html.id}-gbk-nometa`,
      `${html.id}-gbk-meta`,
      `${html.id}-gbk-wrongmeta`,
      `${html.id}-big5-trad`,
      `${html.id}-trad-utf8`,
      `${html.id}-shifted`,
      `${txt.id}-gbk-nometa`,
      `${txt.id}-big5-trad`,
      `${txt.id}-trad-utf8`,
      `${txt.id}-shifted`,
      `${txt.id}-narrative-only`,
    ]);
    const only = variants.find((v) => v.id.endsWith('narrative-only'))!;
    expect(only.labels).toMatchObject({ tables: [], values: {} });
    expect(only.spec.narrative.length).toBeGreaterThan(0);
  });
});
