import type { Agency } from './types';

/**
 * The publication deadline of an agency's report for a reporting year: 31 January for departments
 * (条例第四十九条), 31 March for governments (条例第五十条), or the registry's override.
 */
export function deadlineFor(agency: Agency, year: number): string {
  const next = year + 1;
  if (agency.deadline) return agency.deadline.length === 5 ? `${next}-${agency.deadline}` : agency.deadline;
  return agency.kind === 'department' ? `${next}-01-31` : `${next}-03-31`;
}
