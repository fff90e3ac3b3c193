import type { Decoded, DocText } from '../types';
import { readHeaderDate } from '../metadata/published-at';
import { blankMarkup } from './markup';

/**
 * Scraped text: the body as is. Crawler exports start with `标题: …` / `发布时间: …` header lines,
 * which give the title and the publication date. Markdown and OCR markup is blanked first, so it
 * never reaches the metadata or a cell.
 */
export function partitionText(decoded: Decoded): DocText {
  const text = blankMarkup(decoded.text);
  const head = text.slice(0, 2000);
  const title = head.match(/^\s*(?:标题|题目|名称)\s*[:：]\s*(.+)$/m)?.[1]?.trim();
  return {
    kind: 'text',
    text,
    raw: blankMarkup(decoded.raw),
    title,
    grids: [],
    publishedAt: readHeaderDate(head),
  };
}
