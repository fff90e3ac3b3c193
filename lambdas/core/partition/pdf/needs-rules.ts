import { holdsTableRow } from './grids';
import { isNumeric, pageLines, pageTokens, type Line, type PageText } from './layout';

/**
 * Whether a page's rules are worth pdf.js's operator list (about a third of its text's cost again): only where the
 * page prints figures outside prose, i.e. where the text positions see a table row (a figure set apart on its
 * line). A page whose figures all stand in sentences (a year, a count in a paragraph) holds no table to read.
 * Pages holding a table always get their rules, even when the text positions could read it: its cells then
 * carry their boxes into evidence, and a table broken over pages is read one way on both sides of the break.
 * `lines`: the page's lines when the caller reads them anyway.
 */
export function needsRules(p: PageText, lines?: () => Line[]): boolean {
  if (p.items.filter((i) => isNumeric(i.str.replace(/\s+/g, ''))).length < 2) return false;
  return holdsTableRow(lines ? lines() : pageLines(pageTokens(p), p.height), p.width);
}
