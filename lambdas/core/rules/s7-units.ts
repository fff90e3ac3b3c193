import { labelOf, labelWithKey, MONEY_KEYS, sameNumber } from '../form';
import { BASIS } from './basis';
import { failed, notAssessable, type Issue, type Rule } from './rule';

/** Average 万元 per procurement project beyond which the amount was almost surely printed in 元. */
const MAX_WAN_PER_PROJECT = 50_000;
/** Below this per project (万元, i.e. 100 元) the amount was almost surely converted twice. */
const MIN_WAN_PER_PROJECT = 0.01;

const numberIn = (raw: string) => {
  const m = raw.replace(/[\s,，]/g, '').match(/-?\d+(?:\.\d+)?/);
  return m ? Number(m[0]) : null;
};

/** S7: money is stored in 万元 as the form says; a cell printed in 元 and stored unconverted (or the reverse) is flagged. */
export const s7: Rule = {
  id: 'S7',
  name: { zh: '金额单位', en: 'Money units' },
  description: {
    zh: '金额以万元填报，未把元当作万元（或反之）。',
    en: 'Money is given in 万元; a cell printed in 元 is not stored unconverted (or the reverse).',
  },
  basis: `${BASIS.formats}（金额单位：万元）`,
  check(report) {
    const keys = [...MONEY_KEYS].filter((k) => k in report.values);
    if (keys.length === 0)
      return [
        notAssessable('S7', {
          message: '没有金额单元格，无法核对金额单位。',
          messageEn: 'No money cells: the units cannot be checked.',
          keys: [...MONEY_KEYS],
        }),
      ];
    const issues: Issue[] = [];
    for (const key of keys) {
      const value = report.values[key];
      const raw = report.evidence[key]?.raw ?? '';
      const printed = numberIn(raw);
      const unit = /万元|万/.test(raw) ? '万元' : /元/.test(raw) ? '元' : null;
      const same = printed !== null && sameNumber(printed, value);
      if (unit === '元' && same && value !== 0)
        issues.push(
          failed('S7-yuan-as-wan', 'error', {
            message: `「${labelOf(key)}」单元格以“元”填写（${raw}），却按万元记为${value}，未换算。`,
            messageEn: `${labelWithKey(key)} is printed in 元 ("${raw}") but stored unconverted as ${value} 万元.`,
            keys: [key],
          }),
        );
      else if (unit === '万元' && printed !== null && !same)
        issues.push(
          failed('S7-wan-converted', 'error', {
            message: `「${labelOf(key)}」单元格以“万元”填写（${raw}），却记为${value}。`,
            messageEn: `${labelWithKey(key)} is printed in 万元 ("${raw}") but stored as ${value}.`,
            keys: [key],
          }),
        );
      else if (unit === null) issues.push(...magnitude(report.values, key, value));
    }
    return issues;
  },
};

/** Without a printed unit only the size can tell: the average procurement project, in 万元. */
function magnitude(values: Record<string, number>, key: string, value: number): Issue[] {
  const count = values['t2.procurement.count'];
  if (key !== 't2.procurement.amount' || !count || value === 0) return [];
  const perProject = value / count;
  if (perProject > MAX_WAN_PER_PROJECT)
    return [
      failed('S7-magnitude', 'warning', {
        message: `采购总金额${value}万元，平均每个项目${perProject.toFixed(0)}万元，疑似按“元”填写。`,
        messageEn: `Procurement of ${value} 万元 is ${perProject.toFixed(0)} 万元 per project: the cell looks like 元 stored as 万元.`,
        keys: [key, 't2.procurement.count'],
        detail: `${value} / ${count} = ${perProject}`,
      }),
    ];
  if (perProject < MIN_WAN_PER_PROJECT)
    return [
      failed('S7-magnitude', 'warning', {
        message: `采购总金额${value}万元，平均每个项目不足100元，疑似单位换算有误。`,
        messageEn: `Procurement of ${value} 万元 is under 100 元 per project: the units look converted twice.`,
        keys: [key, 't2.procurement.count'],
        detail: `${value} / ${count} = ${perProject}`,
      }),
    ];
  return [];
}
