/**
 * Garbled copies of a corpus for `npm run eval -- DIR --variants`: the corpus's HTML and text
 * documents re-encoded as GBK without a charset, converted to traditional script and encoded as
 * Big5, and converted to traditional script in UTF-8, each set in its own temporary folder with
 * copies of the labels. A parser that reads garbled sources right scores the same on every set.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { encodeLegacy, toTraditional, type DocKind } from './generate/garble';

export type VariantName = 'gbk-nometa' | 'big5-trad' | 'trad-utf8';

export interface VariantSet {
  name: VariantName;
  /** Holds `<id>.html|.txt` (garbled) and `<id>.labels.json` (copied) for each document. */
  dir: string;
  ids: string[];
}

const TRANSFORMS: Record<VariantName, (doc: string, kind: DocKind) => string | Uint8Array> = {
  'gbk-nometa': (doc, kind) => encodeLegacy(doc, kind, 'gbk', 'none'),
  'big5-trad': (doc, kind) => encodeLegacy(toTraditional(doc), kind, 'big5', 'none'),
  'trad-utf8': (doc) => toTraditional(doc),
};

/**
 * Writes one folder per variant under `into` (a new temporary folder by default) and returns them.
 * Only HTML and text documents that have labels are taken: PDFs have no encoding to garble.
 */
export function buildVariants(corpusDir: string, into: string = mkdtempSync(path.join(tmpdir(), 'ogi-variants-'))): VariantSet[] {
  const docs = readdirSync(corpusDir)
    .filter((f) => /\.(html?|txt)$/i.test(f))
    .map((f) => ({ file: f, id: f.replace(/\.[^.]+$/, ''), kind: (/\.html?$/i.test(f) ? 'html' : 'txt') as DocKind }))
    .filter((d) => readdirSync(corpusDir).includes(`${d.id}.labels.json`))
    .sort((a, b) => a.id.localeCompare(b.id));
  return (Object.keys(TRANSFORMS) as VariantName[]).map((name) => {
    const dir = path.join(into, name);
    mkdirSync(dir, { recursive: true });
    for (const d of docs) {
      const text = readFileSync(path.join(corpusDir, d.file), 'utf8');
      writeFileSync(path.join(dir, d.file), TRANSFORMS[name](text, d.kind));
      copyFileSync(path.join(corpusDir, `${d.id}.labels.json`), path.join(dir, `${d.id}.labels.json`));
    }
    return { name, dir, ids: docs.map((d) => d.id) };
  });
}
