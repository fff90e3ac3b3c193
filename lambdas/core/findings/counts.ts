import type { Finding, Severity } from '../types';

/**
 * The one definition of what a finding counts as, read by the overview, the lists, the exports,
 * the stored report counts and every CLI table, so no two of them can disagree:
 *
 * - **assessable**: the check could be made (outcome `failed`, or none given). A check the record
 *   lacked the data for (`not-assessable`) is counted apart, never under a severity.
 * - **severity**: only an assessable finding's severity counts (error, warning, info).
 * - **open**: an assessable finding no officer has confirmed or dismissed (a review taken back is open again).
 */

/** What counting reads of a finding. */
export type Countable = Pick<Finding, 'severity'> & { outcome?: Finding['outcome'] | null };

/** The decision an officer last took on a finding, as far as counting is concerned. */
export type ReviewState = { status?: string | null } | null | undefined;

/** Worst first: the order lists sort by and the rank the overview colours a cell with. */
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

const RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

/** The worse of two severities. */
export const worse = (a: Severity, b: Severity): Severity => (RANK[b] > RANK[a] ? b : a);

/** Sort key, worst first: error 0, warning 1, info 2. */
export const severityOrder = (s: Severity): number => SEVERITIES.indexOf(s);

export const isAssessable = (f: Pick<Countable, 'outcome'>): boolean => f.outcome !== 'not-assessable';

/** The review states that close a finding. */
export const CLOSING_REVIEWS: readonly string[] = ['confirmed', 'dismissed'];

export const isReviewed = (review: ReviewState): boolean => CLOSING_REVIEWS.includes(review?.status ?? '');

export const isOpen = (f: Pick<Countable, 'outcome'>, review: ReviewState): boolean => isAssessable(f) && !isReviewed(review);

/** A report's findings by severity, assessable ones only, and the checks that could not be made. */
export interface FindingCounts {
  error: number;
  warning: number;
  info: number;
  notAssessable: number;
}

export const noFindings = (): FindingCounts => ({ error: 0, warning: 0, info: 0, notAssessable: 0 });

export function countFindings(findings: readonly Countable[]): FindingCounts {
  const counts = noFindings();
  for (const f of findings) {
    if (isAssessable(f)) counts[f.severity]++;
    else counts.notAssessable++;
  }
  return counts;
}

/** Counts stored before not-assessable checks were counted apart had them under `info`; they read as they were stored. */
export const countsOf = (stored: Partial<FindingCounts> | undefined): FindingCounts => ({ ...noFindings(), ...stored });
