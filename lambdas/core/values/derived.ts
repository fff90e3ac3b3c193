/** Derived subtotals of fields.md; filled in below. */
export function computeDerived(_values: Record<string, number>): Record<string, number> {
  return {};
}
