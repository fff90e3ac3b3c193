/**
 * One agency, however its name is printed: the identity every place that keys or matches agencies
 * uses (the store's slots and agency index, the kin and review partitions through the audit's
 * matching name, the audit's grouping, the API's directory). Width, spaces, bracket and quote
 * styles are folded (NFKC and a few marks), and a numbered unit's number is read as digits:
 * 第8师, 第８师 and 第八师 are one agency, 二二四团 and 224团 one regiment.
 */
export function agencyIdentity(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/[\s\u3000·•・]/g, '')
    .replace(/[“”"「」『』《》]/g, '')
    .replace(/[（]/g, '(')
    .replace(/[）]/g, ')')
    .replace(NUMBERED, (_m, ordinal: string | undefined, n1: string | undefined, n2: string | undefined, unit: string | undefined) =>
      ordinal !== undefined ? `第${hanNumber(n1!)}` : `${hanNumber(n2!)}${unit}`,
    );
}

/** One name per identity, the first printed: the agency partitions a list of printed names reaches. */
export function oneNamePerIdentity(names: readonly string[]): string[] {
  const seen = new Set<string>();
  return names.filter((n) => {
    const id = agencyIdentity(n);
    return !seen.has(id) && seen.add(id);
  });
}

const NUMERALS = '〇零一二三四五六七八九十百千两';
/**
 * A number naming a unit: after 第 (第八师, 第十二中学), or before the units that are numbered in
 * names (八师, 一四八团). Elsewhere numerals are words of the name (三亚市, 九江市, 十堰市) and stay.
 */
const NUMBERED = new RegExp(`(第)([${NUMERALS}]+)|([${NUMERALS}]+)(师|团)`, 'g');

const DIGIT: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const POWER: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** 八 → 8, 十二 → 12, 一百零五 → 105, 二二四 → 224 (written digit by digit when it has no 十/百/千). */
function hanNumber(s: string): string {
  if (![...s].some((c) => c in POWER)) return [...s].map((c) => DIGIT[c]).join('');
  let total = 0;
  let digit = 0;
  for (const c of s) {
    if (c in POWER) {
      total += (digit || 1) * POWER[c];
      digit = 0;
    } else digit = DIGIT[c];
  }
  return String(total + digit);
}
