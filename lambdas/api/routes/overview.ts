import { isOpen, worse, type FindingCounts } from '../../core/findings/counts';
import type { Severity } from '../../core/types';
import { findingTally } from '../../store';
import { getReviews } from '../../store/reviews';
import { agencyDirectory } from '../directory';
import { familyOf, RULE_INFO } from '../names';
import { route } from '../router';
import { overviewQuery } from '../schemas';
import { fingerprintOf } from '../views';

interface Cell {
  open: number;
  worst: Severity;
}

interface Row {
  cells: Record<string, Cell>;
  open: number;
  bySeverity: Omit<FindingCounts, 'notAssessable'>;
  /** Checks that could not be made: not open, not in any cell, listed with `notAssessable=true`. */
  notAssessable: number;
}

const emptyRow = (): Row => ({ cells: {}, open: 0, bySeverity: { error: 0, warning: 0, info: 0 }, notAssessable: 0 });

/** Errors first, then warnings, then every open finding; a name breaks ties. */
const worstFirst = (a: Row & { agency: string }, b: Row & { agency: string }) =>
  b.bySeverity.error - a.bySeverity.error || b.bySeverity.warning - a.bySeverity.warning || b.open - a.open || a.agency.localeCompare(b.agency, 'zh-CN');

export const overview = route({
  method: 'GET',
  path: '/overview',
  summary: 'Who broke what: agencies × rule families (S1–S14, X1–X7, P) for a year, each cell the open findings and their worst severity',
  description:
    'Open = a check that could be made (not `not-assessable`) and is not yet confirmed or dismissed: the count `GET /findings?review=open` lists ' +
    "(core/findings/counts.ts). P is the parser's own findings (run-together cells with several splits, rows of the wrong shape …). " +
    'Agencies are sorted errors first. Agencies are the registered ones (reports printed under an alias or with a leading ' +
    'division are counted under the registered name, as the audit matches them) and unregistered printed names. ' +
    'Each agency carries its region, kind and level for filtering; `totals` counts open findings per family.',
  query: overviewQuery,
  responses: {
    200: '`{year, families, agencies: [{agency, registered, region, kind, level, cells: {S5: {open, worst}}, open, bySeverity, notAssessable}], totals, open}`',
  },
  async run({ query }) {
    // Every current finding of the year, reports' and the audit's, projected to what the tally reads.
    const [findings, dir] = await Promise.all([findingTally(query.year), agencyDirectory([query.year])]);
    const reviews = await getReviews(findings.map(fingerprintOf));
    const rows = new Map<string, Row>();
    const totals: Record<string, number> = {};
    for (const f of findings) {
      const family = familyOf(f.rule);
      const entry = dir.of(f.agency);
      if (!family || !entry) continue;
      const row = rows.get(entry.name) ?? rows.set(entry.name, emptyRow()).get(entry.name)!;
      if (f.outcome === 'not-assessable') row.notAssessable++;
      if (!isOpen(f, reviews.get(fingerprintOf(f)))) continue;
      const cell = (row.cells[family] ??= { open: 0, worst: f.severity });
      cell.open++;
      cell.worst = worse(cell.worst, f.severity);
      row.open++;
      row.bySeverity[f.severity]++;
      totals[family] = (totals[family] ?? 0) + 1;
    }
    // Read after the findings: an agency named only by an audit finding is in the directory by now.
    const agencies = dir
      .entries()
      .map((entry) => ({
        agency: entry.name,
        registered: entry.registered,
        region: entry.region,
        kind: entry.kind,
        level: entry.level,
        ...(rows.get(entry.name) ?? emptyRow()),
      }))
      .sort(worstFirst);
    return {
      json: {
        year: query.year,
        families: RULE_INFO.map((r) => r.id),
        agencies,
        totals,
        open: agencies.reduce((n, a) => n + a.open, 0),
      },
    };
  },
});
