import { REPORT_IDENTITIES, instancesOf, relationHolds, type FormFormat } from '../../lambdas/core/form';

/** One broken identity of the form, with the keys it involves and both sides' sums. */
export interface IdentityBreak {
  /** The identity's id in the form model (`t3.balance`, `t3.row-sum`, …). */
  identity: string;
  keys: string[];
  left: number;
  right: number;
}

/**
 * The identities the form states for tables 3 and 4 (core/form), on a generated report's values (a
 * key left out counts 0). The generator's tests use it to prove every seed is consistent; mutated
 * reports use it to know what they broke.
 */
export function identityBreaks(format: FormFormat, values: Record<string, number>): IdentityBreak[] {
  const sum = (keys: readonly string[]) => keys.reduce((s, k) => s + (values[k] ?? 0), 0);
  return REPORT_IDENTITIES.filter((id) => id.source === 'form')
    .flatMap((id) => instancesOf(id, format))
    .filter((inst) => !relationHolds(inst.relation, sum(inst.left), sum(inst.right)))
    .map((inst) => ({ identity: inst.identity.id, keys: [...inst.left, ...inst.right], left: sum(inst.left), right: sum(inst.right) }));
}
