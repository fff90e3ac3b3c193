/**
 * Splits a run of digits printed with no separator between cells (`21710000218`) into exactly
 * `count` numbers. A space in the run always falls between two cells; a number never has a
 * leading zero; only money columns take a decimal part or a 元 suffix, only signed columns a
 * minus sign. `accept(prefix)` prunes as soon as a prefix breaks an identity of the form.
 */
export interface SplitSpec {
  count: number;
  money?: ReadonlySet<number>;
  signed?: ReadonlySet<number>;
  /** Called with the numbers so far after each column; false abandons the branch. */
  accept?: (prefix: number[]) => boolean;
  /** Stop after this many candidates: beyond a few, the run is ambiguous anyway. */
  limit?: number;
}

export interface Split {
  values: number[];
  /** Each value's text as printed (for evidence). */
  texts: string[];
}

export function splitRun(run: string, spec: SplitSpec): Split[] {
  const s = run.replace(/[−–]/g, '-').replace(/[,，]/g, '').trim();
  const limit = spec.limit ?? 64;
  const out: Split[] = [];
  const values: number[] = [];
  const texts: string[] = [];

  const walk = (pos: number, col: number): void => {
    if (out.length >= limit) return;
    while (s[pos] === ' ') pos++;
    if (col === spec.count) {
      if (pos === s.length) out.push({ values: [...values], texts: [...texts] });
      return;
    }
    if (pos >= s.length) return;
    for (const [text, end] of numbersAt(s, pos, spec.money?.has(col) ?? false, spec.signed?.has(col) ?? false)) {
      // A cell boundary inside the run is either a space or the glue point: never split mid-number across a space.
      values.push(parseCell(text));
      texts.push(text);
      if (!spec.accept || spec.accept(values)) walk(end, col + 1);
      values.pop();
      texts.pop();
    }
  };
  walk(0, 0);
  return out;
}

/** Every number that can start at `pos`: its text and where it ends. */
function numbersAt(s: string, pos: number, money: boolean, signed: boolean): [string, number][] {
  const out: [string, number][] = [];
  let p = pos;
  if (s[p] === '-') {
    if (!signed) return out;
    p++;
  }
  if (!isDigit(s, p)) return out;
  const maxInt = s[p] === '0' ? p + 1 : digitsEnd(s, p);
  for (let e = p + 1; e <= maxInt; e++) {
    if (money && s[e] === '.' && isDigit(s, e + 1)) {
      for (let d = e + 2; d <= digitsEnd(s, e + 1); d++) out.push(...withUnit(s, pos, d));
    }
    out.push(...(money ? withUnit(s, pos, e) : [[s.slice(pos, e), e] as [string, number]]));
  }
  return out;
}

function withUnit(s: string, start: number, end: number): [string, number][] {
  if (s.startsWith('万元', end)) return [[s.slice(start, end + 2), end + 2]];
  if (s[end] === '元') return [[s.slice(start, end + 1), end + 1]];
  return [[s.slice(start, end), end]];
}

function digitsEnd(s: string, p: number): number {
  let e = p;
  while (isDigit(s, e)) e++;
  return e;
}

function isDigit(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  return c >= 48 && c <= 57;
}

const parseCell = (t: string) => Number(t.replace(/万?元$/, ''));
