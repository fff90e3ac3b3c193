import { RejectedInput } from '../../errors';
import { decryptorOf } from './decrypt';
import { decode, filterOf, MAX_RATIO, type Filter } from './filters';
import { checkCMap, checkFontWidths } from './font-maps';
import { addObjectStream, referenceContexts, resolve, scanObjects, streamEnd, type PdfObjects, type PdfStream, type RefContext } from './objects';
import { isDict, nameOf, PdfName, type PdfDict, type PdfValue } from './syntax';

/**
 * Refuses a PDF whose streams put out more than `budget` bytes once decoded, before pdf.js reads
 * it: a 3 MB file can hold a gigabyte of text operators, which pdf.js would expand into buffers
 * outside any heap limit. The file is read as pdf.js reads it, whatever the spelling: every object
 * found by its header (incremental updates, objects no table lists, the objects inside object
 * streams), names with `#xx` escapes, every filter by each name pdf.js accepts (`/Fl`, `/AHx` …,
 * also under `/F`), filter arrays, indirect lengths. Each filter's output counts (pdf.js holds each
 * in memory), with a cap, so this never holds more than the budget; a filter that cannot be
 * bounded (an image codec on what is not an image) counts as unbounded. Only images, referred to
 * as images and nothing else, count as nothing: pdf.js never decodes them (maxImageSize 0). Streams
 * are decoded largest possible output first, and only until the most the others could put out
 * fits in what is left: a report's many small streams (fonts' glyph procedures) are never decoded.
 */
export async function checkContentBudget(bytes: Uint8Array, budget: number): Promise<void> {
  if (!(budget < Infinity)) return;
  const objects = scanObjects(bytes);
  const crypt = decryptorOf(objects);
  const data = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const raw = (s: PdfStream) => {
    const bytes = data.subarray(s.start, s.end);
    return crypt ? crypt.stream(s.num, s.gen, bytes, s.dict) : bytes;
  };
  let used = 0;
  const spend = (n: number) => {
    used += n;
    if (used > budget)
      throw new RejectedInput(
        `The PDF's content is too large to read: over ${Math.round(budget / 1024 / 1024)} MB of page content once decompressed (an annual report has a few MB).`,
        'P-PDF-CONTENT-TOO-LARGE',
      );
  };
  // Object streams first: the objects in them may state other streams' lengths and say which streams are images.
  const objStms = objects.streams.filter((s) => nameOf(resolve(objects, s.dict.get('Type'))) === 'ObjStm');
  for (const s of objStms) {
    s.end = streamEnd(objects, s);
    const out = await decodeStream(objects, s.dict, raw(s), budget - used, true);
    spend(out.size);
    if (out.bytes) addObjectStream(objects, s.dict, out.bytes);
  }
  for (const s of objects.streams) s.end = streamEnd(objects, s);
  const contexts = referenceContexts(objects);
  // Character maps are read whole: pdf.js expands their ranges code by code (font-maps.ts).
  const cmaps = objects.streams.filter((s) => (contexts.get(s.num) ?? []).some((c) => CMAP_KEYS.has(c.key ?? '')));
  for (const s of cmaps) {
    const out = await decodeStream(objects, s.dict, raw(s), budget - used, true);
    spend(out.size);
    if (out.bytes) checkCMap(out.bytes);
  }
  checkFontWidths(objects);
  const done = new Set([...objStms, ...cmaps]);
  const counted: { dict: PdfDict | undefined; raw: Buffer; bound: number }[] = [
    ...objects.streams.filter((s) => !done.has(s) && !provablyImage(objects, contexts, s)).map((s) => ({ dict: s.dict, raw: raw(s) })),
    ...objects.orphans.map((o) => ({ dict: o.dict, raw: data.subarray(o.start, o.end) })),
  ].map((c) => ({ ...c, bound: c.dict ? mostOutput(objects, c.dict, c.raw.length) : Infinity }));
  counted.sort((a, b) => b.bound - a.bound);
  let unread = counted.reduce((n, c) => n + c.bound, 0);
  for (const c of counted) {
    if (used + unread <= budget) return;
    unread -= c.bound;
    // A stream whose dictionary cannot be read is counted as unbounded.
    spend(c.dict ? (await decodeStream(objects, c.dict, c.raw, budget - used, false)).size : Infinity);
  }
}

interface Stage {
  filter: Filter;
  earlyChange: number;
}

/**
 * The filter chains pdf.js may apply: it reads `/F` before `/Filter` (and `/DP` before `/DecodeParms`);
 * when both are there each is tried. A value that names no filter (a file specification) applies none.
 */
function chainsOf(objects: PdfObjects, dict: PdfDict): Stage[][] {
  const pairs = [
    [dict.get('F'), dict.get('DP') ?? dict.get('DecodeParms')],
    [dict.get('Filter'), dict.get('DecodeParms') ?? dict.get('DP')],
  ].filter(([f]) => f !== undefined);
  if (pairs.length === 0) return [[]];
  return pairs.map(([f, dp]) => chain(objects, resolve(objects, f), resolve(objects, dp)));
}

function chain(objects: PdfObjects, filter: PdfValue | undefined, parms: PdfValue | undefined): Stage[] {
  const names = Array.isArray(filter) ? filter.map((f) => resolve(objects, f)) : [filter];
  const out: Stage[] = [];
  for (const [i, n] of names.entries()) {
    // pdf.js stops at an array element that is not a name.
    if (!(n instanceof PdfName)) break;
    const p = resolve(objects, Array.isArray(parms) ? parms[i] : parms);
    const early = isDict(p) ? resolve(objects, p.get('EarlyChange')) : undefined;
    out.push({ filter: filterOf(n.name), earlyChange: typeof early === 'number' ? early : 1 });
  }
  return out;
}

/** The most bytes a stream's filters could put out (every stage's output counted), from their ratios. */
function mostOutput(objects: PdfObjects, dict: PdfDict, raw: number): number {
  return Math.max(
    ...chainsOf(objects, dict).map((stages) => {
      if (stages.length === 0) return raw;
      let size = raw;
      let total = 0;
      for (const s of stages) total += size *= MAX_RATIO[s.filter];
      return total;
    }),
  );
}

/** What pdf.js's decoding of one stream costs (the output of each filter), stopping once past `cap`; `keep` returns the final output. */
async function decodeStream(objects: PdfObjects, dict: PdfDict, raw: Buffer, cap: number, keep: boolean): Promise<{ size: number; bytes?: Buffer }> {
  let worst: { size: number; bytes?: Buffer } = { size: 0 };
  for (const stages of chainsOf(objects, dict)) {
    if (stages.length === 0) {
      worst = raw.length >= worst.size ? { size: raw.length, bytes: raw } : worst;
      continue;
    }
    let bytes = raw;
    let total = 0;
    for (const [i, s] of stages.entries()) {
      const last = i === stages.length - 1;
      const out = await decode(s.filter, bytes, cap - total, keep || !last, s.earlyChange);
      total += out.size;
      if (total > cap || !out.bytes) break;
      bytes = out.bytes;
    }
    if (total >= worst.size) worst = { size: total, bytes: keep ? bytes : undefined };
  }
  return worst;
}

/** Keys under which a stream is a character map (a font's `/ToUnicode`, an embedded CMap as `/Encoding` or `/UseCMap`). */
const CMAP_KEYS = new Set(['ToUnicode', 'Encoding', 'UseCMap']);

/** Keys under which an image is referred to without pdf.js ever decoding it: a resource name under `/XObject`, a mask, a thumbnail. */
const IMAGE_KEYS = new Set(['SMask', 'Mask', 'Thumb']);

/**
 * An image pdf.js will not decode: it says it is one (`/Subtype /Image`), something refers to it, and
 * every reference is an image's (an `/XObject` resource, directly or through a resource dictionary of
 * its own, a mask, a thumbnail). The same stream referred to as page content, a form or a font
 * would be decoded, so it counts; and when some object could not be read, nothing is taken for an image.
 */
function provablyImage(objects: PdfObjects, contexts: Map<number, RefContext[]>, s: PdfStream): boolean {
  if (objects.unsure || nameOf(resolve(objects, s.dict.get('Subtype'))) !== 'Image') return false;
  const refs = contexts.get(s.num) ?? [];
  const xobjects = (num: number) => (contexts.get(num) ?? []).length > 0 && contexts.get(num)!.every((c) => c.key === 'XObject');
  return refs.length > 0 && refs.every((c) => IMAGE_KEYS.has(c.key ?? '') || c.parent === 'XObject' || (typeof c.parent === 'number' && xobjects(c.parent)));
}
