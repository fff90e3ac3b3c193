import type { Locator } from '../types';

/** `page 3 table[1] row 4 col 2`, or `offset 1234` for scraped text. */
export function locatorText(loc: Locator): string {
  const parts: string[] = [];
  if (loc.page) parts.push(`page ${loc.page}`);
  if (loc.table !== undefined) parts.push(`table[${loc.table}] row ${loc.row ?? '?'} col ${loc.col ?? '?'}`);
  else if (loc.offset !== undefined) parts.push(`offset ${loc.offset}`);
  return parts.join(' ') || 'unknown';
}
