import { readBom } from '../decode/bom-meta';

/**
 * Presentational and layout attributes, two thirds of a Word page's bytes and most of what its
 * tags hold after that (`<td valign=top>`, `<p align=center>`): nothing here reads them. Space
 * spelt out: `\s` would take byte A0, which is half of many a CJK character read as Latin-1.
 * Lower case only, as Word and WPS write them: a case-blind match costs twice the time, and an
 * upper-case attribute left in is only read past by the parser.
 */
const PRESENTATION = /(?:[\t\n\v\f\r ](?:style|class|lang|align|valign|width|height|border|cellspacing|cellpadding)=(?:'[^']*'|"[^"]*"|[^\t\n\v\f\r >"']*))+/g;
/**
 * Inline formatting tags with no quoted attribute left (Word and WPS wrap every run of text in
 * `<span>`, half a page's tags): nothing here reads them and they break no text. A tag keeping a
 * quoted attribute is left to the parser, which knows where the quotes end.
 */
const INLINE = /(?:<\/?(?:span|font|o:p|b|strong|i|em|u)(?:[\t\n\v\f\r ][^<>"']*)?>)+/g;

/**
 * Line breaks and indentation at a table's structure (`</td>\n  <td>`, `<td>\n  <p>`): a cell's text begins or
 * ends there, or none runs, and the reader folds the spaces at a cell's ends, so they only cost the parser a text
 * event each, a third of a Word page's events. Spaces between two paragraphs or lines of one cell stay: they are
 * all that parts `12` from `3` in the cell's text.
 */
const TABLE_TAG = '<\\/?(?:td|th|tr|table|tbody|thead|tfoot)';
const INDENT_AFTER = new RegExp(`(${TABLE_TAG}(?:[\\t\\n\\v\\f\\r ][^<>]*)?>)[\\t\\v\\f\\r ]*\\n[\\t\\n\\v\\f\\r ]*`, 'g');
const INDENT_BEFORE = new RegExp(`\\n[\\t\\n\\v\\f\\r ]*(?=${TABLE_TAG}[\\t\\n\\v\\f\\r >/])`, 'g');

/**
 * An HTML page's bytes without the markup nothing reads, before anything decodes them: the
 * decoder, the damage scan and the parser then handle a third of a Word page. Done on the bytes
 * read as Latin-1, which is safe in every encoding a page here comes in: UTF-8, GBK and Big5 never
 * use a byte under 0x40 inside a character, so every space, quote, `<` and `>` matched is real
 * markup. UTF-16 (by its BOM) is left as it is.
 */
export function slimHtml(bytes: Uint8Array): Uint8Array {
  if (readBom(bytes)?.encoding.startsWith('utf-16')) return bytes;
  const page = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  const slim = page.replace(PRESENTATION, '').replace(INLINE, '').replace(INDENT_AFTER, '$1').replace(INDENT_BEFORE, '');
  return slim.length === page.length ? bytes : Buffer.from(slim, 'latin1');
}
