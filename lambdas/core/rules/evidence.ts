import { labelWithKey } from '../form';
import { createHash } from 'node:crypto';
import type { Finding, Report } from '../types';
import type { Issue } from './rule';

const RECORD_FIELDS = ['agency', 'year', 'format', 'publishedAt'] as const;

/**
 * The evidence text of a finding: each key with its value and where it was printed
 * under its label (`表三 · 予以公开 · 总计 (t3.granted.total)=29 @ table[2] row 4 col 10 "29"`), derived sums
 * marked, then the sentences.
 */
export function renderEvidence(report: Report, issue: Issue): string {
  const parts = issue.keys.map((key) => describeKey(report, key));
  if (issue.detail) parts.push(issue.detail);
  for (const s of issue.sentences ?? []) parts.push(`「${s}」`);
  return parts.filter(Boolean).join('; ');
}

function describeKey(report: Report, key: string): string {
  const named = labelWithKey(key);
  if (key in report.values) {
    const ev = report.evidence[key];
    return ev ? `${named}=${report.values[key]} @ ${ev.locator} "${ev.raw}"` : `${named}=${report.values[key]}`;
  }
  if (key in report.derived) return `${named}=${report.derived[key]} (derived)`;
  const field = RECORD_FIELDS.find((f) => f === key);
  if (field) return `${named}=${report[field] ?? 'null'}`;
  if (/^t[234]\.[a-zA-Z.]+$/.test(key)) return `${named}=(blank)`;
  return named;
}

/** Same rule, same report, same keys → same id, so a re-parse does not make new findings. */
export function fingerprint(reportId: string, issue: Pick<Issue, 'rule' | 'keys'>, extra = ''): string {
  const keys = [...issue.keys].sort().join(',');
  return createHash('sha256').update(`${issue.rule}|${reportId}|${keys}${extra}`).digest('hex').slice(0, 16);
}

/**
 * Gives every finding of a report its id (parse findings and rejections too), so reviews and the API
 * never compute one. Two findings of one rule on the same keys are told apart by their evidence.
 */
export function withIds(reportId: string, findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.map((f) => {
    let id = f.id ?? fingerprint(reportId, f);
    if (seen.has(id)) id = fingerprint(reportId, f, `|${f.evidence}|${f.message}`);
    seen.add(id);
    return { ...f, id };
  });
}
