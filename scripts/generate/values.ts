/**
 * Synthetic annual reports as data: a seed gives the agency, year, publication date and every
 * canonical table value of docs/fields.md, consistent with all of its identities.
 * Renderers turn a spec into HTML or scraped text; tests and rules mutate specs to break them.
 */
import { T3_APPLICANTS, T4_COLUMNS, T4_GROUPS, t2Rows, t3Outcomes, t3Rows, type FormFormat } from '../../lambdas/core/form';
import { narrativeKeys, type NarrativeLabel } from './narrative';
import { Random } from './random';

export { identityBreaks, type IdentityBreak } from './identities';
export type { NarrativeLabel } from './narrative';

export interface ReportSpecOptions {
  format: FormFormat;
  seed: number;
  agency?: string;
  year?: number;
  /** YYYY-MM-DD. */
  publishedAt?: string;
}

export interface ReportSpec {
  /** The seed it was made from; renderers draw their prose and layout choices from it too. */
  seed: number;
  agency: string;
  year: number;
  format: FormFormat;
  publishedAt: string;
  /** Every canonical table key of the format (tableKeys), integers except money in 万元. */
  values: Record<string, number>;
  /** Figures the narrative states, each equal to its table value. */
  narrative: NarrativeLabel[];
}

/** Fictional agencies: departments publish by 31 January, governments by 31 March. */
const AGENCIES = [
  '青川市人民政府办公室',
  '临江县自然资源局',
  '云岭市生态环境局',
  '东湖区人民政府',
  '江宁市交通运输局',
  '北塘镇人民政府',
  '南溪县教育局',
  '白沙市市场监督管理局',
] as const;

export function makeReportSpec(options: ReportSpecOptions): ReportSpec {
  const rnd = new Random(options.seed);
  const format = options.format;
  // Drawn whether or not they are overridden, so overriding metadata leaves the values as they were.
  const agency = pickOr(options.agency, rnd.pick(AGENCIES));
  const year = pickOr(options.year, format === '2019' ? rnd.int(2019, 2020) : rnd.int(2021, 2025));
  const publishedAt = pickOr(options.publishedAt, publicationDate(rnd, agency, year));
  const values = { ...table2(rnd, format), ...table3(rnd, format), ...table4(rnd) };
  const narrative = narrativeKeys(format)
    // Real reports state some figures and not others; the balance figure least often.
    .filter((key) => key !== 't3.carriedForward.total' || rnd.chance(0.5))
    .map((key) => ({ key, value: values[key] }));
  return { seed: options.seed, agency, year, format, publishedAt, values, narrative };
}

const pickOr = <T>(given: T | undefined, drawn: T): T => given ?? drawn;

function publicationDate(rnd: Random, agency: string, year: number): string {
  const government = /人民政府(?!办公)|管委会/.test(agency);
  // Drawn for every agency, so the draws that follow do not depend on which kind it is.
  const governmentMonth = rnd.int(1, 3);
  const month = government ? governmentMonth : 1;
  const day = rnd.int(5, month === 2 ? 28 : 31);
  return `${year + 1}-${pad(month)}-${pad(day)}`;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Each document row's draws: documents made (制发, 新制作), repealed, in force besides this year's, published before. */
const DOCUMENTS: Record<
  string,
  { made: (r: Random) => number; repealed: (r: Random) => number; inForce: (r: Random) => number; older: (r: Random) => number }
> = {
  rules: {
    made: (r) => (r.chance(0.2) ? r.int(1, 3) : 0),
    repealed: (r) => (r.chance(0.15) ? r.int(1, 2) : 0),
    inForce: (r) => (r.chance(0.3) ? r.int(1, 25) : 0),
    older: (r) => r.int(0, 20),
  },
  normative: { made: (r) => r.int(0, 90), repealed: (r) => r.int(0, 40), inForce: (r) => r.int(10, 500), older: (r) => r.int(0, 500) },
};

/** Each item row's scale: at most this many items last year, decisions of this magnitude. */
const ITEMS: Record<string, { prev: number; decisions?: number }> = {
  licensing: { prev: 800, decisions: 60000 },
  otherServices: { prev: 60, decisions: 10000 },
  penalty: { prev: 3000, decisions: 8000 },
  coercion: { prev: 200, decisions: 300 },
  fees: { prev: 60 },
};

type Draw = (rnd: Random, row: string, cell: (col: string) => number) => number;

/** How a table-2 cell is drawn, by its column, from the row's scale and the row's cells drawn before it. */
const DRAWS: Record<string, Draw> = {
  issued: (rnd, row) => DOCUMENTS[row].made(rnd),
  made: (rnd, row) => DOCUMENTS[row].made(rnd),
  repealed: (rnd, row) => DOCUMENTS[row].repealed(rnd),
  valid: (rnd, row, cell) => cell('issued') + DOCUMENTS[row].inForce(rnd),
  published: (rnd, _row, cell) => (rnd.chance(0.7) ? cell('made') : rnd.int(0, cell('made'))),
  total: (rnd, row, cell) => cell('published') + DOCUMENTS[row].older(rnd),
  prev: (rnd, row) => rnd.int(0, ITEMS[row].prev),
  change: (rnd, _row, cell) => projectChange(rnd, cell('prev')),
  decisions: (rnd, row) => rnd.magnitude(ITEMS[row].decisions!),
  count: (rnd) => rnd.int(0, 300),
  // 行政事业性收费 (2021) in 万元, or 政府集中采购's amount (2019), none without projects.
  amount: (rnd, row, cell) => (row === 'fees' ? (rnd.chance(0.7) ? rnd.money(0.5, 30000) : 0) : cell('count') === 0 ? 0 : rnd.money(10, 50000)),
};

/**
 * Table 2 from the form's rows and columns. The 2021 form's 本年制发件数 are drawn first, then every
 * other cell in printed order (the order of draws fixes every generated sample).
 */
function table2(rnd: Random, format: FormFormat): Record<string, number> {
  const drawn: Record<string, number> = {};
  const cells = t2Rows(format).flatMap((row) => row.columns.map((col) => ({ row: row.key, col: col.key, key: `t2.${row.key}.${col.key}` })));
  const first = format === '2021' ? cells.filter((c) => c.col === 'issued') : [];
  for (const c of [...first, ...cells.filter((x) => !first.includes(x))]) drawn[c.key] = DRAWS[c.col](rnd, c.row, (col) => drawn[`t2.${c.row}.${col}`]);
  return Object.fromEntries(cells.map((c) => [c.key, drawn[c.key]]));
}

/** 本年增/减: mostly unchanged, sometimes a few items more or (never below zero) fewer. */
function projectChange(rnd: Random, prev: number): number {
  if (rnd.chance(0.6)) return 0;
  return rnd.chance(0.25) && prev > 0 ? -rnd.int(1, Math.min(prev, 5)) : rnd.int(1, 12);
}

/** How likely an applicant column has any applications, and how many it gets when it does. */
const APPLICANTS: Record<string, { p: number; max: number }> = {
  natural: { p: 1, max: 320 },
  commercial: { p: 0.6, max: 15 },
  research: { p: 0.12, max: 3 },
  social: { p: 0.12, max: 3 },
  legal: { p: 0.3, max: 5 },
  other: { p: 0.15, max: 3 },
};

/** Outcome rows' relative frequency, and how likely a column uses the row at all. */
const OUTCOME_WEIGHT: Record<string, { p: number; w: number }> = {
  granted: { p: 1, w: 6 },
  partial: { p: 0.6, w: 1.5 },
  'unable.noInfo': { p: 0.8, w: 3 },
  'unable.needCreation': { p: 0.2, w: 0.5 },
  'unable.unclear': { p: 0.3, w: 0.5 },
  'denied.thirdParty': { p: 0.25, w: 0.4 },
  'denied.internalAffairs': { p: 0.2, w: 0.6 },
  'denied.processInfo': { p: 0.2, w: 0.4 },
  'notProcessed.complaint': { p: 0.3, w: 0.6 },
  'notProcessed.repeat': { p: 0.3, w: 0.5 },
  otherHandling: { p: 0.4, w: 0.6 },
  'otherHandling.overdueCorrection': { p: 0.3, w: 0.5 },
  'otherHandling.other': { p: 0.3, w: 0.4 },
};
const RARE_OUTCOME = { p: 0.05, w: 0.2 };

function table3(rnd: Random, format: FormFormat): Record<string, number> {
  const values: Record<string, number> = {};
  const rows = t3Rows(format);
  const leaves = t3Outcomes(format).map((r) => r.key);
  for (const { key: col } of T3_APPLICANTS) {
    const { p, max } = APPLICANTS[col];
    const busy = col === 'natural' || rnd.chance(p);
    const newReceived = busy ? rnd.int(col === 'natural' ? 3 : 1, max) : 0;
    const carriedOver = busy && rnd.chance(col === 'natural' ? 0.5 : 0.1) ? rnd.int(1, Math.ceil(max / 25)) : 0;
    const available = newReceived + carriedOver;
    const carriedForward = available > 0 && rnd.chance(0.4) ? rnd.int(0, Math.max(1, Math.floor(available / 10))) : 0;
    const processed = available - carriedForward;
    for (const row of rows) values[`t3.${row.key}.${col}`] = 0;
    values[`t3.newReceived.${col}`] = newReceived;
    values[`t3.carriedOver.${col}`] = carriedOver;
    values[`t3.carriedForward.${col}`] = carriedForward;
    values[`t3.totalProcessed.${col}`] = processed;
    const counts = allocate(rnd, processed, leaves);
    leaves.forEach((leaf, i) => (values[`t3.${leaf}.${col}`] = counts[i]));
  }
  for (const row of rows) values[`t3.${row.key}.total`] = T3_APPLICANTS.reduce((s, c) => s + values[`t3.${row.key}.${c.key}`], 0);
  return values;
}

/** Spreads `n` applications over the outcome rows a column uses, by their weights. */
function allocate(rnd: Random, n: number, leaves: string[]): number[] {
  const weights = leaves.map((leaf) => {
    const { p, w } = OUTCOME_WEIGHT[leaf] ?? RARE_OUTCOME;
    return rnd.chance(p) ? w : 0;
  });
  if (!weights.some((w) => w > 0)) weights[0] = 1;
  const total = weights.reduce((a, b) => a + b, 0);
  const counts = leaves.map(() => 0);
  for (let i = 0; i < n; i++) {
    let r = rnd.next() * total;
    let j = 0;
    while (j < weights.length - 1 && r >= weights[j]) r -= weights[j++];
    // Float rounding can run past the last used row: step back to it.
    while (weights[j] === 0) j--;
    counts[j]++;
  }
  return counts;
}

function table4(rnd: Random): Record<string, number> {
  const values: Record<string, number> = {};
  const busy: Record<string, number> = { review: 0.6, litigationDirect: 0.4, litigationAfterReview: 0.25 };
  for (const { key: group } of T4_GROUPS) {
    const active = rnd.chance(busy[group]);
    let total = 0;
    for (const { key: col } of T4_COLUMNS) {
      if (col === 'total') continue;
      const n = active && rnd.chance(col === 'upheld' ? 0.8 : 0.35) ? rnd.int(1, col === 'upheld' ? 12 : 4) : 0;
      values[`t4.${group}.${col}`] = n;
      total += n;
    }
    values[`t4.${group}.total`] = total;
  }
  return values;
}
