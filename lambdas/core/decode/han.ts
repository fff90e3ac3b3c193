/**
 * What counts as a Han character for decoding: the BMP's CJK blocks (unified, extension A,
 * compatibility) by code, and astral ideographs behind lead surrogates D840–D87F. By code rather
 * than `\p{Script=Han}`, which is several times slower over a page that is mostly markup.
 */
export function isHan(c: string | undefined): boolean {
  if (!c) return false;
  const x = c.charCodeAt(0);
  return (
    (x >= 0x4e00 && x <= 0x9fff) || (x >= 0x3400 && x <= 0x4dbf) || (x >= 0xf900 && x <= 0xfaff) || (x >= 0xd840 && x <= 0xd87f && /\p{Script=Han}/u.test(c))
  );
}

/**
 * Runs of the characters `isHan` accepts (astral ones as surrogate pairs); global, for `matchAll`. A run
 * longer than 65,536 comes as several: an unbounded greedy match over megabytes overflows V8's regex stack.
 */
export const HAN_RUN = /(?:[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]|[\ud840-\ud87f][\udc00-\udfff]){1,65536}/g;
