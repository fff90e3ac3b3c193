import { withInferredAgencies } from './infer-agency';
import { AgencyMatcher } from './names';
import { DEFAULT_AUDIT_OPTIONS } from './options';
import { makeFinding, type AuditContext, type AuditRule } from './rule';
import { AUDIT_RULES } from './rules';
import type { AuditCounts, AuditFinding, AuditInput, AuditResult, ReportSummary } from './types';

/**
 * Audits reporting year `year` across agencies: runs every registered rule over the year's reports
 * and last year's, and returns the findings with counts. Agencies the registry does not name are audited
 * too, under an agency inferred from their name. Pure: the handler loads and stores. The reports
 * are taken in id order, so the findings do not depend on the order they were read in (the map's
 * children finish in any order).
 */
export function auditYear(input: AuditInput, rules: readonly AuditRule[] = AUDIT_RULES): AuditResult {
  const options = { ...DEFAULT_AUDIT_OPTIONS, ...input.options };
  const both = withInferredAgencies(
    input.reports.filter((r) => r.year === input.year || r.year === input.year - 1).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
    new AgencyMatcher(input.registry),
  );
  const reports = both.filter((r) => r.year === input.year);
  const ctx: AuditContext = {
    year: input.year,
    today: input.today,
    options,
    registry: input.registry,
    reports,
    current: byAgency(reports),
    previous: byAgency(both.filter((r) => r.year === input.year - 1)),
  };
  const findings = rules.flatMap((rule) => runRule(rule, ctx));
  return { year: input.year, today: input.today, findings, counts: countFindings(input.registry.length, reports.length, findings) };
}

/** A rule that throws gives a failed finding of its own; the other rules still run. */
function runRule(rule: AuditRule, ctx: AuditContext) {
  try {
    return rule.check(ctx);
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    return [
      makeFinding(rule, ctx.year, {
        suffix: 'internal',
        severity: 'warning',
        agency: null,
        reports: [],
        keys: [],
        message: `规则${rule.id}运行出错，未能核查：${why}`,
        messageEn: `Rule ${rule.id} failed internally and could not audit: ${why}`,
        evidence: why,
      }),
    ];
  }
}

/** One report per agency (registered or inferred); of duplicates (a corrected re-publication) the latest wins. */
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
