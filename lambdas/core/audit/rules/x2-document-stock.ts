import { appliesBetween, columnName, keyParts, labelWithKey, rowName } from '../../form';
import { cite, makeFinding, type AuditRule } from '../rule';
import type { AuditFinding } from '../types';
import { RULE_KEYS, STOCK } from './inputs';

/** X2: in the 2021 format, documents in force = last year's + issued − repealed (warning: counting dates differ). */
export const x2DocumentStock: AuditRule = {
  id: 'X2',
  name: { zh: '规范性文件存量', en: 'Stock of documents in force' },
  description: { zh: '现行有效件数 = 上年现行有效 + 本年制发 − 本年废止。', en: "Documents in force = last year's + issued − repealed." },
  severity: STOCK.strength,
  basis: '国办公开办函〔2021〕30号 表二 第二十条第（一）项：现行有效件数',
  keys: RULE_KEYS.X2,
  check(ctx) {
    const out: AuditFinding[] = [];
    for (const [agency, cur] of ctx.current) {
      const prev = ctx.previous.get(agency);
      if (!prev || !appliesBetween(STOCK, prev.format, cur.format)) continue;
      for (const inst of STOCK.instances) {
        const later = inst.later.map((k) => cur.figures[k]);
        const earlier = inst.earlier.map((k) => prev.figures[k]);
        if ([...later, ...earlier].some((v) => v === undefined) || inst.holds(earlier, later)) continue;
        // valid(N) = valid(N−1) + issued(N) − repealed(N), as the instance names them.
        const [valid, issued, repealed] = later;
        const [before] = earlier;
        const expected = before + issued - repealed;
        const { row, col } = keyParts(inst.later[0])!;
        out.push(
          makeFinding(this, ctx.year, {
            agency,
            reports: [cur, prev],
            keys: [...inst.later],
            message: `${agency} ${ctx.year}年${rowName('t2', row)}${columnName('t2', col)}为${valid}，按上年${before}+制发${issued}−废止${repealed}应为${expected}。`,
            messageEn: `${agency}: ${rowName('t2', row)} in force ${valid} in ${ctx.year}; last year's ${before} + issued ${issued} − repealed ${repealed} gives ${expected}.`,
            evidence: `${cite(cur)} ${inst.later.map((k) => `${labelWithKey(k)}=${cur.figures[k]}`).join(', ')}; ${cite(prev)} ${labelWithKey(inst.earlier[0])}=${before}`,
          }),
        );
      }
    }
    return out;
  },
};
