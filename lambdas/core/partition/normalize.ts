/** Folds the whitespace of a cell or line: NBSP, ideographic and zero-width spaces count as space. */
export function foldSpace(s: string): string {
  return s.replace(/[\s\u00a0\u3000\u200b\ufeff]+/g, ' ').trim();
}

/** Removes all whitespace: Word splits labels over lines and spans (`商业 企业`). */
export function squeeze(s: string): string {
  return s.replace(/[\s\u00a0\u3000\u200b\ufeff]+/g, '');
}
