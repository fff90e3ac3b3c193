import { instanceHolds, prefixCheck, type IdentityInstance, type T3Layout } from '../form';
import type { Placed, Reading } from './readings';

/**
 * Rows of one grid that print fewer cells than their form row has columns print them in the same
 * columns: a dump that squeezed a sparse table's blank columns out (pdftotext -layout) or a table
 * that leaves columns out keeps the blank columns blank in every row. So the rows share one way of
 * placing their cells, and only the placements every row admits remain. Among those, the ones under
 * which the table's sums (table 3's and 4's) add up when its blanks count as nothing are kept, if any are:
 * a blank is never read as zero, but a placement that needs a blank figure in a sum is less likely than one that does not.
 * What stays open is left to the row's readings (undecided rows with their candidates).
 */
export function resolveSharedColumns(placed: Placed[], layout: T3Layout, columns: IdentityInstance[]): void {
  const groups = new Map<string, Placed[]>();
  for (const p of placed) {
    const slots = p.readings[0]?.slots;
    if (p.row.part === undefined || !slots || p.readings.length < 2) continue;
    const key = `${p.row.part}|${p.def.table}|${slots.length}|${slots.filter((s) => s >= 0).length}`;
    groups.set(key, [...(groups.get(key) ?? []), p]);
  }
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const shared = common(group);
    if (shared.size === 0) continue;
    const fits = [...shared].filter((sig) => addsUp(placed, group, sig, layout, columns));
    const keep = new Set(fits.length ? fits : shared);
    for (const p of group) p.readings = p.readings.filter((r) => keep.has(signature(r)));
  }
}

const signature = (r: Reading) => r.slots!.join(',');

/** The placements every row of the group admits. */
function common(group: Placed[]): Set<string> {
  let shared = new Set(group[0].readings.map(signature));
  for (const p of group.slice(1)) {
    const own = new Set(p.readings.map(signature));
    shared = new Set([...shared].filter((s) => own.has(s)));
  }
  return shared;
}

/** Whether, with the group's rows placed by `sig` and every blank counted as nothing, each row and table 3's columns add up. */
function addsUp(placed: Placed[], group: Placed[], sig: string, layout: T3Layout, columns: IdentityInstance[]): boolean {
  // Only sums say anything of a blank taken as nothing; table 2's bounds (in force ≥ issued) would be fooled by a column left out.
  if (group[0].def.table === 't2') return true;
  const zeroed = (r: Reading) => r.values.map((v) => v ?? 0);
  const chosen = new Map(group.map((p) => [p, p.readings.find((r) => signature(r) === sig)!]));
  for (const [p, r] of chosen) {
    const check = prefixCheck(p.def, layout.format);
    const values = zeroed(r);
    if (check && !values.every((_, i) => check(values.slice(0, i + 1)))) return false;
  }
  if (group[0].def.table !== 't3') return true;
  const cells = new Map<string, number>();
  for (const p of placed) {
    if (p.def.table !== 't3') continue;
    const r = chosen.get(p) ?? (p.readings.length === 1 ? p.readings[0] : undefined);
    if (r) zeroed(r).forEach((v, c) => cells.set(p.def.keys[c], v));
  }
  return columns.every((inst) => instanceHolds(inst, (k) => cells.get(k)) !== false);
}
