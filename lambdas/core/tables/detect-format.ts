import type { Format } from '../types';

/** Column headings and rows that only one national format has (fields.md). */
const MARKS_2021 = /本年制发件数|本年废止件数|现行有效件数|逾期不补正|收费通知要求/g;
const MARKS_2019 = /本年新制作数量|本年新公开数量|对外公开总数量|上一年项目数量|本年增\/?减|政府集中采购|采购总金额|其他对外管理服务事项/g;

/** The format from the tables' shape, not from the year: a 2021 report on the old form is a finding. */
export function detectFormat(tableText: string): Format {
  const s = tableText.replace(/\s+/g, '');
  const n21 = s.match(MARKS_2021)?.length ?? 0;
  const n19 = s.match(MARKS_2019)?.length ?? 0;
  if (n21 === 0 && n19 === 0) return 'unknown';
  return n21 >= n19 ? '2021' : '2019';
}
