/** What counts as space in a cell or line: NBSP, ideographic and zero-width spaces too. */
const SPACE = '[\\s\\u00a0\\u3000\\u200b\\ufeff]';
const SPACES = new RegExp(`${SPACE}+`, 'g');
const ONE_SPACE = new RegExp(`^${SPACE}$`);

/** Folds the whitespace of a cell or line: runs become one space, ends are trimmed. */
export function foldSpace(s: string): string {
  return s.replace(SPACES, ' ').trim();
}

/** Removes all whitespace: Word splits labels over lines and spans (`商业 企业`). */
export function squeeze(s: string): string {
  return s.replace(SPACES, '');
}

/** True for one character foldSpace folds. */
export const isSpace = (ch: string): boolean => ONE_SPACE.test(ch);
