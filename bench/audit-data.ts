/**
 * A generated country for the audit benches: `n` registered departments at three levels, each with a
 * report in the audited year and the year before, whose summaries are what the store keeps. Figures
 * come from a pool of generator reports (scripts/generate/values.ts), so rates and counts are
 * spread as real ones; the two years agree (carry-over, documents in force), so the pair rules find
 * what they find on consistent data; tables, narratives and signatures are distinct per report.
 */
import { contentHash } from '../lambdas/core/audit/fingerprint';
import { summaryOf, SUMMARY_VERSION } from '../lambdas/core/audit/summarise';
import type { Agency, StoredSummary } from '../lambdas/core/audit/types';
import type { IndexedSummary } from '../lambdas/store/summaries';
import { Random } from '../scripts/generate/random';
import { makeReportSpec } from '../scripts/generate/values';
import { report } from '../test/audit/fixtures';

const LEVELS = ['省', '市', '县'];
const POOL = 64;
const COLUMNS = ['natural', 'commercial', 'research', 'social', 'legal', 'other', 'total'];

export const agencyName = (i: number) => `样本市第${i}号局`;

export function registry(n: number): Agency[] {
  return Array.from({ length: n }, (_, i) => ({
    name: agencyName(i),
    aliases: [],
    kind: 'department' as const,
    region: '样本市',
    level: LEVELS[i % LEVELS.length],
    parent: null,
    deadline: null,
  }));
}

let pool: Record<string, number>[] | undefined;

/** The figures of POOL generator reports (computed once: the generator takes ~5 ms a report). */
function figurePool(): Record<string, number>[] {
  pool ??= Array.from({ length: POOL }, (_, k) => {
    const values = makeReportSpec({ format: '2021', seed: 7000 + k, agency: agencyName(k), year: 2040 }).values;
    return summaryOf(report(agencyName(k), 2040, values, '2041-01-20'))!.figures;
  });
  return pool;
}

/** Report `i`'s summary for `year`: the audited year's figures, or last year's made to lead into them. */
function summary(i: number, year: number, audited: number, rnd: Random): StoredSummary {
  const figures = { ...figurePool()[i % POOL] };
  // Decisions spread per agency, so no two tables are alike and no agency jumps between years.
  figures['t2.licensing.decisions'] = 300 + (i % 977);
  figures['t2.penalty.decisions'] = 100 + ((i * 7) % 541);
  if (year < audited) for (const c of COLUMNS) if (`t3.carriedOver.${c}` in figures) figures[`t3.carriedForward.${c}`] = figures[`t3.carriedOver.${c}`];
  if (year < audited)
    for (const k of ['rules', 'normative'])
      if (`t2.${k}.valid` in figures) figures[`t2.${k}.valid`] -= (figures[`t2.${k}.issued`] ?? 0) - (figures[`t2.${k}.repealed`] ?? 0);
  const sig = new Uint32Array(128);
  for (let s = 0; s < 128; s++) sig[s] = (rnd.next() * 0x7fffffff) >>> 0;
  return {
    version: SUMMARY_VERSION,
    figures,
    tableHash: contentHash(`table|${i}|${year}`),
    narrativeHash: contentHash(`narrative|${i}|${year}`),
    narrativeSignature: sig,
  };
}

/** Reports `from` … `to − 1` of `year` (the audited one or the year before) as the summary index holds them. */
export function* summaries(year: number, audited: number, from: number, to: number): Generator<IndexedSummary> {
  const rnd = new Random(year * 1_000_003 + from);
  for (let i = from; i < to; i++)
    yield {
      fields: { id: `${agencyName(i)}-${year}`, year, agencyText: agencyName(i), format: '2021', publishedAt: `${year + 1}-01-20` },
      summary: summary(i, year, audited, rnd),
    };
}
