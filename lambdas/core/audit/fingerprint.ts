import { createHash } from 'node:crypto';

/** Stable finding id: the same rule over the same reports and keys gives the same id on every run. */
export function fingerprint(rule: string, year: number, subject: string, reports: string[], keys: string[]): string {
  const h = createHash('sha256')
    .update([rule, year, subject, [...reports].sort().join(','), [...keys].sort().join(',')].join('|'))
    .digest('hex');
  return `${rule}:${h.slice(0, 16)}`;
}

/** Short content hash for equality tests between reports. */
export function contentHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 32);
}
