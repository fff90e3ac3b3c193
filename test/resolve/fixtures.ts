import { crossYearIdentity } from '../../lambdas/core/form';
import { renderTextRuns } from '../../scripts/generate/render-text-runs';
import { makeReportSpec, type ReportSpec } from '../../scripts/generate/values';
import { parseReport } from '../../lambdas/core/record/parse-report';
import type { Report } from '../../lambdas/core/types';

export const AGENCY = '临江县自然资源局';

/**
 * A generated report as a portal crawler exports it (cells run together), with `values` set and
 * no narrative figure for them: only the table, or a neighbour, can say what they are.
 */
export function spec(format: '2019' | '2021', year: number, seed: number, values: Record<string, number>, agency = AGENCY): ReportSpec {
  const s = makeReportSpec({ format, seed, agency, year });
  const rows = new Set(Object.keys(values).map((k) => k.split('.').slice(0, 2).join('.')));
  return {
    ...s,
    values: { ...s.values, ...values },
    narrative: s.narrative.filter((n) => ![...rows].some((r) => n.key.startsWith(`${r}.`))),
  };
}

/**
 * One agency's 2019 and 2020 reports (2019 format) whose table-2 figures carry over as fields.md
 * says, with `values19` / `values20` set on top (the identities must then hold for them too), the
 * agency's name as each year prints it.
 */
export function pair2019(values19: Record<string, number>, values20: Record<string, number>, agencies = [AGENCY, AGENCY]): [ReportSpec, ReportSpec] {
  const a = spec('2019', 2019, 1911, values19, agencies[0]);
  const b = spec('2019', 2020, 1912, values20, agencies[1]);
  const v = { ...b.values };
  // The form's cross-year identities of the 2019 table 2, each made to hold (core/form).
  for (const inst of [...crossYearIdentity('t2.prev-count').instances, ...crossYearIdentity('t2.published-total').instances]) {
    const [now, ...later] = inst.later;
    const earlier = inst.earlier.reduce((s, k) => s + a.values[k], 0);
    v[now] = earlier + later.reduce((s, k) => s + v[k], 0);
  }
  return [a, { ...b, values: { ...v, ...values20 } }];
}

export const parseSpec = (s: ReportSpec, id = `${s.agency}-${s.year}`): Promise<Report> =>
  parseReport({ id, name: `${id}.txt`, bytes: Buffer.from(renderTextRuns(s)) });

/** The Pingtan pair of the issue: 行政许可 printed `3960181` in 2019 and `396442278` in 2020. */
export const LICENSING_2019 = { 't2.licensing.prev': 396, 't2.licensing.change': 0, 't2.licensing.decisions': 181 };
export const LICENSING_2020 = { 't2.licensing.prev': 396, 't2.licensing.change': 442, 't2.licensing.decisions': 278 };

export const keysOf = (r: Report, prefix: string) => Object.keys(r.values).filter((k) => k.startsWith(prefix));

/** The Pingtan-like pair, parsed: each report alone, nothing decided by neighbours yet. */
export const parsedPingtanPair = async (): Promise<[Report, Report]> => {
  const [a, b] = pair2019(LICENSING_2019, LICENSING_2020);
  return Promise.all([parseSpec(a), parseSpec(b)]);
};
