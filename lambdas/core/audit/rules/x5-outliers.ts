import { figureName as figureLabel, labelWithKey } from '../../form';
import { PEER_COUNTS, PEER_RATES, rateOutliers, zeroOutliers, type FigureOf } from '../peer-outliers';
import { groupBy } from '../group';
import { cite, makeFinding, type AuditContext, type AuditRule } from '../rule';
import type { AuditFinding, ReportSummary } from '../types';
import { RULE_KEYS } from './inputs';

/**
 * X5: figures out of line. Rates against peers of the same kind and level, by median and robust
 * spread, only in groups of at least `minPeers` reports with the rate defined; year-on-year jumps
 * beyond ×jumpRatio either way; zeros where the peers' median is large. The peer checks are
 * `peer-outliers.ts`, which the compare view runs too.
 */
export const x5Outliers: AuditRule = {
  id: 'X5',
  name: { zh: '异常值', en: 'Outliers' },
  description: {
    zh: '与同类同级机关相比的离群比率、年度间剧烈变化、可疑的零。',
    en: 'Rates out of line with peers of the same kind and level, year-on-year jumps, suspicious zeros.',
  },
  severity: 'warning',
  basis: '同级同类机关横向比较（中位数与MAD稳健统计）及本机关上年数据比较',
  keys: RULE_KEYS.X5,
  check(ctx) {
    const out: AuditFinding[] = [];
    for (const group of peerGroups(ctx).values()) {
      out.push(...rateFindings(this, ctx, group), ...zeroFindings(this, ctx, group));
    }
    out.push(...jumps(this, ctx));
    return out;
  },
};

const figuresOf =
  (r: ReportSummary): FigureOf =>
  (key) =>
    r.figures[key];

const peerGroups = (ctx: AuditContext): Map<string, ReportSummary[]> => groupBy(ctx.current.values(), (r) => `${r.agency!.kind}|${r.agency!.level}`);

const peerLabel = (r: ReportSummary) => `${r.agency!.kind === 'government' ? '政府' : '部门'}·${r.agency!.level}`;

function rateFindings(rule: AuditRule, ctx: AuditContext, group: ReportSummary[]): AuditFinding[] {
  return PEER_RATES.flatMap((rate) => {
    const { n, median: med, spread, outliers } = rateOutliers(rate, group, figuresOf, ctx.options);
    return outliers.map(({ item: r, value, z }) => {
      const agency = r.agency!.name;
      return makeFinding(rule, ctx.year, {
        suffix: 'RATE',
        agency,
        reports: [r],
        keys: [...rate.num, ...rate.den],
        message: `${agency}的${rate.label}为${pct(value)}，同级同类机关（${peerLabel(r)}，${n}家）中位数为${pct(med!)}，明显${z! > 0 ? '偏高' : '偏低'}。`,
        messageEn: `${agency}: ${rate.name} rate ${pct(value)} against a median of ${pct(med!)} among ${n} peers (modified z ${z!.toFixed(1)}).`,
        evidence: `${cite(r)} ${rate.name}=${value.toFixed(3)}; peers ${peerLabel(r)} n=${n} median=${med!.toFixed(3)} spread=${spread!.toFixed(3)} z=${z!.toFixed(1)}`,
      });
    });
  });
}

function zeroFindings(rule: AuditRule, ctx: AuditContext, group: ReportSummary[]): AuditFinding[] {
  return PEER_COUNTS.flatMap((key) => {
    const { n, median: med, outliers } = zeroOutliers(key, group, figuresOf, ctx.options);
    return outliers.map(({ item: r }) => {
      const agency = r.agency!.name;
      return makeFinding(rule, ctx.year, {
        suffix: 'ZERO',
        agency,
        reports: [r],
        keys: [key],
        message: `${agency}的${figureLabel(key)}为0，而同级同类机关（${peerLabel(r)}，${n}家）中位数为${med}。`,
        messageEn: `${agency}: ${labelWithKey(key)} is 0 while the median of ${n} peers is ${med}.`,
        evidence: `${cite(r)} ${labelWithKey(key)}=0; peers ${peerLabel(r)} n=${n} median=${med}`,
      });
    });
  });
}

function jumps(rule: AuditRule, ctx: AuditContext): AuditFinding[] {
  const out: AuditFinding[] = [];
  const { jumpRatio, jumpMinBase } = ctx.options;
  for (const [agency, cur] of ctx.current) {
    const prev = ctx.previous.get(agency);
    if (!prev) continue;
    for (const key of PEER_COUNTS) {
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
          messageEn: `${agency}: ${labelWithKey(key)} went from ${a} in ${ctx.year - 1} to ${b} in ${ctx.year} (${Number.isFinite(ratio) ? `×${ratio.toFixed(2)}` : 'from 0'}).`,
          evidence: `${cite(prev)} ${labelWithKey(key)}=${a}; ${cite(cur)} ${labelWithKey(key)}=${b}`,
        }),
      );
    }
  }
  return out;
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
