import { squeeze } from '../partition/normalize';

const REPORT = '(?:政府信息公开|政务公开|信息公开)(?:工作)?(?:年度)?(?:报告|年报)';
/** `平潭综合实验区2024年度政府信息公开工作年度报告`: the agency before the year. */
const AGENCY_FIRST = new RegExp(`([^\\d，。：:；;、“”《》()（）\\[\\]|]{2,40}?)(\\d{4})年度?${REPORT}`);
/** `2024年上海市科委政府信息公开工作年度报告`: the year before the agency. */
const YEAR_FIRST = new RegExp(`(\\d{4})年度?([^\\d，。：:；;、“”《》()（）|]{2,30}?)${REPORT}`);
/** Site names and labels that precede the agency in page titles or header lines. */
const PREFIX = /^(?:.*[-_|—–>＞»])|^(?:标题|题目|名称|正文|首页|当前位置)/;

export interface TitleFacts {
  agency: string;
  year: number;
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
  return first ? { agency: first.agency, year: first.year } : null;
}

function cleanAgency(s: string): string | null {
  let a = s;
  for (let prev = ''; prev !== a; ) {
    prev = a;
    a = a.replace(PREFIX, '');
  }
  a = a.replace(/^(?:关于|印发)/, '').replace(/(?:关于|的)$/, '');
  return a.length >= 2 ? a : null;
}
