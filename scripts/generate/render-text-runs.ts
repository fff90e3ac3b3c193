/**
 * A report as a portal crawler exports it: a header block (`标题:`, `发布时间:` …), then the whole
 * body on one line with the table cells run together and no separator (`行政规范性文件6233440`).
 */
import { buildDocument, type Block, type DocumentOptions } from './document';
import { Random } from './random';
import type { ReportSpec } from './values';

export type RunsOptions = DocumentOptions;

export function renderTextRuns(spec: ReportSpec, options: RunsOptions = {}): string {
  const doc = buildDocument(spec, options);
  const rnd = new Random(spec.seed ^ 0x2a7);
  const time = `${String(rnd.int(8, 17)).padStart(2, '0')}:${String(rnd.int(0, 59)).padStart(2, '0')}`;
  const header = [
    `标题: ${doc.title}`,
    `发布时间: ${doc.publishedAt} ${time}`,
    '文号: ',
    `发布机构: ${doc.agency}`,
    '栏目: 政府信息公开年报',
    '==================== 正文 ====================',
  ];
  const body = doc.blocks.map((block) => renderBlock(block, rnd)).join('');
  return `${header.join('\n')}\n${body}\n`;
}

function renderBlock(block: Block, rnd: Random): string {
  switch (block.kind) {
    case 'heading':
      // The crawler sometimes keeps the space the heading's line break left.
      return rnd.chance(0.4) ? `${block.text} ` : block.text;
    case 'paragraph':
      return block.text;
    case 'table':
      return (
        block.rows
          .flat()
          // Table 3's narrow header cells keep their wrap as a space; the others run on.
          .map((cell) => (cell.lines ? cell.lines.join(block.table === 't3' ? ' ' : '') : cell.text))
          .join('')
      );
  }
}
