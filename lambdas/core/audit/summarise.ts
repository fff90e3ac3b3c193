import type { Report } from '../types';
import { contentHash } from './fingerprint';
import { figure } from './figures';
import type { AgencyMatcher } from './names';
import { minHash } from './similarity';
import type { ReportSummary } from './types';

/** The parts of a record the audit reads; the store may load just these. */
export type AuditRecord = Pick<Report, 'id' | 'status' | 'agency' | 'year' | 'format' | 'publishedAt' | 'values' | 'derived' | 'sections'>;

const NARRATIVE_SECTIONS = new Set([1, 5, 6]);
/** Shorter narratives are boilerplate-sized: equal by chance, not by copying. */
const MIN_NARRATIVE = 80;
/** Tables with fewer non-zero cells (a department with no applications) are alike by nature. */
const MIN_NONZERO_CELLS = 5;

/**
 * Reduces a parsed record to what the audit compares (see ReportSummary). Records that were not
 * parsed, or have no reporting year, are not audited and give null.
 */
export function summarise(record: AuditRecord, matcher: AgencyMatcher, keys: readonly string[]): ReportSummary | null {
  if (record.status !== 'parsed' || record.year === null) return null;
  const match = matcher.match(record.agency);
  const figures: Record<string, number> = {};
  for (const key of keys) {
    const v = figure(record.values, record.derived, key);
    if (v !== undefined) figures[key] = v;
  }
  const ownNames = [record.agency, match.agency?.name, ...(match.agency?.aliases ?? [])];
  const narrative = normaliseNarrative(
    record,
    ownNames.filter((n): n is string => !!n),
  );
  const long = narrative.length >= MIN_NARRATIVE;
  return {
    id: record.id,
    year: record.year,
    agencyText: record.agency,
    agency: match.agency,
    format: record.format,
    publishedAt: record.publishedAt,
    figures,
    tableHash: tableHash(record.values),
    narrativeHash: long ? contentHash(narrative) : null,
    narrativeSignature: long ? minHash(narrative) : null,
  };
}

/**
 * The narrative sections with the agency's own names, digits, spaces and punctuation removed: what
 * stays is the wording, which a copied report keeps while its name, year and figures change.
 */
function normaliseNarrative(record: AuditRecord, ownNames: string[]): string {
  let text = record.sections
    .filter((s) => NARRATIVE_SECTIONS.has(s.n))
    .map((s) => s.text)
    .join('');
  for (const name of [...ownNames].sort((a, b) => b.length - a.length)) text = text.split(name).join('');
  return text.normalize('NFKC').replace(/[\s\d\p{P}\p{S}]/gu, '');
}

function tableHash(values: Record<string, number>): string | null {
  const entries = Object.entries(values).sort(([a], [b]) => (a < b ? -1 : 1));
  if (entries.filter(([, v]) => v !== 0).length < MIN_NONZERO_CELLS) return null;
  return contentHash(entries.map(([k, v]) => `${k}=${v}`).join(';'));
}
