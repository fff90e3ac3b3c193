import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getResolvedPDFJS } from 'unpdf';
import { headlessFonts } from '../../lambdas/core/partition/pdf/headless-fonts';
import '../../lambdas/core/partition/pdf/polyfill';
import { pageRules, type Ops } from '../../lambdas/core/partition/pdf/ruling';

const SAMPLES = join(__dirname, '../../samples/pdf');

/** Page 1's text, rules and the ids of the objects pdf.js's worker posted for its operator list. */
async function readPage(file: string, headless: boolean) {
  const { getDocument, OPS } = await getResolvedPDFJS();
  const fonts = headless ? headlessFonts(getDocument) : { disableFontFace: true };
  const task = getDocument({ data: new Uint8Array(readFileSync(join(SAMPLES, file))), ...fonts, useSystemFonts: false, verbosity: 0 });
  try {
    const page = await (await task.promise).getPage(1);
    const { height, transform } = page.getViewport({ scale: 1 });
    const text = (await page.getTextContent()).items.map((i) => ('str' in i ? i.str : '')).join('');
    const ops = await page.getOperatorList();
    const rules = pageRules(ops.fnArray, ops.argsArray, OPS as unknown as Ops, transform, height);
    const posted = [...(page.commonObjs as unknown as Iterable<[string, unknown]>)].map(([id]) => id);
    return { text, rules, posted };
  } finally {
    await task.destroy();
  }
}

describe('headless fonts (pdf.js options for reading rules from the operator list)', () => {
  it.each(['gen-2021-pdf-sparse-lo.pdf', 'gen-2021-pdf-sparse-chromium.pdf', 'gen-2021-pdf-cid.pdf'])(
    '%s: no glyph outline is compiled, and text and rules read as with disableFontFace',
    async (file) => {
      const outlines = await readPage(file, false);
      const headless = await readPage(file, true);
      // What the options save: with disableFontFace every drawn glyph's outline is posted as a `…_path_…` object.
      expect(outlines.posted.filter((id) => id.includes('_path_')).length).toBeGreaterThan(20);
      expect(headless.posted.filter((id) => id.includes('_path_'))).toEqual([]);
      expect(headless.posted.length).toBeGreaterThan(0);
      expect(headless.text).toBe(outlines.text);
      expect(headless.rules).toEqual(outlines.rules);
      expect(headless.rules.length).toBeGreaterThan(5);
    },
  );
});
