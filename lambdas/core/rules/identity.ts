import { sameNumber } from '../form';

/** How one identity of the form came out on a record's values. */
export type IdentityResult =
  | { status: 'unused' }
  | { status: 'incomplete'; keys: string[] }
  | { status: 'holds'; keys: string[] }
  | { status: 'broken'; keys: string[]; left: number; right: number; detail: string };

/**
 * Checks sum(left) = sum(right). A blank cell among filled ones counts as nothing printed (0); a side
 * with no printed cell at all leaves the identity unjudgeable, and one with no cell on either side unused.
 */
export function checkIdentity(values: Record<string, number>, left: readonly string[], right: readonly string[]): IdentityResult {
  const keys = [...left, ...right];
  const printed = (k: string) => k in values;
  if (!keys.some(printed)) return { status: 'unused' };
  if (!left.some(printed) || !right.some(printed)) return { status: 'incomplete', keys };
  const side = (ks: readonly string[]) => ks.reduce((s, k) => s + (values[k] ?? 0), 0);
  const l = side(left);
  const r = side(right);
  if (sameNumber(l, r)) return { status: 'holds', keys };
  const show = (ks: readonly string[]) => ks.map((k) => (printed(k) ? String(values[k]) : '(blank)')).join(' + ');
  return { status: 'broken', keys, left: l, right: r, detail: `${show(left)} = ${l} ≠ ${r} = ${show(right)}` };
}
