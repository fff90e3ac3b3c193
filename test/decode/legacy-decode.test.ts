import iconv from 'iconv-lite';
import { decodeLegacy } from '../../lambdas/core/decode/legacy-decode';

/** The runtime's decoder is only a faster route: every byte string reads as iconv-lite reads it. */
describe('legacy decoding', () => {
  const asIconv = (bytes: number[], encoding = 'gb18030') => {
    const b = Buffer.from(bytes);
    expect(decodeLegacy(b, encoding)).toBe(iconv.decode(b, encoding, { stripBOM: true }));
  };

  it('reads well-formed GBK, four-byte GB18030 and a BOM as iconv-lite does', () => {
    const text = '政府信息公开工作年度报告 2024 年共收到申请 12 件；𠀀㐀€';
    const bytes = iconv.encode(text, 'gb18030');
    expect(decodeLegacy(bytes, 'gb18030')).toBe(text);
    asIconv([...bytes]);
    asIconv([0x84, 0x31, 0x95, 0x33, ...bytes]);
  });

  it('keeps the digit after a broken lead byte (the WHATWG decoder swallows it)', () => {
    expect(decodeLegacy(Buffer.from([0xce, 0x31, 0x32]), 'gb18030')).toBe('\ufffd12');
    asIconv([0xb4, 0xcb, 0xae, 0xff, 0x39]);
  });

  it('reads the 18 codes GB18030-2022 remapped as iconv-lite does (private use), not as the 2022 table', () => {
    for (const code of [
      [0xa6, 0xd9],
      [0xa6, 0xf3],
      [0xfe, 0x59],
      [0xfe, 0xa0],
    ]) {
      asIconv([0xd5, 0xfe, ...code]);
      expect(decodeLegacy(Buffer.from(code), 'gb18030').codePointAt(0)).toBeGreaterThanOrEqual(0xe000);
    }
  });

  it('reads Big5 with iconv-lite, whose table is not the WHATWG one (HKSCS)', () => {
    asIconv([0x80, 0x30, 0xa4, 0x40], 'big5');
    expect(decodeLegacy(Buffer.from([0x80, 0x30]), 'big5')).toBe('\ufffd0');
  });

  it('agrees with iconv-lite on every two-byte GB18030 sequence', () => {
    const differ: string[] = [];
    for (let lead = 0x81; lead <= 0xfe; lead++)
      for (let trail = 0x30; trail <= 0xff; trail++) {
        const b = Buffer.from([lead, trail]);
        if (decodeLegacy(b, 'gb18030') !== iconv.decode(b, 'gb18030')) differ.push(b.toString('hex'));
      }
    expect(differ).toEqual([]);
  });
});
