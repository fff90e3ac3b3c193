import type { Evidence, Report, UndecidedRow } from '../types';
import { remaining } from '../tables/undecided';
import { appliesBetween, CROSS_YEAR, sameNumber, type CrossYearIdentity, type CrossYearInstance } from '../form';
import { without } from './without';

/** A value of an undecided row decided by a neighbouring year's report. */
export interface Decision {
  key: string;
  value: number;
  /** The printed text of the cell under the reading decided. */
  text: string;
  neighbour: NonNullable<Evidence['neighbour']>;
}

interface Proposal extends Decision {
  strength: CrossYearIdentity['strength'];
  /** Which pair and identity proposed it: a warning-strength proposal needs a second source. */
  source: string;
}

/** What one report knows without neighbours: the values it (or an officer) decided, its open rows. */
export interface Side {
  id: string;
  values: Record<string, number>;
  rows: { row: UndecidedRow; readings: (number | null)[][]; texts: string[][] }[];
}

/** Joint readings beyond this are not enumerated: the instance decides nothing then. */
const MAX_COMBOS = 100_000;

/** The values a report decided itself or an officer decided: never those a neighbour decided. */
export const ownValues = (report: Report): Record<string, number> => without(report, 'neighbour').values;

export function sideOf(report: Report): Side {
  const values = ownValues(report);
  const rows = (report.undecided ?? []).map((row) => {
    const readings = remaining(row, values);
    const texts = row.texts.filter((_, i) => readings.includes(row.candidates[i]));
    return { row, readings, texts };
  });
  return { id: report.id, values, rows: rows.filter((r) => r.readings.length > 0) };
}

/**
 * Decides the open cells of `report` from the same agency's reports of the year before and the
 * year after (`neighbours`; others are ignored). A cell is decided when, under an identity of
 * fields.md, every joint reading of the rows involved (ours and the neighbour's) that satisfies
 * the identity gives it the same value. An instance that breaks for the pair decides nothing, and
 * when most of an identity's instances break its others need confirmation (pairProposals); a warning-strength identity
 * decides only when another identity or the other neighbour agrees; disagreeing sources, or
 * decisions no reading of the row fits together, decide nothing. Pure and order-free: it reads
 * only what each report decided itself, never what a neighbour decided for it.
 */
export function decideByNeighbours(report: Report, neighbours: Report[]): Decision[] {
  if (report.status !== 'parsed' || report.year === null || !report.undecided?.length) return [];
  const ours = sideOf(report);
  const proposals: Proposal[] = [];
  for (const n of neighbours) {
    if (n.status !== 'parsed' || n.year === null || Math.abs(n.year - report.year) !== 1) continue;
    const later = n.year > report.year;
    const [eFormat, lFormat] = later ? [report.format, n.format] : [n.format, report.format];
    for (const identity of CROSS_YEAR) {
      if (!appliesBetween(identity, eFormat, lFormat)) continue;
      proposals.push(...pairProposals(identity, ours, sideOf(n), later));
    }
  }
  return accepted(proposals, ours);
}

/**
 * One identity between our report and one neighbour, instance by instance. A broken instance
 * decides nothing, and does not silence its siblings: 规章 and 规范性文件 are counted apart, and a
 * count restarted for one says nothing about the other. But when more than half of the instances
 * that could be checked break, the pair does not keep to the identity at all: what the others
 * propose then needs confirmation, as a warning-strength identity's does.
 */
function pairProposals(identity: CrossYearIdentity, ours: Side, theirs: Side, theirsLater: boolean): Proposal[] {
  const outcomes = identity.instances.map((inst) => evaluate(inst, ours, theirs, theirsLater));
  const checked = outcomes.filter((o) => o !== 'unusable');
  const broken = checked.filter((o) => o === 'broken').length;
  const strength = broken * 2 > checked.length ? 'warning' : identity.strength;
  return outcomes.flatMap((o) =>
    o === 'unusable' || o === 'broken'
      ? []
      : o.map((d) => ({ ...d, strength, source: `${theirs.id}/${identity.id}`, neighbour: { ...d.neighbour, reportId: theirs.id } })),
  );
}

/** A figure an instance reads: a value its report decided, or a cell of one of the open rows. */
type Ref = { fixed: number } | { open: number; col: number };

/** The joint readings of the open rows an instance reads that satisfy it, and how to read a figure under one. */
interface Satisfying {
  sat: number[][];
  open: { side: Side; n: number }[];
  entries: Side['rows'];
  e: Ref[];
  l: Ref[];
  valueOf: (r: Ref, chosen: number[]) => number;
}

/** Every joint reading of the open rows an instance reads, on both sides; `unusable` when a figure is missing or the readings are too many. */
export function satisfying(inst: CrossYearInstance, ours: Side, theirs: Side, theirsLater: boolean): Satisfying | 'unusable' {
  const open: { side: Side; n: number }[] = [];
  const refOf = (side: Side, key: string): Ref | undefined => {
    if (side.values[key] !== undefined) return { fixed: side.values[key] };
    const n = side.rows.findIndex((r) => r.row.keys.includes(key));
    if (n < 0) return undefined;
    let at = open.findIndex((o) => o.side === side && o.n === n);
    if (at < 0) at = open.push({ side, n }) - 1;
    return { open: at, col: side.rows[n].row.keys.indexOf(key) };
  };
  const [earlier, later] = theirsLater ? [ours, theirs] : [theirs, ours];
  const e = inst.earlier.map((k) => refOf(earlier, k));
  const l = inst.later.map((k) => refOf(later, k));
  if ([...e, ...l].some((r) => r === undefined)) return 'unusable';
  const entries = open.map((o) => o.side.rows[o.n]);
  if (entries.reduce((p, x) => p * x.readings.length, 1) > MAX_COMBOS) return 'unusable';
  // A blank column (a short row's dropped cell) satisfies no identity.
  const valueOf = (r: Ref, chosen: number[]) => ('fixed' in r ? r.fixed : (entries[r.open].readings[chosen[r.open]][r.col] ?? NaN));
  const sat = combinations(entries.map((x) => x.readings.length)).filter((c) =>
    inst.holds(
      e.map((r) => valueOf(r!, c)),
      l.map((r) => valueOf(r!, c)),
    ),
  );
  return { sat, open, entries, e: e as Ref[], l: l as Ref[], valueOf };
}

/**
 * What the satisfying joint readings decide: `unusable` when the instance cannot be evaluated
 * or a row's readings are incomplete, `broken` when no joint reading satisfies it, else what
 * every satisfying reading agrees on for our open cells (nothing when it holds on fixed figures alone).
 */
function evaluate(inst: CrossYearInstance, ours: Side, theirs: Side, theirsLater: boolean): 'broken' | 'unusable' | Decision[] {
  const found = satisfying(inst, ours, theirs, theirsLater);
  if (found === 'unusable') return found;
  const { sat, open, entries, e, l, valueOf } = found;
  if (entries.some((x) => x.row.truncated)) return 'unusable';
  if (sat.length === 0) return 'broken';
  if (entries.length === 0) return [];
  // Both sides' numbers of the instance, the same in every satisfying reading, are the evidence.
  const numbers = (refs: Ref[]) => {
    const seen = unique(sat.map((c) => JSON.stringify(refs.map((r) => valueOf(r, c)))));
    return seen.length === 1 ? (JSON.parse(seen[0]) as number[]) : null;
  };
  const [mine, other] = theirsLater ? [numbers(e), numbers(l)] : [numbers(l), numbers(e)];
  if (!mine || !other) return [];
  const out: Decision[] = [];
  open.forEach((o, i) => {
    if (o.side !== ours) return;
    const { row, readings, texts } = entries[i];
    const picked = unique(sat.map((c) => c[i]));
    row.keys.forEach((key, col) => {
      const value = readings[picked[0]][col];
      if (value === null || ours.values[key] !== undefined || !picked.every((p) => sameNumber(readings[p][col] ?? NaN, value))) return;
      out.push({ key, value, text: texts[picked[0]][col], neighbour: { reportId: theirs.id, identity: inst.text, ours: mine, theirs: other } });
    });
  });
  return out;
}

/**
 * Proposals become decisions: error-strength ones alone, warning-strength ones only when a second
 * source proposes the same value; a key with disagreeing proposals stays open, and so does a row
 * whose decided cells no single reading fits.
 */
function accepted(proposals: Proposal[], ours: Side): Decision[] {
  const byKey = new Map<string, Proposal[]>();
  for (const p of proposals) byKey.set(p.key, [...(byKey.get(p.key) ?? []), p]);
  const chosen = new Map<string, Decision>();
  for (const [key, ps] of byKey) {
    if (!ps.every((p) => sameNumber(p.value, ps[0].value))) continue;
    const strong = ps.find((p) => p.strength === 'error');
    const confirmed = unique(ps.map((p) => p.source)).length > 1;
    const best = strong ?? (confirmed ? ps[0] : undefined);
    if (best) chosen.set(key, { key, value: best.value, text: best.text, neighbour: best.neighbour });
  }
  for (const { row } of ours.rows) {
    const decided = row.keys.filter((k) => chosen.has(k));
    if (decided.length === 0) continue;
    const values = { ...ours.values, ...Object.fromEntries(decided.map((k) => [k, chosen.get(k)!.value])) };
    if (remaining(row, values).length === 0) decided.forEach((k) => chosen.delete(k));
  }
  return [...chosen.values()];
}

/** Every index tuple of lists of the given lengths (one empty tuple for no lists). */
function combinations(lengths: number[]): number[][] {
  return lengths.reduce<number[][]>((acc, n) => acc.flatMap((c) => Array.from({ length: n }, (_, i) => [...c, i])), [[]]);
}

const unique = <T>(xs: T[]) => [...new Set(xs)];
