import type { Bilingual } from '../rules/rule';
import type { Severity } from '../types';
import { fingerprint } from './fingerprint';
import type { Agency, AuditFinding, AuditOptions, ReportSummary } from './types';

/** What every rule sees: the year's reports and last year's, indexed by registered agency. */
export interface AuditContext {
  year: number;
  today: string;
  options: AuditOptions;
  registry: readonly Agency[];
  /** Every audited report of the year, matched or not. */
  reports: readonly ReportSummary[];
  /** The year's report of each agency, registered or inferred (by name). */
  current: ReadonlyMap<string, ReportSummary>;
  /** Last year's report of each agency, registered or inferred (by name). */
  previous: ReadonlyMap<string, ReportSummary>;
}

/** One cross-report rule: registered in ./rules/index.ts. */
export interface AuditRule {
  /** `X1` … `X7`; findings may add a suffix (`X3-LATE`). */
  id: string;
  /** A short name officers read instead of the id. */
  name: Bilingual;
  /** What the rule checks, in one line. */
  description: Bilingual;
  severity: Severity;
  basis: string;
  /** Figures the rule reads: the summaries keep exactly these. */
  keys: readonly string[];
  check(ctx: AuditContext): AuditFinding[];
}

export interface FindingDraft {
  /** Appended to the rule id: `LATE` → `X3-LATE`. */
  suffix?: string;
  severity?: Severity;
  agency: string | null;
  reports: ReportSummary[];
  keys: string[];
  message: string;
  messageEn: string;
  evidence: string;
}

/** Builds a finding of `rule` with its stable id. */
export function makeFinding(rule: AuditRule, year: number, d: FindingDraft): AuditFinding {
  const id = d.suffix ? `${rule.id}-${d.suffix}` : rule.id;
  const reports = d.reports.map((r) => r.id);
  return {
    id: fingerprint(id, year, d.agency ?? '', reports, d.keys),
    rule: id,
    severity: d.severity ?? rule.severity,
    outcome: 'failed',
    message: d.message,
    messageEn: d.messageEn,
    basis: rule.basis,
    keys: d.keys,
    evidence: d.evidence,
    year,
    agency: d.agency,
    reports,
  };
}

/** `id (year)` for evidence strings. */
export const cite = (r: ReportSummary) => `${r.id} (${r.year})`;
