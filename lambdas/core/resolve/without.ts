import type { Evidence, Report } from '../types';

/** The report's values and evidence without those decided by `by` (a neighbour or an officer), in the parser's order. */
export function without(report: Report, by: NonNullable<Evidence['decidedBy']>): { values: Record<string, number>; evidence: Record<string, Evidence> } {
  const values: Record<string, number> = {};
  const evidence: Record<string, Evidence> = {};
  for (const [k, v] of Object.entries(report.values)) {
    if (report.evidence[k]?.decidedBy === by) continue;
    values[k] = v;
    evidence[k] = report.evidence[k];
  }
  return { values, evidence };
}
