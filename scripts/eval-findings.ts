/**
 * Findings measured against an expected-findings file (scripts/expected-findings.json, or
 * DIR/expected-findings.json): per document, rule ids that must fire and rule ids that must not.
 * A listed id matches by family (`S5-t4` matches S5-t4, `S5` any S5 check). A check that could not be
 * made (`not-assessable`) does not fire. The cross-report rules run over the folder as the audit runs
 * over a year, with no registry, and their findings count for the report they audit.
 */
import { z } from 'zod';
import { AgencyMatcher, AUDIT_KEYS, auditYear, summarise } from '../lambdas/core/audit';
import { matchesRule } from '../lambdas/core/rules/family';
import type { Report } from '../lambdas/core/types';

const Expected = z.object({
  documents: z.record(
    z.string(),
    z.object({
      fire: z.array(z.string()).default([]),
      quiet: z.array(z.string()).default([]),
      why: z.string().optional(),
    }),
  ),
});
export type ExpectedFindings = z.infer<typeof Expected>;

export const parseExpected = (json: string): ExpectedFindings => Expected.parse(JSON.parse(json));

/** Rule ids that fired per report: its own findings and the audit findings about it. */
export function firedRules(reports: Report[], today: string): Map<string, string[]> {
  const fired = new Map(reports.map((r) => [r.id, r.findings.filter((f) => f.outcome !== 'not-assessable').map((f) => f.rule)]));
  const matcher = new AgencyMatcher([]);
  const summaries = reports.flatMap((r) => summarise(r, matcher, AUDIT_KEYS) ?? []);
  for (const year of new Set(summaries.map((s) => s.year))) {
    for (const f of auditYear({ year, registry: [], reports: summaries, today }).findings) {
      const subject = f.reports[0];
      if (subject && fired.has(subject)) fired.get(subject)!.push(f.rule);
    }
  }
  return fired;
}

export interface DocumentScore {
  id: string;
  hit: string[];
  missed: string[];
  /** Ids that must not fire and did. */
  wrong: string[];
}

export interface FindingsScore {
  documents: DocumentScore[];
  tp: number;
  fp: number;
  fn: number;
  precision: number | null;
  recall: number | null;
}

/** Scores the documents of `fired` the expected file names; the others are not counted. */
export function scoreFindings(expected: ExpectedFindings, fired: Map<string, string[]>): FindingsScore {
  const documents: DocumentScore[] = [];
  for (const [id, want] of Object.entries(expected.documents)) {
    const rules = fired.get(id);
    if (!rules) continue;
    const fires = (listed: string) => rules.some((r) => matchesRule(r, listed));
    documents.push({ id, hit: want.fire.filter(fires), missed: want.fire.filter((r) => !fires(r)), wrong: want.quiet.filter(fires) });
  }
  const tp = documents.reduce((n, d) => n + d.hit.length, 0);
  const fp = documents.reduce((n, d) => n + d.wrong.length, 0);
  const fn = documents.reduce((n, d) => n + d.missed.length, 0);
  const ratio = (a: number, b: number) => (b === 0 ? null : a / b);
  return { documents, tp, fp, fn, precision: ratio(tp, tp + fp), recall: ratio(tp, tp + fn) };
}

/** The table `npm run eval` prints under the values table. */
export function renderFindingsScore(s: FindingsScore, source: string): string {
  const show = (xs: string[]) => (xs.length ? xs.join(',') : '-');
  const rows = s.documents.map((d) => `${d.id}\t${show(d.hit)}\t${show(d.missed)}\t${show(d.wrong)}`);
  const fmt = (x: number | null) => (x === null ? 'n/a' : x.toFixed(3));
  return [
    `\nfindings against ${source} (${s.documents.length} documents)`,
    'doc\tfired as expected\tmissed\tfired but must not',
    ...rows,
    `FINDINGS precision=${fmt(s.precision)} recall=${fmt(s.recall)} (tp=${s.tp} fp=${s.fp} fn=${s.fn})`,
    '',
  ].join('\n');
}
