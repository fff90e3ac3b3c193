import type { Report } from '../types';
import { contentHash } from './fingerprint';
import { figure } from './figures';
import { agencyKey, type AgencyMatcher } from './names';
import { AUDIT_KEYS } from './rules/inputs';
import { minHash } from './similarity';
import type { ReportSummary, StoredSummary } from './types';

/** The parts of a record the audit reads. */
export type AuditRecord = Pick<Report, 'id' | 'status' | 'agency' | 'year' | 'format' | 'publishedAt' | 'values' | 'derived' | 'sections'>;

/** The report item's own fields a summary is completed with at audit time. */
export type SummaryFields = Pick<ReportSummary, 'id' | 'year' | 'agencyText' | 'format' | 'publishedAt'>;

/**
 * Raised when a summary reads records differently (other keys, normalisation, hashes): summaries
 * stored under an older version are stale until their report is stored again (`ogi reprocess`).
 */
export const SUMMARY_VERSION = 1;

const NARRATIVE_SECTIONS = new Set([1, 5, 6]);
/** Shorter narratives are boilerplate-sized: equal by chance, not by copying. */
const MIN_NARRATIVE = 80;
/** Tables with fewer non-zero cells (a department with no applications) are alike by nature. */
const MIN_NONZERO_CELLS = 5;

/**
 * What the audit reads of a record, computed when the report is stored and kept on its index item:
 * the figures the rules read (`keys`, default every rule's), hashes of the tables and the
 * narrative, and the narrative's MinHash. A function of the record alone, never of the registry,
 * so a registry upload leaves every stored summary valid. Records that were not parsed, or have no
 * reporting year, are not audited and give null.
 */
export function summaryOf(record: AuditRecord, keys: readonly string[] = AUDIT_KEYS): StoredSummary | null {
  if (record.status !== 'parsed' || record.year === null) return null;
  const figures: Record<string, number> = {};
  for (const key of keys) {
    const v = figure(record.values, record.derived, key);
    if (v !== undefined) figures[key] = v;
  }
  const narrative = normaliseNarrative(record);
  const long = narrative.length >= MIN_NARRATIVE;
  return {
    version: SUMMARY_VERSION,
    figures,
    tableHash: tableHash(record.values),
    narrativeHash: long ? contentHash(narrative) : null,
    narrativeSignature: long ? minHash(narrative) : null,
  };
}

/** A stored summary with its report's fields and the registered agency the printed name matches: what the rules read. */
export function withAgency(f: SummaryFields, s: StoredSummary, matcher: AgencyMatcher): ReportSummary {
  // Field by field, not spread: two million of these share one shape in the reduce.
  return {
    id: f.id,
    year: f.year,
    agencyText: f.agencyText,
    agency: matcher.match(f.agencyText).agency,
    format: f.format,
    publishedAt: f.publishedAt,
    figures: s.figures,
    tableHash: s.tableHash,
    narrativeHash: s.narrativeHash,
    narrativeSignature: s.narrativeSignature,
  };
}

/** A record summarised and matched in one step (offline: `ogi check`, eval, the rules' tests). */
export function summarise(record: AuditRecord, matcher: AgencyMatcher, keys: readonly string[] = AUDIT_KEYS): ReportSummary | null {
  const stored = summaryOf(record, keys);
  if (!stored) return null;
  const fields = { id: record.id, year: record.year!, agencyText: record.agency, format: record.format, publishedAt: record.publishedAt };
  return withAgency(fields, stored, matcher);
}

/**
 * The narrative sections without the agency's own name (as printed, and without its leading
 * divisions: 淮安市洪泽区人民政府 and 洪泽区人民政府), digits, spaces and punctuation: what stays is the
 * wording, which a copied report keeps while its name, year and figures change.
 */
function normaliseNarrative(record: AuditRecord): string {
  let text = record.sections
    .filter((s) => NARRATIVE_SECTIONS.has(s.n))
    .map((s) => s.text)
    .join('');
  const names = record.agency ? [record.agency, agencyKey(record.agency)] : [];
  for (const name of [...new Set(names)].sort((a, b) => b.length - a.length)) text = text.split(name).join('');
  return text.normalize('NFKC').replace(/[\s\d\p{P}\p{S}]/gu, '');
}

function tableHash(values: Record<string, number>): string | null {
  const entries = Object.entries(values).sort(([a], [b]) => (a < b ? -1 : 1));
  if (entries.filter(([, v]) => v !== 0).length < MIN_NONZERO_CELLS) return null;
  return contentHash(entries.map(([k, v]) => `${k}=${v}`).join(';'));
}
