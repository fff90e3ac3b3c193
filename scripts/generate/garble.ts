/**
 * Garbled variants of a report, as scrapers and legacy portals produce them: GBK or Big5 bytes
 * with no, a correct or a wrong `<meta charset>`, pages converted to traditional script, a run of
 * GBK decoded one byte out of step (as in the seed report), and narrative-only text with the tables
 * lost. Pure transforms over a document string; `garbledVariants` turns base samples into samples
 * with their labels, and scripts/eval-variants.ts applies the same transforms to the corpus.
 */
import iconv from 'iconv-lite';
import * as OpenCC from 'opencc-js/cn2t';
import type { Sample } from './catalog';
import { buildDocument } from './document';

export type DocKind = 'html' | 'txt';

/** What the re-encoded page says about its charset: nothing, the truth, or `utf-8` (wrong). */
export type MetaMode = 'none' | 'declared' | 'wrong';

const META = /<meta[^>]*charset\s*=\s*["']?[\w-]+["']?[^>]*>\s*/gi;

/** Removes every charset declaration, then adds `charset` (if given) at the start of `<head>`. */
export function setMetaCharset(html: string, charset: string | null): string {
  const bare = html.replace(META, '');
  if (!charset) return bare;
  const tag = `<meta http-equiv=Content-Type content="text/html; charset=${charset}">\n`;
  const head = bare.match(/<head[^>]*>\s*/i);
  return head ? bare.replace(head[0], `${head[0]}${tag}`) : tag + bare;
}

/**
 * The document in a legacy encoding. Characters the encoding lacks become numeric entities in
 * HTML (as browsers save them); in plain text they would be lost, so they are refused.
 */
export function encodeLegacy(doc: string, kind: DocKind, encoding: 'gbk' | 'big5', meta: MetaMode): Uint8Array {
  const label = encoding === 'gbk' ? 'gbk' : 'big5';
  let text = kind === 'html' ? setMetaCharset(doc, meta === 'none' ? null : meta === 'wrong' ? 'utf-8' : label) : doc;
  const lost = [...new Set(text)].filter((c) => iconv.decode(iconv.encode(c, encoding), encoding) !== c);
  if (lost.length > 0) {
    if (kind !== 'html') throw new Error(`${encoding} cannot encode ${lost.join('')}`);
    for (const c of lost) text = text.split(c).join(`&#x${c.codePointAt(0)!.toString(16)};`);
  }
  return new Uint8Array(iconv.encode(text, encoding));
}

let toTw: ((s: string) => string) | undefined;

/** Simplified → traditional (Taiwan standard characters), as portals that convert whole pages do. */
export function toTraditional(doc: string): string {
  toTw ??= OpenCC.Converter({ from: 'cn', to: 'tw' });
  return toTw(doc);
}

/**
 * Replaces `phrase` with what a decoder one byte out of step makes of its GBK bytes: the first
 * and last bytes are lost (printed `?`), the rest pair up wrongly (`保”等宣傳` → `?！钡刃麄`).
 */
export function injectShiftedSpan(doc: string, phrase: string): string {
  if (!doc.includes(phrase)) throw new Error(`phrase not in document: ${phrase}`);
  const bytes = iconv.encode(phrase, 'gbk');
  const garbled = `?${iconv.decode(bytes.subarray(1, bytes.length - 1), 'gbk')}?`;
  return doc.replace(phrase, garbled);
}

/** The prose of a generated report with its tables gone, as a crawler export (header block + body). */
export function narrativeOnlyText(sample: Sample): string {
  const doc = buildDocument(sample.spec);
  const body = doc.blocks.flatMap((b) => (b.kind === 'table' ? [] : [b.text]));
  return [`标题: ${doc.title}`, `发布时间: ${doc.publishedAt}`, `发布机构: ${doc.agency}`, '==================== 正文 ====================', ...body, ''].join(
    '\n',
  );
}

/** A sentence every generated report has in section 5, free of figures: where the out-of-step run goes. */
export const SHIFT_PHRASE = '政策解读形式还不够丰富';

/**
 * The garbled samples: from the first HTML and the first text base sample, every encoding and
 * script variant, the out-of-step run, and (from the text one) the narrative-only report. Values and
 * narrative labels stay those of the base: garbling must not change what is read.
 */
export function garbledVariants(base: Sample[]): Sample[] {
  const html = base.find((s) => s.ext === 'html');
  const txt = base.find((s) => s.ext === 'txt');
  const out: Sample[] = [];
  const variant = (from: Sample, suffix: string, content: string | Uint8Array, notes: string[], labels: Sample['labels'] = {}): Sample => ({
    ...from,
    id: `${from.id}-${suffix}`,
    content,
    notes: [...from.notes, ...notes],
    labels: { ...from.labels, ...labels },
  });
  for (const from of [html, txt]) {
    if (!from || typeof from.content !== 'string') continue;
    const doc = from.content;
    const kind: DocKind = from.ext;
    out.push(variant(from, 'gbk-nometa', encodeLegacy(doc, kind, 'gbk', 'none'), ['GBK bytes, no charset declared.']));
    if (kind === 'html') {
      out.push(variant(from, 'gbk-meta', encodeLegacy(doc, kind, 'gbk', 'declared'), ['GBK bytes, <meta charset=gbk>.']));
      out.push(variant(from, 'gbk-wrongmeta', encodeLegacy(doc, kind, 'gbk', 'wrong'), ['GBK bytes under a wrong <meta charset=utf-8>.']));
    }
    out.push(variant(from, 'big5-trad', encodeLegacy(toTraditional(doc), kind, 'big5', 'declared'), ['Converted to traditional script, Big5 bytes.']));
    out.push(variant(from, 'trad-utf8', toTraditional(doc), ['Converted to traditional script, UTF-8.']));
    out.push(variant(from, 'shifted', injectShiftedSpan(doc, SHIFT_PHRASE), [`A run of GBK decoded one byte out of step in section 5 (was ${SHIFT_PHRASE}).`]));
  }
  if (txt) {
    out.push(
      variant(txt, 'narrative-only', narrativeOnlyText(txt), ['Tables lost: only headings and prose remain; the figures are in the narrative.'], {
        tables: [],
        values: {},
        format: 'unknown',
        cells: undefined,
      }),
    );
  }
  return out;
}
