import type { Report } from '../types';
import { resolveReport } from './apply';
import type { ValueReview } from './reviews';

/** One agency's current parsed reports by reporting year (names matched as the audit matches them). */
export type ReportsByYear = ReadonlyMap<number, readonly Report[]>;

/** The reports of the years either side of `year`: what its reports are decided against. */
export const neighboursOf = (year: number, reports: ReportsByYear): Report[] => [...(reports.get(year - 1) ?? []), ...(reports.get(year + 1) ?? [])];

/**
 * The reports of `year` decided anew from the officers' reviews of that year and the years either
 * side, only those whose record changes. Each resolution reads only what every report decided itself,
 * so the order in which the years arrived, and a repeated call, give the same records.
 */
export function redecideYear(year: number, reports: ReportsByYear, reviews: ReadonlyMap<number, readonly ValueReview[]>): Report[] {
  const neighbours = neighboursOf(year, reports);
  return (reports.get(year) ?? []).flatMap((record) => {
    const next = resolveReport(record, neighbours, [...(reviews.get(year) ?? [])]);
    // As stored: JSON drops the undefined fields a fresh rule run carries.
    return JSON.stringify(next) === JSON.stringify(record) ? [] : [next];
  });
}
