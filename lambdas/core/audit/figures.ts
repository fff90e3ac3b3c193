import { DERIVED_ROWS, keyParts } from '../form';

/**
 * A figure of a report by canonical key: the table value, else the derived value, else, for a
 * derived subtotal (`t3.denied.sum.total`, `t4.litigation.sum.corrected`), the sum of the table
 * values it stands for (those printed), so the audit does not depend on which subtotals a parser version stored.
 */
export function figure(values: Record<string, number>, derived: Record<string, number>, key: string): number | undefined {
  if (key in values) return values[key];
  if (key in derived) return derived[key];
  const parts = keyParts(key);
  const d = parts && DERIVED_ROWS.find((r) => r.table === parts.table && r.key === parts.row);
  if (!d) return undefined;
  return sumOf(
    values,
    [...d.parts, ...(d.single ? [d.single] : [])].map((r) => `${d.table}.${r}.${parts.col}`),
  );
}

function sumOf(values: Record<string, number>, keys: string[]): number | undefined {
  const present = keys.filter((k) => k in values);
  return present.length ? present.reduce((a, k) => a + values[k], 0) : undefined;
}
