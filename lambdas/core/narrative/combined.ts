import type { FigurePattern } from './patterns';

/**
 * Phrases that name more than one row of table 3 at once, read before the single-row patterns so
 * `予以公开及部分公开29件` is never taken for 部分公开 alone. A combined phrase states a derived key
 * (values/derived.ts); a phrase that fits several keys is marked ambiguous with all of them, may
 * match any of them (rule S8), and never decides a table cell. `re` and `fill` are patterns.ts's.
 */
export const combinedPatterns = (re: (s: string) => RegExp, fill: string, apply: RegExp): FigurePattern[] => [
  // 予以公开及部分公开 / 予以公开和部分公开 / 全部或部分公开 / 全部公开或部分公开: granted + partial.
  { key: 't3.grantedAndPartial.total', re: re(`(?:予以公开|同意公开|全部公开|全部)(?:及|和|与|或|、)(?:予以)?部分公开${fill}N件`), context: apply },
  // 因本机关不掌握等原因无法提供: the 无法提供 subtotal, or only its 不掌握 row; reports use it for both.
  {
    key: 't3.unable.sum.total',
    re: re(`不掌握(?:相关)?(?:政府)?(?:信息)?等(?:原因|情形|情况)?(?:而)?无法提供${fill}N件`),
    ambiguous: ['t3.unable.sum.total', 't3.unable.noInfo.total'],
  },
];
