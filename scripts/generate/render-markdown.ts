/**
 * A report as a document converter (Word or PDF to Markdown, OCR) writes it: a `#` title with
 * the words spaced apart, `##` headings, bold run-in leads, the date line in bold, and every table
 * as a Markdown table whose first row is the header, with its `|---|` rule and `<br>` where a
 * header label wraps. Spanned positions stay as empty cells, as converters keep them.
 */
import { buildDocument, type Block, type CellModel, type DocumentOptions } from './document';
import { cellText, expand } from './render-text-pipes';
import type { ReportSpec } from './values';

export function renderMarkdown(spec: ReportSpec, options: DocumentOptions = {}): string {
  const doc = buildDocument(spec, options);
  const title = doc.title.replace(/(\d{4})(年度?)/, ' $1 $2 ');
  const lines = [`# ${title}`, '', `**发布日期：**${doc.publishedAt}`, '', ...doc.blocks.flatMap(renderBlock)];
  return `${lines.join('\n')}\n`;
}

function renderBlock(block: Block): string[] {
  if (block.kind === 'heading') return [`## ${block.text}`, ''];
  // A run-in lead (`（一）主动公开方面。`) is set in bold.
  if (block.kind === 'paragraph') return [block.text.replace(/^(（[一二三四五六七八九十]）[^。]{1,12}。)/, '**$1**'), ''];
  const rows = expand(block.rows).map((row) => row.map(markdownCell));
  const rule = `|${rows[0].map(() => '---').join('|')}|`;
  return [...rows.map((row, i) => [`| ${row.join(' | ')} |`, ...(i === 0 ? [rule] : [])]).flat(), ''];
}

const markdownCell = (cell: CellModel | null) => (cell?.lines ? cell.lines.join('<br>') : cellText(cell, {}).replace(/\n/g, '<br>'));
