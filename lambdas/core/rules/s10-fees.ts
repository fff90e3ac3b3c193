import { BASIS } from './basis';
import { failed, notAssessable, type Issue, type Rule } from './rule';
import { sectionText } from './section-text';
import { expectedFormat, tableShape } from './table-shape';

/** A statement about fees for disclosure: `信息处理费`, `信息公开处理费`, `未发生收费情况`. */
const FEE_TOPIC = /处理费|收费/;
/**
 * The agency says it never charges or never sent a fee notice. `未收取信息处理费` alone is not that:
 * an applicant who ignores a fee notice pays nothing, so it fits unpaid-fee applications.
 */
const NEVER_CHARGED = /(?:未|没有|不曾)(?:发出|出具|下发|开具|送达)[^。；]{0,10}收费通知|不(?:收取|收缴)[^。；]{0,10}信息处理费|免收[^。；]{0,10}信息处理费/;

/**
 * S10: what section 6 says about information-processing fees (信息处理费) agrees with the tables:
 * applications dropped for unpaid fees mean fees were charged; the 2021 format asks section 6 to say.
 */
export const s10: Rule = {
  id: 'S10',
  name: { zh: '信息处理费', en: 'Information-processing fees' },
  description: { zh: '第六部分关于信息处理费的说明与表格一致。', en: 'What section 6 says about information-processing fees agrees with the tables.' },
  basis: BASIS.feeRules,
  check(report) {
    const shape = tableShape(report);
    // Without tables, the year says which format (and so which statement) applies.
    const format = shape === 'unknown' && report.year !== null ? expectedFormat(report.year) : shape;
    if (format !== '2021') return [];
    const text = sectionText(report, 6);
    if (text === null)
      return [
        notAssessable('S10', {
          message: '没有第六部分，无法核对信息处理费情况。',
          messageEn: 'Section 6 is missing: fees cannot be checked.',
          keys: ['section.6'],
        }),
      ];
    const sentences = text.split(/(?<=[。；;])/);
    const unpaid = report.values['t3.otherHandling.overdueFee.total'];
    const issues: Issue[] = [];
    if (!sentences.some((s) => FEE_TOPIC.test(s)))
      issues.push(
        failed('S10-unstated', 'warning', {
          message: '第六部分未说明收取信息处理费的情况（2021年格式要求说明）。',
          messageEn: 'Section 6 does not say whether information-processing fees were charged, as the 2021 format asks.',
          keys: ['section.6'],
        }),
      );
    const never = sentences.filter((s) => NEVER_CHARGED.test(s));
    if (unpaid !== undefined && unpaid > 0 && never.length > 0)
      issues.push(
        failed('S10-contradiction', 'error', {
          message: `表三有${unpaid}件申请因逾期未按收费通知缴费不再处理，第六部分却称不收取信息处理费或未发出收费通知。`,
          messageEn: `Table 3 drops ${unpaid} applications whose fee notice went unpaid, yet section 6 says no fee is charged or no fee notice was sent.`,
          keys: ['t3.otherHandling.overdueFee.total', 'section.6'],
          sentences: never,
        }),
      );
    return issues;
  },
};
