import path from 'node:path';

/**
 * Record id of new content: the file name without extension (as the parser names records),
 * made URL-safe for whitespace, plus 12 hex digits of the content hash, so two files called
 * `report.pdf` from different agencies, or a corrected re-upload, never share an id.
 */
export function recordId(key: string, sha256: string): string {
  const stem = path.posix.basename(key).replace(/\.[^.]*$/, '').trim().replace(/[\s/\\#?%]+/g, '-');
  return `${stem || 'report'}-${sha256.slice(0, 12)}`;
}
