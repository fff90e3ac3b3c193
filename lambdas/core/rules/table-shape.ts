import type { Format, Report } from '../types';

/** Table 2 columns only one format has: the clearest sign of which form a report filled in. */
const COLUMNS_2019 = /^t2\.\w+\.(?:made|published|total|prev|change|count)$|^t2\.(?:otherServices|procurement)\./;
const COLUMNS_2021 = /^t2\.\w+\.(?:issued|repealed|valid)$|^t2\.fees\.amount$/;

/**
 * The national format the tables follow, judged by their shape: table 2's columns decide; without
 * table 2, the parser's verdict stands (it also reads table 3's 其他处理 rows).
 */
export function tableShape(report: Report): Format {
  // Both patterns read table 2's keys only: the rest (most of a record) are not matched at all.
  const keys = Object.keys(report.values).filter((k) => k.startsWith('t2.'));
  const n2019 = keys.filter((k) => COLUMNS_2019.test(k)).length;
  const n2021 = keys.filter((k) => COLUMNS_2021.test(k)).length;
  if (n2019 > n2021) return '2019';
  if (n2021 > n2019) return '2021';
  return report.format;
}

/** The format a reporting year must use: the 2019 form for 2019–2020, the 2021 form from 2021. */
export function expectedFormat(year: number): Format {
  if (year < 2019) return 'unknown';
  return year <= 2020 ? '2019' : '2021';
}
