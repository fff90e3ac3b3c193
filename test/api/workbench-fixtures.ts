import type { Agency } from '../../lambdas/core/audit';
import { checkReport } from '../../lambdas/core/rules';
import type { Report } from '../../lambdas/core/types';
import { putRegistry } from '../../lambdas/store/audit';
import { makeReportSpec } from '../../scripts/generate/values';
import type { LocalStack } from '../../local/stack';
import { report } from '../audit/fixtures';
import { seed } from './fixtures';

/**
 * A province-sized world for the workbench: 62 registered agencies in two cities (a city
 * government, six city departments, three districts with a government and seven departments
 * each), reports for 2023 and 2024 with the real report rules' findings, two agencies missing
 * in 2024 and one government printed without its city in 2023.
 */
export const WB_YEARS = [2023, 2024] as const;

const CITIES: Record<string, string[]> = { 淮安市: ['洪泽区', '清江浦区', '淮阴区'], 盐城市: ['亭湖区', '盐都区', '大丰区'] };
const CITY_DEPARTMENTS = ['发展和改革委员会', '教育局', '公安局', '民政局', '财政局', '司法局'];
const DISTRICT_DEPARTMENTS = ['教育局', '公安局', '民政局', '财政局', '卫生健康委员会', '市场监督管理局', '自然资源局'];

const agency = (name: string, kind: Agency['kind'], region: string, level: string, parent: string | null): Agency => ({
  name,
  aliases: [],
  kind,
  region,
  level,
  parent,
  deadline: null,
});

export const WB_REGISTRY: Agency[] = Object.entries(CITIES).flatMap(([city, districts]) => {
  const gov = `${city}人民政府`;
  return [
    agency(gov, 'government', city, '市', null),
    ...CITY_DEPARTMENTS.map((d) => agency(`${city}${d}`, 'department', city, '市', gov)),
    ...districts.flatMap((district) => {
      const dgov = `${city}${district}人民政府`;
      return [
        agency(dgov, 'government', city, '县', null),
        ...DISTRICT_DEPARTMENTS.map((d) => agency(`${city}${district}${d}`, 'department', city, '县', dgov)),
      ];
    }),
  ];
});

/** No 2024 report from these two: X3-MISSING once the audit runs. */
export const WB_MISSING_2024 = ['盐城市大丰区自然资源局', '淮安市淮阴区财政局'];
/** Printed without its city in 2023 (洪泽区人民政府): one agency in the audit and on its page. */
export const WB_ALIASED = { registered: '淮安市洪泽区人民政府', printed2023: '洪泽区人民政府' };

export function workbenchReports(): Report[] {
  return WB_YEARS.flatMap((year) =>
    WB_REGISTRY.filter((a) => !(year === 2024 && WB_MISSING_2024.includes(a.name))).map((a, i) => {
      const values = { ...makeReportSpec({ format: '2021', seed: year * 1000 + i, agency: a.name, year }).values };
      // Every seventh agency breaks table 3's balance: an S5 error in its cells.
      if (i % 7 === 3) values['t3.granted.natural'] += 5;
      const printed = year === 2023 && a.name === WB_ALIASED.registered ? WB_ALIASED.printed2023 : a.name;
      const r = report(printed, year, values, `${year + 1}-01-${String(10 + (i % 20)).padStart(2, '0')}`);
      return { ...r, findings: checkReport(r) };
    }),
  );
}

/** Stores the registry and the reports through the store's write path, as ingest and the audit's registry upload do. */
export async function seedWorkbench(stack: LocalStack): Promise<Report[]> {
  await putRegistry(WB_REGISTRY);
  const reports = workbenchReports();
  await seed(stack, reports);
  return reports;
}
