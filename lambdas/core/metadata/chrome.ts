/**
 * Portal chrome that scrapers keep before a report's title: a breadcrumb trail (`首页 > 政务公开 > …`,
 * `•首页•政务公开•政府信息公开•政府信息公开年报`, `当前位置：首页/…`) and the column name it ends in,
 * glued to the title by the scraper. Neither names the agency.
 */
const TRAIL_START = /(?:网站首页|首页|主页|当前位置|您的位置|您所在的位置|所在位置)/;
const SEPARATOR = /[•·‧∙*>›»＞→/\\|]/;
/** Column names a trail ends in, left glued to the title (`政府信息公开年报平潭综合实验区…`). */
const COLUMN = /^(?:(?:政府|政务)?信息公开(?:工作)?(?:年度报告|年报|目录|指南)?|政务公开|法定主动公开内容|年度报告|工作年报|年报)+/;

/** The text after a breadcrumb trail (and the column name at its end); the text unchanged when it has none. */
export function afterTrail(s: string): string {
  const start = s.search(TRAIL_START);
  if (start < 0) return s;
  let cut = -1;
  for (let i = start; i < s.length; i++) if (SEPARATOR.test(s[i])) cut = i;
  if (cut < 0) return s;
  return s.slice(cut + 1).replace(COLUMN, '');
}
