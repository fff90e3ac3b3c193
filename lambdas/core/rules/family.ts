/**
 * A rule id's family: `S5` for `S5-balance`, `X3` for `X3-LATE`, `P` for `P-ROW-SHAPE`. Officers
 * filter by family or by the full id; the store keys its rule index by family.
 */
export const ruleFamily = (rule: string): string => rule.split('-')[0];

/** `S5` matches S5 and every `S5-…`; `S5-balance` matches itself and its own sub-ids. */
export const matchesRule = (rule: string, filter: string): boolean => rule === filter || rule.startsWith(`${filter}-`);
