import { figureLabel } from '../labels';
import { cite, makeFinding, type AuditContext, type AuditRule } from '../rule';
import { median, robustSpread } from '../stats';
import type { AuditFinding, ReportSummary } from '../types';

interface Rate {
  name: string;
  label: string;
  num: string[];
  den: string[];
  /** Denominator option: applications or cases. */
  min: 'minApplications' | 'minCases';
}

const RATES: Rate[] = [
  { name: 'granted', label: '予以公开及部分公开率', num: ['t3.granted.total', 't3.partial.total'], den: ['t3.totalProcessed.total'], min: 'minApplications' },
  { name: 'noInfo', label: '本机关不掌握信息比例', num: ['t3.unable.noInfo.total'], den: ['t3.totalProcessed.total'], min: 'minApplications' },
  { name: 'notProcessed', label: '不予处理比例', num: ['t3.notProcessed.sum.total'], den: ['t3.totalProcessed.total'], min: 'minApplications' },
  { name: 'reviewCorrected', label: '行政复议纠错率', num: ['t4.review.corrected'], den: ['t4.review.total'], min: 'minCases' },
  { name: 'litigationCorrected', label: '行政诉讼纠错率', num: ['t4.litigation.sum.corrected'], den: ['t4.litigation.sum.total'], min: 'minCases' },
];

/** Counts compared year on year and against peers' medians. */
const COUNTS = ['t3.newReceived.total', 't4.review.total', 't4.litigation.sum.total', 't2.licensing.decisions', 't2.penalty.decisions'];

const sum = (r: ReportSummary, keys: string[]) =>
  keys.every((k) => r.figures[k] !== undefined) ? keys.reduce((a, k) => a + r.figures[k], 0) : undefined;

/**
 * X5: figures out of line. Rates against peers of the same kind and level, by median and MAD, only
 * in groups of at least `minPeers` reports with the rate defined; year-on-year jumps beyond
 * ×jumpRatio either way; zeros where the peers' median is large.
 */
export const x5Outliers: AuditRule = {
  id: 'X5',
  name: { zh: '异常值', en: 'Outliers' },
  description: { zh: '与同类同级机关相比的离群比率、年度间剧烈变化、可疑的零。', en: 'Rates out of line with peers of the same kind and level, year-on-year jumps, suspicious zeros.' },
  severity: 'warning',
  basis: '同级同类机关横向比较（中位数与MAD稳健统计）及本机关上年数据比较',
  keys: [...new Set([...RATES.flatMap((r) => [...r.num, ...r.den]), ...COUNTS])],
  check(ctx) {
    const out: AuditFinding[] = [];
    for (const group of peerGroups(ctx).values()) {
      out.push(...rateOutliers(this, ctx, group), ...zeros(this, ctx, group));
    }
    out.push(...jumps(this, ctx));
    return out;
  },
};

function peerGroups(ctx: AuditContext): Map<string, ReportSummary[]> {
  const groups = new Map<string, ReportSummary[]>();
  for (const r of ctx.current.values()) {
    const key = `${r.agency!.kind}|${r.agency!.level}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  return groups;
}

const peerLabel = (r: ReportSummary) => `${r.agency!.kind === 'government' ? '政府' : '部门'}·${r.agency!.level}`;

function rateOutliers(rule: AuditRule, ctx: AuditContext, group: ReportSummary[]): AuditFinding[] {
  const out: AuditFinding[] = [];
  const { minPeers, outlierZ } = ctx.options;
  // A tight group makes small gaps significant; minRateGap keeps only gaps an officer would act on.
  for (const rate of RATES) {
    const rated = group.flatMap((r) => {
      const num = sum(r, rate.num);
      const den = sum(r, rate.den);
      return num !== undefined && den !== undefined && den >= ctx.options[rate.min] ? [{ r, value: num / den }] : [];
    });
    if (rated.length < minPeers) continue;
    const { median: med, spread } = robustSpread(rated.map((x) => x.value));
    if (spread === 0) continue;
    for (const { r, value } of rated) {
      const z = (value - med) / spread;
      if (Math.abs(z) <= outlierZ || Math.abs(value - med) < ctx.options.minRateGap) continue;
      const agency = r.agency!.name;
      out.push(
        makeFinding(rule, ctx.year, {
          suffix: 'RATE',
          agency,
          reports: [r],
          keys: [...rate.num, ...rate.den],
          message: `${agency}的${rate.label}为${pct(value)}，同级同类机关（${peerLabel(r)}，${rated.length}家）中位数为${pct(med)}，明显${z > 0 ? '偏高' : '偏低'}。`,
          messageEn: `${agency}: ${rate.name} rate ${pct(value)} against a median of ${pct(med)} among ${rated.length} peers (modified z ${z.toFixed(1)}).`,
          evidence: `${cite(r)} ${rate.name}=${value.toFixed(3)}; peers ${peerLabel(r)} n=${rated.length} median=${med.toFixed(3)} spread=${spread.toFixed(3)} z=${z.toFixed(1)}`,
        }),
      );
    }
  }
  return out;
}

function zeros(rule: AuditRule, ctx: AuditContext, group: ReportSummary[]): AuditFinding[] {
  const out: AuditFinding[] = [];
  for (const key of COUNTS) {
    const present = group.filter((r) => r.figures[key] !== undefined);
    if (present.length < ctx.options.minPeers) continue;
    const med = median(present.map((r) => r.figures[key]));
    if (med < ctx.options.zeroMedianMin) continue;
    for (const r of present.filter((p) => p.figures[key] === 0)) {
      const agency = r.agency!.name;
      out.push(
        makeFinding(rule, ctx.year, {
          suffix: 'ZERO',
          agency,
          reports: [r],
          keys: [key],
          message: `${agency}的${figureLabel(key)}为0，而同级同类机关（${peerLabel(r)}，${present.length}家）中位数为${med}。`,
          messageEn: `${agency}: ${key} is 0 while the median of ${present.length} peers is ${med}.`,
          evidence: `${cite(r)} ${key}=0; peers ${peerLabel(r)} n=${present.length} median=${med}`,
        }),
      );
    }
  }
  return out;
}

function jumps(rule: AuditRule, ctx: AuditContext): AuditFinding[] {
  const out: AuditFinding[] = [];
  const { jumpRatio, jumpMinBase } = ctx.options;
  for (const [agency, cur] of ctx.current) {
    const prev = ctx.previous.get(agency);
    if (!prev) continue;
    for (const key of COUNTS) {
      const a = prev.figures[key];
      const b = cur.figures[key];
      if (a === undefined || b === undefined || Math.max(a, b) < jumpMinBase) continue;
      const ratio = a === 0 ? Infinity : b / a;
      if (ratio <= jumpRatio && ratio >= 1 / jumpRatio) continue;
      const shown = Number.isFinite(ratio) ? `×${ratio.toFixed(2)}` : '从0起';
      out.push(
        makeFinding(rule, ctx.year, {
          suffix: 'JUMP',
          agency,
          reports: [cur, prev],
          keys: [key],
          message: `${agency}的${figureLabel(key)}由${ctx.year - 1}年的${a}变为${ctx.year}年的${b}（${shown}）。`,
          messageEn: `${agency}: ${key} went from ${a} in ${ctx.year - 1} to ${b} in ${ctx.year} (${Number.isFinite(ratio) ? `×${ratio.toFixed(2)}` : 'from 0'}).`,
          evidence: `${cite(prev)} ${key}=${a}; ${cite(cur)} ${key}=${b}`,
        }),
      );
    }
  }
  return out;
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
