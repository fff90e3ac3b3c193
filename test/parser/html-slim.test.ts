import iconv from 'iconv-lite';
import { decode } from '../../lambdas/core/decode';
import { partitionHtml } from '../../lambdas/core/partition/html';
import { readText } from '../../lambdas/core/partition/read-text';
import { slimHtml } from '../../lambdas/core/partition/html-slim';
import { baseSamples } from '../../scripts/generate/catalog';
import { encodeLegacy } from '../../scripts/generate/garble';

const slim = (html: string) => Buffer.from(slimHtml(Buffer.from(html))).toString('utf8');

describe('the markup dropped before decoding', () => {
  it('drops presentational attributes and bare inline tags, keeps spans, the head and what the reader reads', () => {
    expect(slim(`<p class=MsoNormal style='text-align:center'><span lang=EN-US>12</span><o:p></o:p></p>`)).toBe('<p>12</p>');
    expect(slim('<td rowspan="2" colspan=3 style="width:1pt"><b>合计</b></td>')).toBe('<td rowspan="2" colspan=3>合计</td>');
    expect(slim('<table border=1 cellspacing=0 cellpadding=0 width=600><td valign=top height=20 rowspan=2><p align=center>1</p>')).toBe(
      '<table><td rowspan=2><p>1</p>',
    );
    expect(slim('<meta name="PubDate" content="2025-01-20"><title>报告</title>')).toBe('<meta name="PubDate" content="2025-01-20"><title>报告</title>');
    // Indentation before a block or cell tag goes; a line break before inline markup or text is a space the reader keeps.
    expect(slim('<tr>\n  <td>1</td>\n  <td>2</td>\n</tr>\n<p>12\n<a>3</a>\n4</p>')).toBe('<tr><td>1</td><td>2</td></tr><p>12\n<a>3</a>\n4</p>');
    // An attribute-like word inside a quoted value never takes the closing quote with it (a portal's viewport meta).
    expect(slim('<meta name="viewport" content="width=device-width, height=device-height"><p>1</p>')).toBe(
      '<meta name="viewport" content="width=device-width,"><p>1</p>',
    );
    // A tag with a quoted attribute is the parser's: a `>` inside the quotes is no end of the tag.
    expect(slim('<span title="a>b">x</span>')).toBe('<span title="a>b">x');
    expect(slim('<spanx>y</spanx><br><body>')).toBe('<spanx>y</spanx><br><body>');
  });

  it('never takes a byte of a character for a space (蠠 is E8 A0 A0 in UTF-8, A0 a space in Latin-1)', () => {
    expect(slim('<p>蠠class=1 件</p>')).toBe('<p>蠠class=1 件</p>');
  });

  it('leaves GBK characters whole: no trail byte is a space, quote or angle bracket', () => {
    const page = '<p style="x">申请<span>１２</span>件，“公开”</p>';
    const out = slimHtml(iconv.encode(page, 'gbk'));
    expect(iconv.decode(Buffer.from(out), 'gbk')).toBe('<p>申请１２件，“公开”</p>');
  });

  it('leaves UTF-16 as it is', () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<p style="x">1</p>', 'utf16le')]);
    expect(slimHtml(bytes)).toBe(bytes);
  });

  it('keeps the break between two paragraphs or lines of one cell, which the reader only has as a space', () => {
    const page = Buffer.from('<table>\n <tr>\n  <td>\n   <p>12</p>\n   <p>3</p>\n  </td>\n  <td>4\n<br>5</td>\n </tr>\n</table>');
    const slimmed = readText(page, 'html').doc;
    const plain = partitionHtml(decode(page, 'html'));
    expect(slimmed.grids[0].rows[0].map((c) => c.text)).toEqual(['12 3', '4 5']);
    expect(slimmed.grids).toEqual(plain.grids);
    expect(slimmed.text).toBe(plain.text);
  });

  it('reads every HTML sample, in every encoding, to the same text, grids and offsets as the page unslimmed', () => {
    const pages = baseSamples().filter((s) => s.ext === 'html');
    expect(pages.length).toBeGreaterThan(0);
    for (const s of pages) {
      const html = s.content as string;
      for (const bytes of [Buffer.from(html), encodeLegacy(html, 'html', 'gbk', 'declared')]) {
        const slimmed = readText(bytes, 'html');
        // The same page decoded and walked whole.
        const plain = partitionHtml(decode(bytes, 'html'));
        expect(slimmed.decoded.encoding).toBe(decode(bytes, 'html').encoding);
        expect(slimmed.doc.text).toBe(plain.text);
        expect(slimmed.doc.grids).toEqual(plain.grids);
        expect(slimmed.doc.title).toBe(plain.title);
      }
    }
  });
});
