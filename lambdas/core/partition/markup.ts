/**
 * Markdown and OCR markup that converters leave in scraped text: heading marks (`# 标题`), bold
 * (`**…**`), line breaks inside cells (`<br>`), inline tags and the `|---|` rule under a table's
 * header. Each is blanked to spaces of the same length, so offsets into the text and its raw twin
 * stay aligned and evidence still points at the printed characters.
 */
const MARKUP =
  /^[ \t]*#{1,6}(?!#)|\*\*|<br\s*\/?>|<\/?(?:b|strong|em|i|u|span|p|div|sup|sub|font)\b[^>\n]*>|^[ \t]*\|?(?:[ \t]*:?-{3,}:?[ \t]*\|)+(?:[ \t]*:?-{3,}:?)?[ \t]*$/gim;

export const blankMarkup = (s: string): string => s.replace(MARKUP, (m) => ' '.repeat(m.length));
