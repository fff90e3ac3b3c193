import type { Report } from '../types';
import { without } from './without';

/** An officer's decision on one open row, kept while the row is printed the same way. */
export interface ValueReview {
  /** The row's first key. */
  row: string;
  /** The row as printed when it was reviewed: a re-parse of other text does not inherit the review. */
  printed: string;
  /** One number per key of the row (null: the cell is blank). */
  values: (number | null)[];
  by: string;
  at: string;
  note: string;
  /** The officer took the decision back: the row is open again (the trail keeps both). */
  reverted?: boolean;
}

/**
 * The report with officers' decisions as its values (`decidedBy: "review"`), replacing earlier
 * ones; a review applies only to a row printed exactly as reviewed, and never to a cell the
 * report decided itself.
 */
export function withReviews(report: Report, reviews: ValueReview[]): Report {
  const { values, evidence } = without(report, 'review');
  for (const review of reviews) {
    if (review.reverted) continue;
    const row = report.undecided?.find((r) => r.keys[0] === review.row && r.printed === review.printed);
    if (!row) continue;
    row.keys.forEach((key, i) => {
      const n = review.values[i];
      if (n === null || n === undefined || (values[key] !== undefined && !evidence[key]?.decidedBy)) return;
      values[key] = n;
      evidence[key] = { ...row.evidence, raw: `${row.printed} → ${n}`, decidedBy: 'review', review: { by: review.by, at: review.at, note: review.note } };
    });
  }
  return { ...report, values, evidence };
}
