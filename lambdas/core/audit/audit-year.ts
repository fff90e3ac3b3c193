import { DEFAULT_AUDIT_OPTIONS } from './options';
import type { AuditContext } from './rule';
import { AUDIT_RULES } from './rules';
import type { AuditCounts, AuditFinding, AuditInput, AuditResult, ReportSummary } from './types';

/**
 * Audits reporting year `year` across agencies: runs every registered rule over the year's reports
 * and last year's, and returns the findings with counts. Pure: the handler loads and stores.
 */
export function auditYear(input: AuditInput): AuditResult {
  const options = { ...DEFAULT_AUDIT_OPTIONS, ...input.options };
  const reports = input.reports.filter((r) => r.year === input.year);
  const ctx: AuditContext = {
    year: input.year,
    today: input.today,
    options,
    registry: input.registry,
    reports,
    current: byAgency(reports),
    previous: byAgency(input.reports.filter((r) => r.year === input.year - 1)),
  };
  const findings = AUDIT_RULES.flatMap((rule) => rule.check(ctx));
  return { year: input.year, today: input.today, findings, counts: countFindings(input.registry.length, reports.length, findings) };
}

/** One report per registered agency; of duplicates (a corrected re-publication) the latest wins. */
function byAgency(reports: ReportSummary[]): Map<string, ReportSummary> {
  const out = new Map<string, ReportSummary>();
  for (const r of reports) {
    if (!r.agency) continue;
    const held = out.get(r.agency.name);
    if (!held || later(r, held)) out.set(r.agency.name, r);
  }
  return out;
}

const later = (a: ReportSummary, b: ReportSummary) =>
  (a.publishedAt ?? '') > (b.publishedAt ?? '') || ((a.publishedAt ?? '') === (b.publishedAt ?? '') && a.id > b.id);

export function countFindings(agencies: number, reports: number, findings: AuditFinding[]): AuditCounts {
  const tally = (pick: (f: AuditFinding) => string) => {
    const acc: Record<string, number> = {};
    for (const f of findings) acc[pick(f)] = (acc[pick(f)] ?? 0) + 1;
    return acc;
  };
  return { agencies, reports, findings: findings.length, bySeverity: tally((f) => f.severity), byRule: tally((f) => f.rule) };
}
