/** A pdf.js text item at (x, y): CJK characters one em wide, ASCII (digits, dashes) half an em, unless `width` is given. */
export const item = (str: string, x: number, y: number, fs = 10, width?: number) => ({
  str,
  transform: [fs, 0, 0, fs, x, y],
  width: width ?? [...str].reduce((w, c) => w + (/[\x00-\x7f]/.test(c) ? fs / 2 : fs), 0),
  height: fs,
  dir: 'ltr',
});
