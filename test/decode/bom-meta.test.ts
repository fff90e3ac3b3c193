import iconv from 'iconv-lite';
import { normalizeLabel, readBom, readMetaCharset } from '../../lambdas/core/decode/bom-meta';
import { decode } from '../../lambdas/core/decode';

const bytes = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));

describe('BOM and <meta charset>', () => {
  it('reads the byte-order marks', () => {
    expect(readBom(new Uint8Array([0xef, 0xbb, 0xbf, 0x41]))).toEqual({ encoding: 'utf-8', source: 'bom', skip: 3 });
    expect(readBom(new Uint8Array([0xff, 0xfe, 0x41, 0]))?.encoding).toBe('utf-16le');
    expect(readBom(new Uint8Array([0xfe, 0xff, 0, 0x41]))?.encoding).toBe('utf-16be');
    expect(readBom(bytes('政府'))).toBeUndefined();
  });

  it('reads both meta forms and folds GB labels to gb18030', () => {
    expect(readMetaCharset(bytes('<html><head><meta charset="GBK"></head>'))?.encoding).toBe('gb18030');
    expect(readMetaCharset(bytes('<meta http-equiv=Content-Type content="text/html; charset=gb2312">'))?.encoding).toBe('gb18030');
    expect(readMetaCharset(bytes("<meta charset='big5'>"))?.encoding).toBe('big5');
    expect(readMetaCharset(bytes('<meta name="keywords" content="年报">'))).toBeUndefined();
    expect(normalizeLabel('UTF8')).toBe('utf-8');
    expect(normalizeLabel('x-gbk')).toBe('gb18030');
  });

  it('decodes UTF-8 and UTF-16 with a BOM, dropping the mark', () => {
    const s = '政府信息公开工作年度报告';
    expect(decode(new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from(s)]), 'text')).toMatchObject({ raw: s, encoding: 'utf-8' });
    const le = new Uint8Array([0xff, 0xfe, ...iconv.encode(s, 'utf-16le')]);
    expect(decode(le, 'text')).toMatchObject({ raw: s, encoding: 'utf-16le' });
  });
});
