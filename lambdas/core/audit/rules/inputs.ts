import { crossYearIdentity } from '../../form';
import { PEER_KEYS } from '../peer-outliers';

/** The form's carry-over identity (core/form): one instance per column of table 3 (X1). */
export const CARRY_OVER = crossYearIdentity('t3.carry-over');
/** The form's stock identity (core/form): 现行有效 = last year's + 制发 − 废止, per document row of table 2 (X2). */
export const STOCK = crossYearIdentity('t2.valid-stock');

/**
 * The figures each rule reads (its `keys`), declared apart from the rules' code: the ingest keeps
 * exactly these on a report's summary (summarise.ts) without bundling the rules themselves.
 */
export const RULE_KEYS = {
  X1: [...new Set(CARRY_OVER.instances.flatMap((i) => [...i.later, ...i.earlier]))],
  X2: STOCK.instances.flatMap((i) => [...i.later]),
  X3: [],
  X4: [],
  X5: [...PEER_KEYS],
  X6: ['t3.newReceived.total', 't4.review.total', 't4.litigation.sum.total'],
  X7: [],
} as const satisfies Record<string, readonly string[]>;

/** The figures any rule reads: what a summary keeps of a report's values. */
export const AUDIT_KEYS: readonly string[] = [...new Set(Object.values(RULE_KEYS).flat())];
