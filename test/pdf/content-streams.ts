import { inflateSync } from 'node:zlib';

/**
 * Every Flate-compressed stream of a PDF, inflated: what `qpdf --qdf` shows of a file, read with
 * Node's zlib, so tests that count the operators a producer wrote need no tool beyond npm.
 */
export function inflatedStreams(pdf: Uint8Array): string[] {
  const bytes = Buffer.from(pdf);
  const text = bytes.toString('latin1');
  const out: string[] = [];
  const start = /(?<!end)stream\r?\n/g;
  for (let m = start.exec(text); m; m = start.exec(text)) {
    const from = m.index + m[0].length;
    const to = text.indexOf('endstream', from);
    if (to < 0) break;
    const dict = text.slice(text.lastIndexOf(' obj', m.index), m.index);
    // A stream ends with an EOL before `endstream`; zlib stops at the end of its data anyway.
    if (/\/FlateDecode/.test(dict)) out.push(inflateSync(bytes.subarray(from, to)).toString('latin1'));
    start.lastIndex = to + 'endstream'.length;
  }
  return out;
}
