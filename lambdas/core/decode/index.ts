import type { Decoded, InputKind } from '../types';
import { readBom, readMetaCharset } from './bom-meta';
import { chooseEncoding } from './detect-encoding';
import { repairMojibake } from './gbk-repair';
import { decodeLegacy } from './legacy-decode';
import { detectScript, toSimplified } from './script';

/**
 * Bytes to text: BOM, then `<meta charset>` (HTML), checked against the bytes and replaced by
 * detection when wrong; then mojibake repair; then traditional → simplified for `text`, with `raw`
 * keeping the script as printed (same offsets).
 */
export function decode(bytes: Uint8Array, kind: InputKind): Decoded {
  const declared = readBom(bytes) ?? (kind === 'html' ? readMetaCharset(bytes) : undefined);
  const encoding = chooseEncoding(bytes, declared);
  const body = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).subarray(declared?.skip ?? 0);
  // Node's own UTF-8 decoder is several times faster than iconv-lite's.
  const decoded = encoding === 'utf-8' ? body.toString('utf8').replace(/^\ufeff/, '') : decodeLegacy(body, encoding);
  const { text: raw, repairs, damage } = repairMojibake(decoded);
  const script = detectScript(raw);
  let text: string | undefined;
  return {
    raw,
    // Converted on first use: the HTML partitioner converts only the page's text, never its markup.
    get text() {
      return (text ??= script === 'traditional' ? toSimplified(raw) : raw);
    },
    encoding,
    script,
    repairs,
    damage,
  };
}
