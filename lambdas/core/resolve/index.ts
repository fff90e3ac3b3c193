import { AgencyMatcher, matchingName } from '../audit/names';
import type { Report } from '../types';
import { resolveReport } from './apply';

export { resolveReport, rebuild } from './apply';
export { decideByNeighbours, ownValues, type Decision } from './decide';
export { pendingValues } from './pending';
export { withReviews, type ValueReview } from './reviews';
export { neighboursOf, redecideYear, type ReportsByYear } from './neighbourhood';

/**
 * A set of reports as its own store: each report's open cells decided by the reports of the same
 * agency (matched as the audit matches names, with the registry's aliases when one is given) for
 * the year before and after. Order-free.
 */
export function resolveSet(reports: Report[], registry = new AgencyMatcher([])): Report[] {
  const byAgency = new Map<string, Report[]>();
  for (const r of reports) {
    if (r.status !== 'parsed' || !r.agency || r.year === null) continue;
    const k = matchingName(r.agency, registry);
    byAgency.set(k, [...(byAgency.get(k) ?? []), r]);
  }
  return reports.map((r) => {
    if (r.status !== 'parsed' || !r.agency || r.year === null) return r;
    const same = byAgency.get(matchingName(r.agency, registry))!;
    return resolveReport(
      r,
      same.filter((n) => n !== r && Math.abs(n.year! - r.year!) === 1),
    );
  });
}
