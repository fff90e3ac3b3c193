import type { Decoded, DocText } from '../../types';
import { readHeaderDate } from '../../metadata/published-at';
import { blankMarkup } from '../markup';
import { readTables } from './detect';

/**
 * Scraped text: the body as is, and the tables each scraper's drawing convention gives (box-drawn,
 * pipe, space-aligned, one cell per line) as grids, like the HTML and PDF partitioners give them.
 * Crawler exports start with `标题: …` / `发布时间: …` header lines, which give the title and the
 * publication date. Markdown and OCR markup is blanked first, so it never reaches the metadata or a cell.
 */
export function partitionText(decoded: Decoded): DocText {
  const text = blankMarkup(decoded.text);
  const raw = blankMarkup(decoded.raw);
  const head = text.slice(0, 2000);
  const title = head.match(/^\s*(?:标题|题目|名称)\s*[:：]\s*(.+)$/m)?.[1]?.trim();
  const tables = readTables(text, raw);
  return {
    kind: 'text',
    text,
    raw,
    title,
    grids: tables.grids,
    ...(tables.findings.length ? { findings: tables.findings } : {}),
    publishedAt: readHeaderDate(head),
  };
}
