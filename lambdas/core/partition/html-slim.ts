import { readBom } from '../decode/bom-meta';

/**
 * Presentational and layout attributes, two thirds of a Word page's bytes and most of what its
 * tags hold after that (`<td valign=top>`, `<p align=center>`): nothing here reads them. Space
 * spelt out: `\s` would take byte A0, which is half of many a CJK character read as Latin-1.
 * Lower case only, as Word and WPS write them: a case-blind match costs twice the time, and an
 * upper-case attribute left in is only read past by the parser.
 */
const PRESENTATION = /(?:[\t\n\v\f\r ](?:style|class|lang|align|valign|width|height|border|cellspacing|cellpadding)=(?:'[^']*'|"[^"]*"|[^\t\n\v\f\r >]*))+/g;
/**
 * Inline formatting tags with no quoted attribute left (Word and WPS wrap every run of text in
 * `<span>`, half a page's tags): nothing here reads them and they break no text. A tag keeping a
 * quoted attribute is left to the parser, which knows where the quotes end.
 */
const INLINE = /(?:<\/?(?:span|font|o:p|b|strong|i|em|u)(?:[\t\n\v\f\r ][^<>"']*)?>)+/g;

/**
 * Line breaks and indentation before a block or cell tag (`</td>\n  <td>`): the reader ends the
 * line or the cell there anyway, and folds the spaces around it, so they only cost the parser a
 * text event each, a third of a Word page's events.
 */
const INDENT = /\n[\t\n\v\f\r ]*(?=<\/?(?:p|div|td|th|tr|table|tbody|br)[\t\n\v\f\r >/])/g;

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
  const slim = page.replace(PRESENTATION, '').replace(INLINE, '').replace(INDENT, '');
  return slim.length === page.length ? bytes : Buffer.from(slim, 'latin1');
}
