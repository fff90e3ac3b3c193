/** What the bytes declare about their encoding: a byte-order mark, or an HTML `<meta charset>`. */
export interface Declared {
  /** WHATWG-style label, lower case: utf-8, utf-16le, gb18030, big5, … */
  encoding: string;
  source: 'bom' | 'meta';
  /** Bytes to skip before decoding (the BOM). */
  skip: number;
}

/** A byte-order mark always wins: it cannot occur by accident at the start of a report. */
export function readBom(buf: Uint8Array): Declared | undefined {
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return { encoding: 'utf-8', source: 'bom', skip: 3 };
  if (buf[0] === 0xff && buf[1] === 0xfe) return { encoding: 'utf-16le', source: 'bom', skip: 2 };
  if (buf[0] === 0xfe && buf[1] === 0xff) return { encoding: 'utf-16be', source: 'bom', skip: 2 };
  return undefined;
}

/** `<meta charset="gbk">` or `<meta http-equiv="Content-Type" content="text/html; charset=gb2312">` in the head. */
export function readMetaCharset(buf: Uint8Array): Declared | undefined {
  // The head is ASCII in every encoding we meet, so latin1 reads it without decoding anything else.
  const head = Buffer.from(buf.buffer, buf.byteOffset, Math.min(buf.byteLength, 4096)).toString('latin1');
  const m = head.match(/<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i);
  return m ? { encoding: normalizeLabel(m[1]), source: 'meta', skip: 0 } : undefined;
}

/** Collapses the aliases to the decoders we use: every GB label decodes as gb18030 (a superset). */
export function normalizeLabel(label: string): string {
  const l = label.toLowerCase().replace(/_/g, '-');
  if (l === 'utf8' || l === 'utf-8') return 'utf-8';
  if (/^(gb2312|gbk|gb18030|x-gbk|cp936|euc-cn|hz-gb-2312)$/.test(l)) return 'gb18030';
  if (/^(big5|big5-hkscs|x-x-big5|cp950)$/.test(l)) return 'big5';
  return l;
}
