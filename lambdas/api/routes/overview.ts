import type { Severity } from '../../core/types';
import { findingTally } from '../../store';
import { getReviews } from '../../store/reviews';
import { agencyDirectory } from '../directory';
import { familyOf, RULE_INFO } from '../names';
import { route } from '../router';
import { overviewQuery } from '../schemas';
import { fingerprintOf } from '../views';

const RANK: Record<Severity, number> = { info: 1, warning: 2, error: 3 };

interface Cell {
  open: number;
  worst: Severity;
}

export const overview = route({
  method: 'GET',
  path: '/overview',
  summary: 'Who broke what: agencies × rule families (S1–S14, X1–X7) for a year, each cell the open findings and their worst severity',
  description:
    'Open = not yet confirmed or dismissed. Agencies are the registered ones (reports printed under an alias or with a leading ' +
    'division are counted under the registered name, as the audit matches them) and unregistered printed names. ' +
    'Each agency carries its region, kind and level for filtering; `totals` counts open findings per family.',
  query: overviewQuery,
  responses: { 200: '`{year, families, agencies: [{agency, registered, region, kind, level, cells: {S5: {open, worst}}, open}], totals, open}`' },
  async run({ query }) {
    // Every current finding of the year, reports' and the audit's, projected to what the tally reads.
    const [findings, dir] = await Promise.all([findingTally(query.year), agencyDirectory([query.year])]);
    const reviews = await getReviews(findings.map(fingerprintOf));
    const rows = new Map(dir.entries.map((e) => [e.name, { entry: e, cells: {} as Record<string, Cell>, open: 0 }]));
    const totals: Record<string, number> = {};
    for (const f of findings) {
      const family = familyOf(f.rule);
      const entry = dir.of(f.agency);
      if (!family || !entry || reviews.has(fingerprintOf(f))) continue;
      const row = rows.get(entry.name)!;
      const cell = (row.cells[family] ??= { open: 0, worst: f.severity });
      cell.open++;
      if (RANK[f.severity] > RANK[cell.worst]) cell.worst = f.severity;
      row.open++;
      totals[family] = (totals[family] ?? 0) + 1;
    }
    const agencies = [...rows.values()]
      .map(({ entry, cells, open }) => ({
        agency: entry.name,
        registered: entry.registered,
        region: entry.region,
        kind: entry.kind,
        level: entry.level,
        cells,
        open,
      }))
      .sort((a, b) => b.open - a.open || a.agency.localeCompare(b.agency, 'zh-CN'));
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
