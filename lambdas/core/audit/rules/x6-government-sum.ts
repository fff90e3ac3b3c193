import { figureName as figureLabel, labelWithKey } from '../../form';
import { groupBy } from '../group';
import { cite, makeFinding, type AuditRule } from '../rule';
import type { AuditFinding } from '../types';
import { RULE_KEYS } from './inputs';

/**
 * X6: a government's report covers its departments, so its figures cannot be below the sum of the
 * figures its departments reported (warning: some governments report their own office only).
 */
export const x6GovernmentSum: AuditRule = {
  id: 'X6',
  name: { zh: '政府与部门合计', en: 'Government vs its departments' },
  description: { zh: '政府的数字不少于所属部门之和。', en: "A government's figures are not below the sum of its departments'." },
  severity: 'warning',
  basis: '本级人民政府年度报告汇总本级政府及所属部门情况（国办公开办函〔2021〕30号）',
  keys: RULE_KEYS.X6,
  check(ctx) {
    const departments = groupBy(ctx.current.values(), (r) => (r.agency!.kind === 'department' ? r.agency!.parent : null));
    const out: AuditFinding[] = [];
    for (const [name, deps] of departments) {
      const gov = ctx.current.get(name);
      if (!gov) continue;
      for (const key of this.keys) {
        const own = gov.figures[key];
        const parts = deps.filter((d) => d.figures[key] !== undefined);
        const total = parts.reduce((a, d) => a + d.figures[key], 0);
        if (own === undefined || parts.length === 0 || own >= total) continue;
        out.push(
          makeFinding(this, ctx.year, {
            agency: name,
            reports: [gov, ...parts],
            keys: [key],
            message: `${name}的${figureLabel(key)}为${own}，少于所属${parts.length}个部门合计${total}。`,
            messageEn: `${name}: ${labelWithKey(key)} is ${own}, less than the ${total} its ${parts.length} departments reported.`,
            evidence: `${cite(gov)} ${labelWithKey(key)}=${own}; departments: ${parts.map((d) => `${cite(d)}=${d.figures[key]}`).join(', ')}`,
          }),
        );
      }
    }
    return out;
  },
};
