import iconv from 'iconv-lite';
import { decode } from '../../lambdas/core/decode';
import { encodeLegacy, setMetaCharset, toTraditional } from '../../scripts/generate/garble';
import { baseSamples } from '../../scripts/generate/catalog';

const samples = baseSamples();
const html = samples.find((s) => s.ext === 'html')!.content as string;
const txt = samples.find((s) => s.ext === 'txt')!.content as string;

describe('encoding detection', () => {
  it.each([
    ['GBK without a meta charset', encodeLegacy(html, 'html', 'gbk', 'none'), 'gb18030'],
    ['GBK under a wrong meta (utf-8)', encodeLegacy(html, 'html', 'gbk', 'wrong'), 'gb18030'],
    ['GBK with its meta', encodeLegacy(html, 'html', 'gbk', 'declared'), 'gb18030'],
    ['Big5 without a meta charset', encodeLegacy(toTraditional(html), 'html', 'big5', 'none'), 'big5'],
    ['Big5 with its meta', encodeLegacy(toTraditional(html), 'html', 'big5', 'declared'), 'big5'],
  ])('HTML: %s', (_name, bytes, encoding) => {
    const d = decode(bytes, 'html');
    expect(d.encoding).toBe(encoding);
    expect(d.text).toContain('三、收到和处理政府信息公开申请情况');
    expect(d.repairs).toEqual([]);
    expect(d.damage).toEqual([]);
  });

  it('text: GBK and Big5 bytes decode to the same simplified text', () => {
    const gbk = decode(encodeLegacy(txt, 'txt', 'gbk', 'none'), 'text');
    expect(gbk).toMatchObject({ encoding: 'gb18030', script: 'simplified', text: txt });
    const big5 = decode(encodeLegacy(toTraditional(txt), 'txt', 'big5', 'none'), 'text');
    expect(big5).toMatchObject({ encoding: 'big5', script: 'traditional', text: txt });
  });

  it('trusts valid UTF-8 over a meta that claims GBK', () => {
    const page = html.replace(/charset=utf-8/i, 'charset=gbk');
    expect(page).not.toBe(html);
    expect(decode(new Uint8Array(Buffer.from(page)), 'html')).toMatchObject({ encoding: 'utf-8', text: page });
  });

  // The bundles leave iconv-lite's Japanese and Korean tables out (lib/lambda-defaults.ts BUNDLE_EXTERNALS): no declaration reaches them.
  it.each(['shift_jis', 'euc-jp', 'euc-kr', 'ks_c_5601-1987'])('decodes GBK bytes under a meta that declares %s as GB18030', (charset) => {
    const d = decode(new Uint8Array(iconv.encode(setMetaCharset(html, charset), 'gbk')), 'html');
    expect(d.encoding).toBe('gb18030');
    expect(d.text).toContain('三、收到和处理政府信息公开申请情况');
  });

  it('keeps a declared GB encoding for a short page chardet is unsure of', () => {
    const page = `<html><head><meta charset="gb2312"></head><body>年度报告</body></html>`;
    expect(decode(new Uint8Array(iconv.encode(page, 'gbk')), 'html')).toMatchObject({ encoding: 'gb18030', text: page });
  });
});

describe('damaged UTF-8', () => {
  it('stays UTF-8 with its broken bytes flagged, rather than becoming GBK', () => {
    const txt = baseSamples().find((s) => s.ext === 'txt')!.content as string;
    const bytes = Buffer.from(txt);
    const at = bytes.indexOf(Buffer.from('政策解读'));
    bytes[at + 1] = 0x20; // breaks the three-byte sequence of 政
    const d = decode(new Uint8Array(bytes), 'text');
    expect(d.encoding).toBe('utf-8');
    expect(d.damage.map((x) => x.text.includes('\ufffd'))).toEqual([true]);
    expect(d.text).toContain('策解读形式');
  });

  it('keeps a page that declares UTF-8 as UTF-8 through several broken bytes', () => {
    const page =
      '<html><head><meta charset="utf-8"><title>某局2023年政府信息公开工作年度报告</title></head><body><p>一、总体情况</p><p>本年度主动公开政府信息共计一百余条，政策解读若干篇，依申请公开工作有序开展。</p></body></html>';
    const bytes = Buffer.from(page);
    const at = bytes.indexOf(Buffer.from('本年度'));
    for (const k of [1, 4, 7]) bytes[at + k] = 0x20; // breaks 本, 年 and 度
    const d = decode(new Uint8Array(bytes), 'html');
    expect(d.encoding).toBe('utf-8');
    expect(d.text).toContain('主动公开政府信息');
  });
});
