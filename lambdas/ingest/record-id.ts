import { createHash } from 'node:crypto';
import path from 'node:path';

/** Characters of the file name kept whole in an id; a longer name keeps its start plus a hash of the whole. */
const MAX_STEM = 48;

/**
 * Record id of new content: the file name without extension (as the parser names records),
 * made URL-safe for whitespace, plus 12 hex digits of the content hash, so two files called
 * `report.pdf` from different agencies, or a corrected re-upload, never share an id. Bounded: a key
 * may be 1,024 bytes, and the id goes into index keys (DynamoDB allows 1,024 bytes for a sort key),
 * so a long name is cut to MAX_STEM characters plus 8 hex digits of its hash.
 */
export function recordId(key: string, sha256: string): string {
  const stem = path.posix
    .basename(key)
    .replace(/\.[^.]*$/, '')
    .trim()
    .replace(/[\s/\\#?%]+/g, '-');
  const chars = [...stem];
  const bounded = chars.length > MAX_STEM ? `${chars.slice(0, MAX_STEM).join('')}~${createHash('sha256').update(stem).digest('hex').slice(0, 8)}` : stem;
  return `${bounded || 'report'}-${sha256.slice(0, 12)}`;
}
