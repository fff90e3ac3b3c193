import iconv from 'iconv-lite';
import type { Decoded, InputKind } from '../types';
import { toSimplified, detectScript } from './script';

/** Bytes to text. Basic version: BOM, then UTF-8 when valid, else GB18030. (Extended by the garbled-sources work.) */
export function decode(bytes: Uint8Array, _kind: InputKind): Decoded {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let encoding = 'utf-8';
  let raw: string;
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) raw = buf.subarray(3).toString('utf8');
  else {
    try {
      raw = new TextDecoder('utf-8', { fatal: true }).decode(buf);
    } catch {
      encoding = 'gb18030';
      raw = iconv.decode(buf, 'gb18030');
    }
  }
  const script = detectScript(raw);
  return { raw, text: script === 'traditional' ? toSimplified(raw) : raw, encoding, script, repairs: [], damage: [] };
}
