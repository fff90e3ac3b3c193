import { checkReport } from '../rules';
import { withIds } from '../rules/evidence';
import { ambiguityFinding } from '../tables/undecided';
import type { Report } from '../types';
import { computeDerived } from '../values/derived';
import { decideByNeighbours, type Decision } from './decide';
import { pendingValues } from './pending';
import { withReviews, type ValueReview } from './reviews';
import { without } from './without';

/**
 * The report with its open cells decided by its neighbouring years (replacing whatever neighbours
 * decided before), its derived figures recomputed, `P-SPLIT-AMBIGUOUS` kept only for rows still
 * open, and the rules re-run; the officers' `reviews` of open rows first, and the rows still open
 * listed as `pending` with their readings. The same inputs always give the same record, whatever was stored.
 */
export function resolveReport(report: Report, neighbours: Report[], reviews: ValueReview[] = []): Report {
  if (report.status !== 'parsed' || !report.undecided?.length) return report;
  const reviewed = withReviews(report, reviews);
  const next = rebuild(reviewed, decideByNeighbours(reviewed, neighbours));
  const pending = pendingValues(next, neighbours);
  if (pending.length) next.pending = pending;
  else delete next.pending;
  return next;
}

/** The parser's findings on rows still open: made again for the rows a decision leaves open (`ambiguityFinding`). */
const OPEN_ROW_RULES = new Set(['P-SPLIT-AMBIGUOUS', 'P-OCR-UNCERTAIN']);

/** The report's own and reviewed values plus `decisions`, with everything computed from values redone. */
export function rebuild(report: Report, decisions: Decision[]): Report {
  const { values, evidence } = without(report, 'neighbour');
  // Own values in the parser's order, decided ones after in key order: the same JSON whatever was stored before.
  for (const d of [...decisions].sort((a, b) => a.key.localeCompare(b.key))) {
    const row = report.undecided!.find((r) => r.keys.includes(d.key))!;
    values[d.key] = d.value;
    evidence[d.key] = { ...row.evidence, raw: `${row.printed} → ${d.text}`, decidedBy: 'neighbour', neighbour: d.neighbour };
  }
  const next: Report = { ...report, values, evidence, derived: computeDerived(values) };
  const parsed = report.findings.filter((f) => f.rule.startsWith('P-') && !OPEN_ROW_RULES.has(f.rule));
  const open = (report.undecided ?? []).flatMap((row) => ambiguityFinding(row, values) ?? []);
  next.findings = withIds(report.id, [...parsed, ...open, ...checkReport(next)]);
  return next;
}
