/**
 * A consistent multi-year, multi-agency world built from the sample generator: every agency's tables
 * carry over from year to year, document stocks roll forward, governments cover their departments,
 * narratives differ between agencies and years. Tests mutate it to break one rule at a time.
 */
import { createHash } from 'node:crypto';
import type { Agency } from '../../lambdas/core/audit';
import { toCsv } from '../../lambdas/core/csv';
import type { Report, Section } from '../../lambdas/core/types';
import { Random } from '../../scripts/generate/random';
import { T3_COLUMNS, T4_GROUPS, t2Rows } from '../../lambdas/core/form';
import { makeReportSpec } from '../../scripts/generate/values';

const GOVERNMENT = '淮安市洪泽区人民政府';

function agency(name: string, kind: Agency['kind'], level: string, extra: Partial<Agency> = {}): Agency {
  return { name, aliases: [], kind, region: '江苏省淮安市', level, parent: null, deadline: null, ...extra };
}

/** One county government, ten of its departments (a rated peer group), three city departments (too few to rate). */
export const REGISTRY: Agency[] = [
  agency(GOVERNMENT, 'government', '县', { aliases: ['洪泽区政府'] }),
  ...['教育局', '公安局', '民政局', '财政局', '自然资源局', '生态环境局', '住房和城乡建设局', '交通运输局', '水务局', '卫生健康委员会'].map((d) =>
    agency(`淮安市洪泽区${d}`, 'department', '县', { parent: GOVERNMENT }),
  ),
  ...['审计局', '统计局', '档案局'].map((d) => agency(`淮安市${d}`, 'department', '市')),
];

/** Characters for prose: random draws from a few hundred give narratives that share no shingles by chance. */
const PROSE =
  '政府信息公开工作年度报告本机关坚持以人民为中心的发展思想全面贯彻落实条例要求推进决策执行管理服务结果公开加强平台建设规范依申请办理提升解读回应质效完善制度机制强化监督保障深化重点领域基层政务主动发布渠道队伍培训考核落实整改问题不足下一步将进一步健全常态化长效化标准化规范化便民利企营商环境数据开放共享网站新媒体热线留言咨询意见建议答复办理时限质量水平能力专题栏目更新维护安全审查保密检查';

export function prose(rnd: Random, length: number): string {
  let s = '';
  while (s.length < length) s += PROSE[rnd.int(0, PROSE.length - 1)];
  return s;
}

function sections(agencyName: string, year: number, rnd: Random): Section[] {
  return [
    { n: 1, title: '一、总体情况', text: `${year}年，${agencyName}${prose(rnd, 400)}。` },
    { n: 2, title: '二、主动公开政府信息情况', text: '' },
    { n: 3, title: '三、收到和处理政府信息公开申请情况', text: '' },
    { n: 4, title: '四、政府信息公开行政复议、行政诉讼情况', text: '' },
    { n: 5, title: '五、存在的主要问题及改进情况', text: prose(rnd, 200) },
    { n: 6, title: '六、其他需要报告的事项', text: prose(rnd, 60) },
  ];
}

export function report(agencyName: string, year: number, values: Record<string, number>, publishedAt: string): Report {
  const seed = hashSeed(`${agencyName}|${year}`);
  return {
    id: `${agencyName}-${year}`,
    status: 'parsed',
    reason: null,
    // Distinct content per report, as the store's idempotency on content expects.
    input: { kind: 'html', bytes: 0, sha256: createHash('sha256').update(`${agencyName}|${year}`).digest('hex'), encoding: 'utf-8', script: 'simplified' },
    agency: agencyName,
    year,
    format: year >= 2021 ? '2021' : '2019',
    publishedAt,
    sections: sections(agencyName, year, new Random(seed)),
    tables: ['t2', 't3', 't4'],
    values,
    evidence: {},
    derived: {},
    narrative: [],
    repairs: [],
    findings: [],
  };
}

function hashSeed(s: string): number {
  let h = 2166136261;
  for (const c of s) h = Math.imul(h ^ c.codePointAt(0)!, 16777619);
  return h >>> 0;
}

const COLS = T3_COLUMNS.map((c) => c.key).filter((c) => c !== 'total');

/** Makes `cur` continue `prev`: carried-over applications and documents in force follow on. */
function continueFrom(cur: Record<string, number>, prev: Record<string, number>): void {
  for (const col of COLS) {
    const delta = prev[`t3.carriedForward.${col}`] - cur[`t3.carriedOver.${col}`];
    cur[`t3.carriedOver.${col}`] += delta;
    // Keep the balance newReceived + carriedOver = totalProcessed + carriedForward.
    if (delta >= 0) {
      cur[`t3.granted.${col}`] += delta;
      cur[`t3.totalProcessed.${col}`] += delta;
    } else cur[`t3.newReceived.${col}`] -= delta;
  }
  retotal(cur);
  for (const { key: kind } of t2Rows('2021').filter((r) => r.columns.some((c) => c.key === 'valid'))) {
    if (!(`t2.${kind}.valid` in cur) || !(`t2.${kind}.valid` in prev)) continue;
    const before = prev[`t2.${kind}.valid`];
    cur[`t2.${kind}.repealed`] = Math.min(cur[`t2.${kind}.repealed`], before + cur[`t2.${kind}.issued`]);
    cur[`t2.${kind}.valid`] = before + cur[`t2.${kind}.issued`] - cur[`t2.${kind}.repealed`];
  }
}

function retotal(v: Record<string, number>): void {
  for (const key of Object.keys(v)) {
    const m = /^(t3\..+)\.total$/.exec(key);
    if (m) v[key] = COLS.reduce((a, c) => a + (v[`${m[1]}.${c}`] ?? 0), 0);
  }
}

/** The government's figures include its departments': add theirs to its own. */
function aggregate(gov: Record<string, number>, departments: Record<string, number>[]): void {
  for (const d of departments) {
    // Departments' applications arrive and are granted in the government's natural-person column.
    for (const row of ['newReceived', 'granted', 'totalProcessed']) gov[`t3.${row}.natural`] += d['t3.newReceived.total'];
    for (const { key: group } of T4_GROUPS) {
      gov[`t4.${group}.upheld`] += d[`t4.${group}.total`];
      gov[`t4.${group}.total`] += d[`t4.${group}.total`];
    }
  }
  retotal(gov);
}

export interface World {
  registry: Agency[];
  reports: Report[];
}

/**
 * Reports of every registered agency for `years`, each year continuing the last. The same agency
 * keeps its seed, so its figures stay of one size from year to year (no spurious jumps).
 */
export function makeWorld(years: number[]): World {
  const key = years.join(',');
  if (!worlds.has(key)) worlds.set(key, buildWorld(years));
  // Tests mutate their copy.
  return structuredClone(worlds.get(key)!);
}

const worlds = new Map<string, World>();

function buildWorld(years: number[]): World {
  const reports: Report[] = [];
  let previous = new Map<string, Record<string, number>>();
  for (const year of years) {
    const format = year >= 2021 ? '2021' : '2019';
    const current = new Map<string, Record<string, number>>();
    for (const [i, a] of REGISTRY.entries()) {
      const values = { ...makeReportSpec({ format, seed: 1000 + i, agency: a.name, year }).values };
      // Decisions are drawn over five orders of magnitude per report; an agency keeps one size here.
      values['t2.licensing.decisions'] = 300 + 37 * i;
      values['t2.penalty.decisions'] = 120 + 11 * i;
      const prev = previous.get(a.name);
      if (prev) continueFrom(values, prev);
      current.set(a.name, values);
    }
    const gov = current.get(GOVERNMENT)!;
    aggregate(
      gov,
      REGISTRY.filter((a) => a.parent === GOVERNMENT).map((a) => current.get(a.name)!),
    );
    for (const a of REGISTRY) {
      const published = a.kind === 'government' ? `${year + 1}-03-20` : `${year + 1}-01-20`;
      reports.push(report(a.name, year, current.get(a.name)!, published));
    }
    previous = current;
  }
  return { registry: REGISTRY, reports };
}

export const GOVERNMENT_NAME = GOVERNMENT;

/** The registry as the CSV supervisors upload. */
export function registryCsv(registry: Agency[]): string {
  const rows = registry.map((a) => [a.name, a.aliases.join(';'), a.kind, a.region, a.level, a.parent ?? '', a.deadline ?? '']);
  return toCsv([['name', 'aliases', 'kind', 'region', 'level', 'parent', 'deadline'], ...rows]);
}

/**
 * The consistent 2021–2022 world broken so that every audit rule fires at least once: the same data
 * for the in-memory audit and the audit on the store, so their findings can be compared whole.
 */
export function brokenWorld(): World {
  const world = makeWorld([2021, 2022]);
  const at = (suffix: string, year: number) => world.reports.find((r) => r.agency === `淮安市洪泽区${suffix}` && r.year === year)!;
  const office = (name: string, year: number) => world.reports.find((r) => r.agency === name && r.year === year)!;
  at('教育局', 2022).values['t3.carriedOver.total'] += 3; // X1
  at('民政局', 2022).values['t2.normative.valid'] += 5; // X2
  at('财政局', 2022).publishedAt = '2023-02-15'; // X3-LATE
  const prev = at('自然资源局', 2021);
  at('自然资源局', 2022).sections = prev.sections.map((s) => ({ ...s, text: [...s.text].map((c, i) => (i % 20 === 0 ? '新' : c)).join('') })); // X4-PREV
  const source = at('生态环境局', 2022);
  at('交通运输局', 2022).sections = source.sections.map((s) => ({ ...s, text: s.text.split(source.agency!).join('淮安市洪泽区交通运输局') })); // X4-NARRATIVE
  office('淮安市统计局', 2022).values = { ...office('淮安市审计局', 2022).values }; // X4-TABLES
  at('水务局', 2022).values['t2.licensing.decisions'] *= 6; // X5-JUMP
  at('卫生健康委员会', 2022).values['t2.penalty.decisions'] = 0; // X5-ZERO
  office(GOVERNMENT, 2022).values['t3.newReceived.total'] = 1; // X6
  office('淮安市档案局', 2022).format = '2019'; // X7
  office(GOVERNMENT, 2022).agency = '洪泽区人民政府'; // matched without its city
  const unregistered = report('淮安市洪泽区不存在局', 2022, { ...at('住房和城乡建设局', 2022).values, 't3.newReceived.total': 7 }, '2023-01-10');
  // X3-MISSING: the police's 2022 report never arrives; X3-UNREGISTERED: a name the registry lacks.
  world.reports = [...world.reports.filter((r) => !(r.agency === '淮安市洪泽区公安局' && r.year === 2022)), unregistered];
  return world;
}
