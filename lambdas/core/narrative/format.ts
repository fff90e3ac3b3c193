/**
 * The national format a report follows, from its wording when the tables do not say: the 2019
 * form's own column names and notice number, else the 2021 form's, else the reporting year
 * (the 2019 format served the 2019 and 2020 reports).
 */
export function inferFormat(text: string): '2019' | '2021' {
  if (/本年新制作数量|本年新公开数量|其他对外管理服务事项|政府集中采购|〔2019〕60号/.test(text)) return '2019';
  if (/本年制发件数|现行有效件数|〔2021〕30号/.test(text)) return '2021';
  const year = text.slice(0, 3000).match(/(20\d\d)\s*年/);
  return year && Number(year[1]) <= 2020 ? '2019' : '2021';
}
