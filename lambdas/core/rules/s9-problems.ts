import { BASIS } from './basis';
import { failed, notAssessable, type Rule } from './rule';
import { sectionText } from './section-text';

/** Nothing said: blank, `无`, `暂无`, `没有`. */
const NOTHING = /^[\s。.；;：:]*(?:无|暂无|没有|无。|不存在)?[\s。.；;]*$/;
/** Words of a concrete problem or step: a report that names none is boilerplate. */
const CONCRETE = /\d|[“《]|培训|平台|网站|栏目|目录|解读|答复|申请|时限|规范|制度|考核|标准|更新|整改|队伍|人员|公开/;
/** Below this many characters a problems-and-improvements section says little whatever its words. */
const MIN_CHARS = 40;

/** S9: section 5 names real problems and how they are being fixed, not `无` or a stock sentence. */
export const s9: Rule = {
  id: 'S9',
  name: { zh: '存在问题及改进', en: 'Problems and improvements' },
  description: { zh: '第五部分写明具体问题和改进措施，而非“无”或套话。', en: 'Section 5 names real problems and fixes, not 无 or boilerplate.' },
  basis: `${BASIS.art50}第（四）项（存在的主要问题及改进情况）`,
  check(report) {
    const text = sectionText(report, 5);
    if (text === null)
      return [
        notAssessable('S9', {
          message: '没有第五部分，无法核对存在的问题。',
          messageEn: 'Section 5 is missing: its content cannot be checked.',
          keys: ['section.5'],
        }),
      ];
    if (NOTHING.test(text))
      return [
        failed('S9-empty', 'warning', {
          message: `第五部分“存在的主要问题及改进情况”为空或仅写“${text || '（空）'}”。`,
          messageEn: `Section 5 (problems and improvements) is empty or says only "${text}".`,
          keys: ['section.5'],
          detail: `text: ${text || '(empty)'}`,
        }),
      ];
    const chars = text.length;
    if (chars < MIN_CHARS || !CONCRETE.test(text))
      return [
        failed('S9-generic', 'warning', {
          message: `第五部分仅${chars}字，未写明具体问题和改进措施。`,
          messageEn: `Section 5 has ${chars} characters and names no concrete problem or improvement.`,
          keys: ['section.5'],
          detail: `text: ${text.slice(0, 120)}`,
        }),
      ];
    return [];
  },
};
