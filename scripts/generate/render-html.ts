/**
 * A report as the HTML page Word's "Save as web page" produces: MsoNormal paragraphs, `mso-` styles,
 * a cell's text split over several spans, `<o:p></o:p>` and `&nbsp;` cells, real rowspan/colspan.
 */
import { buildDocument, type Block, type CellModel, type DocumentOptions } from './document';
import { Random } from './random';
import type { ReportSpec } from './values';

export type HtmlOptions = DocumentOptions;

export function renderHtml(spec: ReportSpec, options: HtmlOptions = {}): string {
  const doc = buildDocument(spec, options);
  // Word splits runs wherever the editing history did; a seeded choice imitates that.
  const rnd = new Random(spec.seed ^ 0x40d);
  const body = doc.blocks.map((block) => renderBlock(block, rnd)).join('\n');
  return `<html xmlns:v="urn:schemas-microsoft-com:vml"
xmlns:o="urn:schemas-microsoft-com:office:office"
xmlns:w="urn:schemas-microsoft-com:office:word"
xmlns="http://www.w3.org/TR/REC-html40">
<head>
<meta http-equiv=Content-Type content="text/html; charset=utf-8">
<meta name=ProgId content=Word.Document>
<meta name=Generator content="Microsoft Word 15">
<title>${escape(doc.title)}</title>
<!--[if gte mso 9]><xml>
 <o:DocumentProperties>
  <o:Author>${escape(doc.agency)}</o:Author>
 </o:DocumentProperties>
</xml><![endif]-->
<style>
<!--
p.MsoNormal, li.MsoNormal, div.MsoNormal
	{mso-style-parent:"";margin:0cm;text-align:justify;text-justify:inter-ideograph;
	font-size:10.5pt;font-family:"Times New Roman",serif;mso-fareast-font-family:宋体;}
div.WordSection1 {page:WordSection1;}
-->
</style>
</head>
<body lang=ZH-CN style='tab-interval:21.0pt;text-justify-trim:punctuation'>
<div class=WordSection1 style='layout-grid:15.6pt'>
<p class=MsoNormal align=center style='text-align:center;line-height:28.0pt'><b><span style='font-size:22.0pt;font-family:方正小标宋简体;mso-hansi-font-family:"Times New Roman"'>${escape(doc.title)}</span></b><b><span lang=EN-US style='font-size:22.0pt'><o:p></o:p></span></b></p>
<p class=MsoNormal align=right style='text-align:right'><span style='font-family:宋体;mso-ascii-font-family:"Times New Roman"'>发布日期：</span><span lang=EN-US>${doc.publishedAt}</span><span lang=EN-US><o:p></o:p></span></p>
${body}
</div>
</body>
</html>
`;
}

function renderBlock(block: Block, rnd: Random): string {
  switch (block.kind) {
    case 'heading':
      return `<p class=MsoNormal style='text-indent:32.0pt;mso-char-indent-count:2.0;line-height:28.0pt'><b><span style='font-size:16.0pt;font-family:黑体;mso-hansi-font-family:"Times New Roman"'>${runs(block.text, rnd)}</span></b><b><span lang=EN-US style='font-size:16.0pt'><o:p></o:p></span></b></p>`;
    case 'paragraph':
      return `<p class=MsoNormal style='text-indent:32.0pt;mso-char-indent-count:2.0;line-height:28.0pt'>${runs(block.text, rnd)}<span lang=EN-US style='font-size:16.0pt'><o:p></o:p></span></p>`;
    case 'table':
      return renderTable(block.rows, rnd);
  }
}

function renderTable(rows: CellModel[][], rnd: Random): string {
  const trs = rows.map((cells, i) => ` <tr style='mso-yfti-irow:${i};height:21.0pt'>\n${cells.map((cell) => renderCell(cell, rnd)).join('\n')}\n </tr>`);
  return `<div align=center>
<table class=MsoNormalTable border=0 cellspacing=0 cellpadding=0 style='border-collapse:collapse;border:none;mso-border-alt:solid windowtext .5pt;mso-yfti-tbllook:1184;mso-padding-alt:0cm 5.4pt 0cm 5.4pt'>
${trs.join('\n')}
</table>
</div>
<p class=MsoNormal><span lang=EN-US><o:p>&nbsp;</o:p></span></p>`;
}

function renderCell(cell: CellModel, rnd: Random): string {
  const spans = `${cell.rowspan ? ` rowspan=${cell.rowspan}` : ''}${cell.colspan ? ` colspan=${cell.colspan}` : ''}`;
  // Word indents numbered sub-items with non-breaking spaces rather than a paragraph indent.
  const indent = cell.rowLabel && /^\d\./.test(cell.text) ? `<span lang=EN-US style='mso-spacerun:yes'>&nbsp;&nbsp;</span>` : '';
  const content =
    cell.text === ''
      ? `<span lang=EN-US style='font-size:10.5pt'><o:p>&nbsp;</o:p></span>`
      : `${indent}${(cell.lines ?? [cell.text]).map((line) => runs(line, rnd, '10.5pt')).join('')}<span lang=EN-US style='font-size:10.5pt'><o:p></o:p></span>`;
  const align = cell.head && cell.text.length > 8 ? 'left' : 'center';
  return `  <td${spans} valign=center style='border:solid windowtext 1.0pt;mso-border-alt:solid windowtext .5pt;padding:0cm 5.4pt 0cm 5.4pt;height:21.0pt'>
  <p class=MsoNormal align=${align} style='text-align:${align}'>${content}</p></td>`;
}

/**
 * Text as Word's runs: digits and Latin in EN-US spans, Chinese in 仿宋 spans, and now and then a
 * run cut in two where Word kept an old edit boundary.
 */
function runs(text: string, rnd: Random, size = '16.0pt'): string {
  const pieces = text.match(/[0-9A-Za-z.\-/%]+|[^0-9A-Za-z.\-/%]+/g) ?? [];
  return pieces
    .flatMap((piece) => {
      const cut = piece.length > 3 && rnd.chance(0.3) ? rnd.int(1, piece.length - 1) : piece.length;
      return [piece.slice(0, cut), piece.slice(cut)].filter((p) => p !== '');
    })
    .map((piece) =>
      /^[0-9A-Za-z.\-/%]/.test(piece)
        ? `<span lang=EN-US style='font-size:${size};mso-fareast-font-family:仿宋_GB2312'>${escape(piece)}</span>`
        : `<span style='font-size:${size};font-family:仿宋_GB2312;mso-hansi-font-family:"Times New Roman"'>${escape(piece)}</span>`,
    )
    .join('');
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
