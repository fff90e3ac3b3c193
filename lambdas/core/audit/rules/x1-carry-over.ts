import { columnName, keyParts, labelWithKey } from '../../form';
import { cite, makeFinding, type AuditRule } from '../rule';
import type { AuditFinding } from '../types';
import { CARRY_OVER, RULE_KEYS } from './inputs';

/** X1: applications carried over into year N are those carried forward out of N−1; per column a warning. */
export const x1CarryOver: AuditRule = {
  id: 'X1',
  name: { zh: '结转衔接', en: 'Carry-over between years' },
  description: { zh: '本年“上年结转”等于上年“结转下年度”。', en: 'Applications carried over into this year equal those carried forward out of last year.' },
  severity: 'error',
  basis: '国办公开办函〔2021〕30号 表三：本年“上年结转政府信息公开申请数量”等于上年“结转下年度继续办理”',
  keys: RULE_KEYS.X1,
  check(ctx) {
    const out: AuditFinding[] = [];
    for (const [agency, cur] of ctx.current) {
      const prev = ctx.previous.get(agency);
      if (!prev) continue;
      for (const inst of CARRY_OVER.instances) {
        const [inKey] = inst.later;
        const [outKey] = inst.earlier;
        const carriedOver = cur.figures[inKey];
        const carriedForward = prev.figures[outKey];
        if (carriedOver === undefined || carriedForward === undefined || inst.holds([carriedForward], [carriedOver])) continue;
        const { col } = keyParts(inKey)!;
        // The total is the form's own rule; an applicant column alone is often a reclassification.
        const total = col === 'total';
        out.push(
          makeFinding(this, ctx.year, {
            suffix: total ? undefined : 'COL',
            severity: total ? CARRY_OVER.strength : 'warning',
            agency,
            reports: [cur, prev],
            keys: [inKey, outKey],
            message: `${agency} ${ctx.year}年上年结转申请（${columnName('t3', col)}）为${carriedOver}件，${ctx.year - 1}年结转下年度为${carriedForward}件，两者不一致。`,
            messageEn: `${agency}: ${ctx.year} carried over ${carriedOver} applications (${columnName('t3', col)}) but ${ctx.year - 1} carried forward ${carriedForward}.`,
            evidence: `${cite(cur)} ${labelWithKey(inKey)}=${carriedOver}; ${cite(prev)} ${labelWithKey(outKey)}=${carriedForward}`,
          }),
        );
      }
    }
    return out;
  },
};
