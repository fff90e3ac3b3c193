/**
 * `make` computed once per pair of arguments, the first an object held weakly (a form row, an
 * identity instance: fixed for the process) and the second a small key (a format, a rule id).
 */
export function memoPair<A extends object, B, V>(make: (a: A, b: B) => V): (a: A, b: B) => V {
  const cache = new WeakMap<A, Map<B, V>>();
  return (a, b) => {
    let byB = cache.get(a);
    if (!byB) cache.set(a, (byB = new Map()));
    if (!byB.has(b)) byB.set(b, make(a, b));
    return byB.get(b)!;
  };
}
