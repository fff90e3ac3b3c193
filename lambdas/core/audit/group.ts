/**
 * Items by key, in input order (items whose key is null or undefined left out). Appends in place:
 * a country-wide peer group holds hundreds of thousands of reports, so copying the group on every
 * report (`[...group, r]`) would be quadratic.
 */
export function groupBy<T>(items: Iterable<T>, keyOf: (item: T) => string | null | undefined): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    if (key === null || key === undefined) continue;
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}
