import { documentLabel, labelWithKey } from '../labels';
import { cite, makeFinding, type AuditRule } from '../rule';
import type { AuditFinding } from '../types';

const KINDS = ['rules', 'normative'];

/** X2: in the 2021 format, documents in force = last year's + issued − repealed (warning: counting dates differ). */
export const x2DocumentStock: AuditRule = {
  id: 'X2',
  name: { zh: '规范性文件存量', en: 'Stock of documents in force' },
  description: { zh: '现行有效件数 = 上年现行有效 + 本年制发 − 本年废止。', en: "Documents in force = last year's + issued − repealed." },
  severity: 'warning',
  basis: '国办公开办函〔2021〕30号 表二 第二十条第（一）项：现行有效件数',
  keys: KINDS.flatMap((k) => [`t2.${k}.issued`, `t2.${k}.repealed`, `t2.${k}.valid`]),
  check(ctx) {
    const out: AuditFinding[] = [];
    for (const [agency, cur] of ctx.current) {
      const prev = ctx.previous.get(agency);
      if (!prev || cur.format !== '2021' || prev.format !== '2021') continue;
      for (const kind of KINDS) {
        const [issued, repealed, valid] = ['issued', 'repealed', 'valid'].map((c) => cur.figures[`t2.${kind}.${c}`]);
        const before = prev.figures[`t2.${kind}.valid`];
        if ([issued, repealed, valid, before].some((v) => v === undefined)) continue;
        const expected = before + issued - repealed;
        if (expected === valid) continue;
        const keys = [`t2.${kind}.valid`, `t2.${kind}.issued`, `t2.${kind}.repealed`];
        out.push(
          makeFinding(this, ctx.year, {
            agency,
            reports: [cur, prev],
            keys,
            message: `${agency} ${ctx.year}年${documentLabel(kind)}现行有效件数为${valid}，按上年${before}+制发${issued}−废止${repealed}应为${expected}。`,
            messageEn: `${agency}: ${documentLabel(kind)} in force ${valid} in ${ctx.year}; last year's ${before} + issued ${issued} − repealed ${repealed} gives ${expected}.`,
            evidence: `${cite(cur)} ${keys.map((k) => `${labelWithKey(k)}=${cur.figures[k]}`).join(', ')}; ${cite(prev)} ${labelWithKey(`t2.${kind}.valid`)}=${before}`,
          }),
        );
      }
    }
    return out;
  },
};
