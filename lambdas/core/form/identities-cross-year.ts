import type { Format } from '../types';
import { T3_COLUMNS } from './columns';
import type { FormFormat } from './formats';
import type { Strength } from './identities-report';
import { t2Rows } from './rows';
import { sameNumber } from './tolerance';

/**
 * The identities that carry figures from an agency's report for year N−1 into its report for N
 * (fields.md, "Identities across one agency's consecutive reports"), each written once as fields.md
 * writes it, with a placeholder its instances fill: `<col>`, each column of table 3; `<x>`, each row
 * of table 2 that has every column the equation names.
 */
export interface CrossYearIdentity {
  id: string;
  /** `error`: the form's own rule, it decides alone. `warning`: often broken (clean-ups), it decides only when confirmed. */
  strength: Strength;
  /** Both years in this format; `both`: any two known formats, the change from the 2019 to the 2021 form included. */
  format: FormFormat | 'both';
  text: string;
  /** fields.md's "strength" column. */
  note: string;
  instances: CrossYearInstance[];
}

/** One figure of a cross-year equation: a key in year N or N−1, added or subtracted. */
export interface Term {
  key: string;
  year: 'N' | 'N−1';
  sign: 1 | -1;
}

export interface CrossYearInstance {
  /** Its identity's id. */
  identity: string;
  /** The equation with the placeholder filled, for the evidence: `t2.rules.total(N) = t2.rules.total(N−1) + t2.rules.published(N)`. */
  text: string;
  lhs: readonly Term[];
  rhs: readonly Term[];
  /** The keys it reads in year N−1 and in year N, in the order the equation names them. */
  earlier: readonly string[];
  later: readonly string[];
  /** Whether the figures (aligned with `earlier` and `later`) satisfy it, with the form's tolerance. */
  holds: (earlier: number[], later: number[]) => boolean;
}

const TERM = /^(t[234]\.[\w.]+)\((N|N−1)\)$/;

/** `a(N) = b(N−1) + c(N) − d(N)` as its terms on each side. */
function parseSide(side: string): Term[] {
  return side.split(/ (?=[+−] )/).map((part) => {
    const sign = part.startsWith('− ') ? -1 : 1;
    const m = TERM.exec(part.replace(/^[+−] /, ''));
    if (!m) throw new Error(`not a cross-year term: ${part}`);
    return { key: m[1], year: m[2] as Term['year'], sign } as Term;
  });
}

function instance(identity: string, text: string): CrossYearInstance {
  const [l, r] = text.split(' = ');
  const lhs = parseSide(l);
  const rhs = parseSide(r);
  const keysOf = (year: Term['year']) => [...new Set([...lhs, ...rhs].filter((t) => t.year === year).map((t) => t.key))];
  const earlier = keysOf('N−1');
  const later = keysOf('N');
  const sum = (terms: Term[], e: number[], n: number[]) =>
    terms.reduce((s, t) => s + t.sign * (t.year === 'N' ? n[later.indexOf(t.key)] : e[earlier.indexOf(t.key)]), 0);
  return { identity, text, lhs, rhs, earlier, later, holds: (e, n) => sameNumber(sum(lhs, e, n), sum(rhs, e, n)) };
}

/** The identity with its instances: `<col>` over table 3's columns, `<x>` over the rows of table 2 that have the columns it names. */
function identity(data: Omit<CrossYearIdentity, 'instances'>): CrossYearIdentity {
  let fills: string[];
  let placeholder: string;
  if (data.text.includes('<col>')) {
    placeholder = '<col>';
    fills = T3_COLUMNS.map((c) => c.key);
  } else {
    placeholder = '<x>';
    const cols = [...data.text.matchAll(/t2\.<x>\.(\w+)/g)].map((m) => m[1]);
    const format = data.format === 'both' ? '2021' : data.format;
    fills = t2Rows(format)
      .filter((r) => cols.every((c) => r.columns.some((col) => col.key === c)))
      .map((r) => r.key);
  }
  return { ...data, instances: fills.map((f) => instance(data.id, data.text.split(placeholder).join(f))) };
}

export const CROSS_YEAR: readonly CrossYearIdentity[] = [
  identity({
    id: 't3.carry-over',
    strength: 'error',
    format: 'both',
    text: 't3.carriedOver.<col>(N) = t3.carriedForward.<col>(N−1)',
    note: "the form's own rule (error when broken)",
  }),
  identity({
    id: 't2.prev-count',
    strength: 'error',
    format: '2019',
    text: 't2.<x>.prev(N) = t2.<x>.prev(N−1) + t2.<x>.change(N−1)',
    note: "上一年项目数量 is last year's count plus its 增/减",
  }),
  identity({
    id: 't2.published-total',
    strength: 'error',
    format: '2019',
    text: 't2.<x>.total(N) = t2.<x>.total(N−1) + t2.<x>.published(N)',
    note: '对外公开总数量 grows by what is newly published',
  }),
  identity({
    id: 't2.valid-stock',
    strength: 'warning',
    format: '2021',
    text: 't2.<x>.valid(N) = t2.<x>.valid(N−1) + t2.<x>.issued(N) − t2.<x>.repealed(N)',
    note: 'stock of valid documents; often broken by clean-ups (warning only)',
  }),
];

/** Whether an identity applies between a report of year N−1 in one format and one of year N in another. */
export const appliesBetween = (identity: CrossYearIdentity, earlier: Format, later: Format): boolean =>
  earlier !== 'unknown' && later !== 'unknown' && (identity.format === 'both' || (earlier === identity.format && later === identity.format));

export const crossYearIdentity = (id: string): CrossYearIdentity => CROSS_YEAR.find((i) => i.id === id)!;
