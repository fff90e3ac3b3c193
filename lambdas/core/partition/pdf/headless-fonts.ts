/**
 * pdf.js options under which an operator list costs little more than its path operators.
 *
 * Every font an operator list uses goes to pdf.js's main-thread font loader. With `disableFontFace` (the
 * only setting that works where there is no FontFace, as in Node) pdf.js's worker instead compiles every
 * drawn glyph's outline and posts it as a path: about half the operator list's cost, for glyphs nobody
 * draws here (only the table rules are read; the text comes from getTextContent). A document whose font
 * set takes any font and a FontFace that loads nothing let pdf.js take its browser route, where the font
 * file it already sends is all it sends. Text content and rules come out the same either way.
 */
class NoFontFace {
  readonly loaded = Promise.resolve(this);
  constructor(readonly family: string) {}
}

/** `ownerDocument` for pdf.js: only its font set, which accepts and forgets every font. */
const fontsOnly = { fonts: { add() {}, delete() {} } } as unknown as Document;

/**
 * The options, for the pdf.js whose `getDocument` is given: pdf.js looks FontFace up in its own realm's
 * globals, which are not this module's when a test runner loads pdf.js natively beside its sandbox.
 */
export function headlessFonts(getDocument: (...args: never[]) => unknown): { disableFontFace: false; ownerDocument: Document } {
  const realm = (getDocument.constructor as FunctionConstructor)('return globalThis')() as { FontFace?: unknown };
  realm.FontFace ??= NoFontFace;
  return { disableFontFace: false, ownerDocument: fontsOnly };
}
