import type { Format } from '../types';
import { T3_COLS } from '../tables/row-defs';

/**
 * The identities that carry figures from an agency's report for year N−1 into its report for N
 * (fields.md, "Identities across one agency's consecutive reports"), as data: each instance names
 * the keys it reads on each side and the equation between them.
 */
export interface CrossYearIdentity {
  /** One identity of fields.md; a break of any of its instances discredits all of them for the pair. */
  id: string;
  /** `error`: the form's own rule, decides alone. `warning`: often broken, decides only when confirmed. */
  strength: 'error' | 'warning';
  /** The formats of year N−1 and of year N it applies between. */
  formats: (earlier: Format, later: Format) => boolean;
  instances: Instance[];
}

export interface Instance {
  /** The equation as fields.md writes it, for the evidence. */
  text: string;
  earlier: string[];
  later: string[];
  holds: (earlier: number[], later: number[]) => boolean;
}

const both2019 = (e: Format, l: Format) => e === '2019' && l === '2019';
const both2021 = (e: Format, l: Format) => e === '2021' && l === '2021';
/** Counts are integers; money columns are not in these identities, but round sums all the same. */
const eq = (a: number, b: number) => Math.abs(a - b) < 1e-6;

export const CROSS_YEAR: readonly CrossYearIdentity[] = [
  {
    id: 't3.carry-over',
    strength: 'error',
    formats: (e, l) => e !== 'unknown' && l !== 'unknown',
    instances: T3_COLS.map((c) => ({
      text: `t3.carriedOver.${c}(N) = t3.carriedForward.${c}(N−1)`,
      earlier: [`t3.carriedForward.${c}`],
      later: [`t3.carriedOver.${c}`],
      holds: ([cf], [co]) => eq(co, cf),
    })),
  },
  {
    id: 't2.prev-count',
    strength: 'error',
    formats: both2019,
    instances: ['licensing', 'otherServices', 'penalty', 'coercion', 'fees'].map((x) => ({
      text: `t2.${x}.prev(N) = t2.${x}.prev(N−1) + t2.${x}.change(N−1)`,
      earlier: [`t2.${x}.prev`, `t2.${x}.change`],
      later: [`t2.${x}.prev`],
      holds: ([prev, change], [now]) => eq(now, prev + change),
    })),
  },
  {
    id: 't2.published-total',
    strength: 'error',
    formats: both2019,
    instances: ['rules', 'normative'].map((x) => ({
      text: `t2.${x}.total(N) = t2.${x}.total(N−1) + t2.${x}.published(N)`,
      earlier: [`t2.${x}.total`],
      later: [`t2.${x}.total`, `t2.${x}.published`],
      holds: ([before], [total, published]) => eq(total, before + published),
    })),
  },
  {
    id: 't2.valid-stock',
    strength: 'warning',
    formats: both2021,
    instances: ['rules', 'normative'].map((x) => ({
      text: `t2.${x}.valid(N) = t2.${x}.valid(N−1) + t2.${x}.issued(N) − t2.${x}.repealed(N)`,
      earlier: [`t2.${x}.valid`],
      later: [`t2.${x}.valid`, `t2.${x}.issued`, `t2.${x}.repealed`],
      holds: ([before], [valid, issued, repealed]) => eq(valid, before + issued - repealed),
    })),
  },
];
