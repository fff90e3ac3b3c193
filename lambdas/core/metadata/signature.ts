import { squeeze } from '../partition/normalize';

/** `2024年1月17日`, `二〇二四年一月十七日`: the date a report is signed with. */
const DATE_LINE = /^(?:\d{4}|[〇零一二三四五六七八九]{4})年[\d一二三四五六七八九十]{1,3}月[\d一二三四五六七八九十]{1,3}日$/;
/** What a body's name ends in. */
const BODY = /(?:局|委员会|委|办公室|办公厅|办|人民政府|政府|院|厅|会|中心|署|处|所|站|队|馆|街道办事处|街道|镇|乡|区|县|市|旗|师|团|部)$/;
const NAME = /^[\p{Script=Han}（）()·0-9０-９]{2,40}$/u;
/** How far from the end of the text the signature may stand (footers of a portal page come after it). */
const TAIL_LINES = 40;

/**
 * The agency a report is signed by: the line above its closing date (`沭阳县发展和改革局` / `2024年1月17日`),
 * when it is a body's name. Read when the title names none.
 */
export function readSignature(text: string): string | null {
  const lines = text
    .split('\n')
    .map(squeeze)
    .filter((l) => l !== '')
    .slice(-TAIL_LINES);
  for (let i = lines.length - 1; i > 0; i--) {
    if (!DATE_LINE.test(lines[i])) continue;
    const name = lines[i - 1];
    if (NAME.test(name) && BODY.test(name)) return name;
  }
  return null;
}
