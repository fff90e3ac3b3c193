import { squeeze } from '../partition/normalize';
import { agencyLevel } from './agency-level';
import { BASIS } from './basis';
import { failed, notAssessable, type Rule } from './rule';

/** What a government's report must also cover (条例第五十条第（四）项). */
const TOPICS = [
  { name: '工作考核', nameEn: 'performance assessment', words: /考核|考评|绩效/ },
  { name: '社会评议', nameEn: 'public evaluation', words: /社会评议|评议|群众评价|满意度/ },
  { name: '责任追究', nameEn: 'accountability', words: /责任追究|追究责任|问责|追责/ },
];

/** S14: a government-level report states the results of assessment, public evaluation and accountability. */
export const s14: Rule = {
  id: 'S14',
  name: { zh: '考核评议追责', en: 'Assessment and accountability' },
  description: {
    zh: '政府年度报告写明工作考核、社会评议和责任追究结果。',
    en: "A government's report states the results of assessment, public evaluation and accountability.",
  },
  basis: `${BASIS.art50}第（四）项（各级人民政府的年度报告还应当包括工作考核、社会评议和责任追究结果情况）`,
  check(report) {
    if (!report.agency)
      return [
        notAssessable('S14', {
          message: '无法识别机关名称，不能判断是否为人民政府报告。',
          messageEn: 'Unknown agency: cannot tell whether this is a government report.',
          keys: ['agency'],
        }),
      ];
    if (agencyLevel(report.agency) !== 'government') return [];
    if (report.sections.length === 0)
      return [notAssessable('S14', { message: '没有可检查的正文。', messageEn: 'There is no body text to inspect.', keys: ['agency', 'sections'] })];
    const text = squeeze(report.sections.map((s) => s.text).join(''));
    const missing = TOPICS.filter((t) => !t.words.test(text));
    if (missing.length === 0) return [];
    return [
      failed('S14', 'warning', {
        message: `人民政府年度报告未说明${missing.map((t) => t.name).join('、')}结果情况。`,
        messageEn: `The government report does not state the results of ${missing.map((t) => t.nameEn).join(', ')}.`,
        keys: ['agency', ...missing.map((t) => `topic.${t.nameEn.replace(/\s/g, '-')}`)],
      }),
    ];
  },
};
