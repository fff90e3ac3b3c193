import { squeeze } from '../partition/normalize';
import { afterTrail } from './chrome';

const REPORT = '(?:政府信息公开|政务公开|信息公开)(?:工作)?(?:年度)?(?:报告|年报)';
/**
 * `平潭综合实验区2024年度政府信息公开工作年度报告`: the agency before the year. Digits (ASCII and
 * full-width), letters and Roman numerals belong to names (`第8师`, `246团`, `第Ⅻ师`); the year is the
 * last four digits before 年, never part of a longer number.
 */
const AGENCY_FIRST = new RegExp(`([^，。：:；;、“”《》()（）\\[\\]|]{2,40}?)(?<!\\d)(\\d{4})年度?${REPORT}`);
/** `2024年上海市科委政府信息公开工作年度报告`: the year before the agency. */
const YEAR_FIRST = new RegExp(`(?<!\\d)(\\d{4})年度?([^，。：:；;、“”《》()（）|]{2,30}?)${REPORT}`);
/** What is left of a name that says only what kind of body it is (`政府`, `本机关`): no agency can be told from it. */
const GENERIC = /^(?:本|我|该|各)?(?:级)?(?:人民)?(?:政府|机关|单位|部门|局|厅|委|办|院|署|中心)(?:办公室|办公厅)?$/;
/** A date or time printed before the title (`2023-03-25 10:12`), now that digits may belong to a name. */
const DATE_PREFIX = /^\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?/;
/** Digits left at the start by a cut-off date or time: a name starts with a number only as a numbered unit (`246团`, `8师`). */
const STRAY_DIGITS = /^[0-9０-９]+(?![0-9０-９]*[团师旅营连厂场队所号])/;
/** Site names and labels that precede the agency in page titles or header lines. */
const PREFIX = /^(?:.*[-_|—–>＞»])|^(?:标题|题目|名称|正文|首页|当前位置)/;

export interface TitleFacts {
  /** Null when the title names no particular body (`政府`): `doubtful` then holds what it said. */
  agency: string | null;
  year: number;
  doubtful?: string;
}

/** Agency and year as a report title states them, or null when the text holds no such title. */
export function readTitle(candidate: string): TitleFacts | null {
  const s = squeeze(candidate);
  const found: (TitleFacts & { at: number })[] = [];
  const a = s.match(AGENCY_FIRST);
  const aAgency = a && cleanAgency(a[1]);
  if (a && aAgency) found.push({ agency: aAgency, year: +a[2], at: a.index! });
  const b = s.match(YEAR_FIRST);
  const bAgency = b && cleanAgency(b[2]);
  if (b && bAgency) found.push({ agency: bAgency, year: +b[1], at: b.index! });
  // The title comes first; a later match is a sentence of the preamble (`市科委编制了2024年度…报告`).
  const first = found.sort((x, y) => x.at - y.at)[0];
  if (!first?.agency) return null;
  return GENERIC.test(first.agency) ? { agency: null, year: first.year, doubtful: first.agency } : { agency: first.agency, year: first.year };
}

function cleanAgency(s: string): string | null {
  let a = afterTrail(s);
  for (let prev = ''; prev !== a;) {
    prev = a;
    a = a.replace(PREFIX, '').replace(DATE_PREFIX, '').replace(STRAY_DIGITS, '').trim();
  }
  a = a.replace(/^(?:关于|印发)/, '').replace(/(?:关于|的)$/, '');
  // A name has words: two Han characters at least (a Markdown rule or a dash left of a title is none).
  return a.length >= 2 && (a.match(/\p{Script=Han}/gu)?.length ?? 0) >= 2 ? a : null;
}
