/**
 * A figure of a report by canonical key: the table value, else the derived value, else, for a
 * derived subtotal (`t3.denied.sum.total`, `t4.litigation.sum.corrected`), the sum of the table
 * values it stands for, so the audit does not depend on which subtotals a parser version stored.
 */
export function figure(values: Record<string, number>, derived: Record<string, number>, key: string): number | undefined {
  if (key in values) return values[key];
  if (key in derived) return derived[key];
  const litigation = /^t4\.litigation\.sum\.(\w+)$/.exec(key);
  if (litigation) return sumOf(values, [`t4.litigationDirect.${litigation[1]}`, `t4.litigationAfterReview.${litigation[1]}`]);
  const subtotal = /^(t3\.\w+)\.sum\.(\w+)$/.exec(key);
  if (subtotal) {
    const [, group, col] = subtotal;
    const leaf = new RegExp(`^${group.replace('.', '\\.')}(\\.\\w+)?\\.${col}$`);
    return sumOf(
      values,
      Object.keys(values).filter((k) => leaf.test(k)),
    );
  }
  return undefined;
}

function sumOf(values: Record<string, number>, keys: string[]): number | undefined {
  const present = keys.filter((k) => k in values);
  return present.length ? present.reduce((a, k) => a + values[k], 0) : undefined;
}
