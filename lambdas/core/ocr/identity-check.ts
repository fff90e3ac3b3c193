import { distance } from 'fastest-levenshtein';
import { MONEY_KEYS, reportInstances, relationHolds, SIGNED_KEYS, sameNumber, t3LayoutOfKeys, type FormFormat, type IdentityInstance } from '../form';

/** A scan's table figure as OCR read it, and whether it is already in doubt. */
export interface ReadFigure {
  key: string;
  value: number;
  /** The reading as printed (`1,234`). */
  text: string;
  conf: number;
  /** OCR's readings of the cell (the first is the reading itself): what an identity may choose among. */
  readings: { text: string; value: number }[];
  /** Set when the figure is not taken as read. */
  doubt?: { why: 'confidence' | 'shape' | 'identity'; zh: string; en: string };
}

/** What one identity says of a figure: it rejects the reading, or it forces a value OCR also read. */
export interface IdentityVerdict {
  key: string;
  inst: IdentityInstance;
  /** The value the instance needs of this figure, the others as read (undefined when that is no figure a cell can hold). */
  needs?: number;
}

/**
 * When no single misreading explains a break, the figures read below this confidence are the suspects (two misread
 * figures in one instance explain each other away); the report's own arithmetic errors do not care how sure OCR was.
 */
export const SURE = 0.95;

/**
 * The report's own identities (fields.md, core/form) as a check on what OCR read, over the figures not in doubt:
 *
 * - An instance whose every figure is read and holds **confirms** them (`eq` only: one misread figure breaks it).
 * - An instance whose every figure is read and fails **rejects** the figures that may be the misread one, among those
 *   no holding instance confirms: all of them when one is left, when it is a bound (≥), or when one of them is in
 *   another broken instance too (misreadings cross there); else, its figures standing in no other broken instance,
 *   each that a one-character misreading explains (the value the instance needs of it is one edit away from what was
 *   read), else each read below `SURE`. When none is suspect the break is the report's own, and S5 reports it.
 * - A figure in doubt (for any reason) is **decided** when every instance whose other figures are all read and not
 *   in doubt (or printed blank, `blanks`) needs the same value of it, and that value is one of OCR's readings of the
 *   cell: the ink and the report's arithmetic agree. Decided figures decide nothing further.
 *
 * Marks the rejected figures' `doubt` and returns the decisions; pure.
 */
export function crossCheck(
  figures: ReadFigure[],
  format: FormFormat,
  blanks: ReadonlySet<string> = new Set(),
): { rejected: IdentityVerdict[]; decided: IdentityVerdict[] } {
  const byKey = new Map(figures.map((f) => [f.key, f]));
  const instances = reportInstances(t3LayoutOfKeys(format, byKey.keys())).filter(
    (i) => i.identity.strength === 'error' && i.relation !== 'zero-forces-zero' && [...i.left, ...i.right].some((k) => byKey.has(k)),
  );
  const known = (k: string) => {
    const f = byKey.get(k);
    return f && !f.doubt ? f.value : undefined;
  };
  const judged = instances.map((inst) => ({ inst, holds: holds(inst, known) }));
  const confirmed = new Set(judged.filter((j) => j.holds === true && j.inst.relation === 'eq').flatMap((j) => [...j.inst.left, ...j.inst.right]));

  const broken = judged.filter((j) => j.holds === false).map((j) => j.inst);
  const rejected: IdentityVerdict[] = [];
  for (const inst of broken) {
    const open = [...inst.left, ...inst.right].filter((key) => !confirmed.has(key)).map((key) => ({ key, inst, needs: needed(inst, key, known) }));
    // A figure in another broken instance too: several misreadings cross here, and no telling which figures they are.
    const crossed = open.some((v) => broken.some((b) => b !== inst && [...b.left, ...b.right].includes(v.key)));
    const explains = open.filter((v) => v.needs !== undefined && distance(textOf(v.needs, byKey.get(v.key)!.text), digitsOf(byKey.get(v.key)!.text)) <= 1);
    // One figure left unconfirmed is the one; a bound (≥) names no value to explain it by; a break no single
    // misreading explains takes the figures least sure.
    const suspects =
      open.length === 1 || inst.relation !== 'eq' || crossed ? open : explains.length ? explains : open.filter((v) => byKey.get(v.key)!.conf < SURE);
    rejected.push(...suspects.filter((v) => !rejected.some((r) => r.key === v.key)));
  }
  for (const r of rejected) {
    const { zh, en } = r.inst.where;
    byKey.get(r.key)!.doubt = {
      why: 'identity',
      zh: `${zh}：${r.inst.identity.statement.zh}不成立`,
      en: `${en}: ${r.inst.identity.statement.en} does not hold`,
    };
  }

  const decided: IdentityVerdict[] = [];
  // A cell printed blank counts as nothing in the sums a figure in doubt is decided by (a sparse row's `319` wrapped
  // in its narrow total cell is its one figure's sum); it decides only a value OCR also read.
  const filled = (k: string) => (blanks.has(k) ? 0 : known(k));
  for (const f of figures.filter((x) => x.doubt)) {
    const needs = instances
      .filter((i) => i.relation === 'eq' && [...i.left, ...i.right].includes(f.key))
      .flatMap((inst) => {
        const n = needed(inst, f.key, filled);
        return n === undefined && !complete(inst, f.key, filled) ? [] : [{ inst, n }];
      });
    if (needs.length === 0 || needs.some((x) => x.n === undefined || !sameNumber(x.n, needs[0].n!))) continue;
    const value = needs[0].n!;
    if (admissible(f.key, value) && f.readings.some((r) => sameNumber(r.value, value))) decided.push({ key: f.key, inst: needs[0].inst, needs: value });
  }
  return { rejected, decided };
}

const sum = (keys: readonly string[], valueOf: (k: string) => number | undefined) =>
  keys.reduce<number | undefined>((s, k) => (s === undefined || valueOf(k) === undefined ? undefined : s + valueOf(k)!), 0);

/** Whether the instance holds on the figures known; undefined while one is unknown. */
function holds(inst: IdentityInstance, valueOf: (k: string) => number | undefined): boolean | undefined {
  const [l, r] = [sum(inst.left, valueOf), sum(inst.right, valueOf)];
  return l === undefined || r === undefined ? undefined : relationHolds(inst.relation, l, r);
}

/** Whether every figure of the instance but `key` is known. */
const complete = (inst: IdentityInstance, key: string, valueOf: (k: string) => number | undefined) =>
  [...inst.left, ...inst.right].every((k) => k === key || valueOf(k) !== undefined);

/** The value of `key` under which an `eq` instance holds, the others as known; undefined when one is unknown or none fits the cell. */
function needed(inst: IdentityInstance, key: string, valueOf: (k: string) => number | undefined): number | undefined {
  if (inst.relation !== 'eq' || !complete(inst, key, valueOf)) return undefined;
  const others = (keys: readonly string[]) =>
    sum(
      keys.filter((k) => k !== key),
      valueOf,
    )!;
  const value = inst.left.includes(key) ? others(inst.right) - others(inst.left) : others(inst.left) - others(inst.right);
  const rounded = Math.round(value * 1e6) / 1e6;
  return admissible(key, rounded) ? rounded : undefined;
}

/** A value the cell can hold: whole unless money, not negative unless a signed change. */
const admissible = (key: string, v: number) => (MONEY_KEYS.has(key) || Number.isInteger(v)) && (SIGNED_KEYS.has(key) || v >= 0);

const digitsOf = (text: string) => text.replace(/[,，\s]/g, '');

/** A value written as the reading was (its decimals), to compare character by character. */
function textOf(v: number, like: string): string {
  const decimals = /\.(\d+)$/.exec(like)?.[1].length ?? 0;
  return v.toFixed(decimals);
}
