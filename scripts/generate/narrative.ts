import type { FormFormat } from '../../lambdas/core/form';

/** A figure the generated prose states, under its canonical key (the labels' `narrative`). */
export interface NarrativeLabel {
  key: string;
  value: number;
}

/** Where in the report a figure is stated: section 1's two work paragraphs, or section 3's lead-in. */
export type NarrativePart = 'proactive' | 'requests' | 'outcomes';

interface Template {
  key: string;
  part: NarrativePart;
  format?: FormFormat;
  sentence: (n: number) => string;
  /** Stated only by variants that ask for it (table 2 in the prose), not by every generated report. */
  optional?: boolean;
}

/**
 * The sentences that state table figures in prose, worded as real reports word them. Only these
 * sentences carry numbers in the generated narrative, so the labels name every figure it states.
 */
const TEMPLATES: Template[] = [
  { key: 't2.normative.issued', part: 'proactive', format: '2021', sentence: (n) => `全年主动公开行政规范性文件${n}件。` },
  { key: 't2.normative.published', part: 'proactive', format: '2019', sentence: (n) => `全年主动公开规范性文件${n}件。` },
  // Table 2 as reports state it in prose, in both formats' wording.
  { key: 't2.rules.issued', part: 'proactive', format: '2021', optional: true, sentence: (n) => `动态更新本年度制发的规章${n}件。` },
  { key: 't2.rules.valid', part: 'proactive', format: '2021', optional: true, sentence: (n) => `集中公开现行有效规章${n}件。` },
  { key: 't2.normative.valid', part: 'proactive', format: '2021', optional: true, sentence: (n) => `集中公开现行有效行政规范性文件${n}件。` },
  { key: 't2.rules.made', part: 'proactive', format: '2019', optional: true, sentence: (n) => `本年新制作规章${n}件，` },
  { key: 't2.normative.made', part: 'proactive', format: '2019', optional: true, sentence: (n) => `新制作规范性文件${n}件。` },
  { key: 't2.rules.total', part: 'proactive', format: '2019', optional: true, sentence: (n) => `对外公开规章总数${n}件，` },
  { key: 't2.normative.total', part: 'proactive', format: '2019', optional: true, sentence: (n) => `对外公开规范性文件总数${n}件。` },
  { key: 't2.licensing.decisions', part: 'proactive', optional: true, sentence: (n) => `全年作出行政许可处理决定${n}件。` },
  { key: 't2.procurement.count', part: 'proactive', format: '2019', optional: true, sentence: (n) => `政府集中采购项目${n}个。` },
  { key: 't3.newReceived.total', part: 'requests', sentence: (n) => `全年共收到政府信息公开申请${n}件。` },
  { key: 't3.granted.total', part: 'outcomes', sentence: (n) => `予以公开${n}件，` },
  { key: 't3.partial.total', part: 'outcomes', sentence: (n) => `部分公开${n}件，` },
  { key: 't3.carriedForward.total', part: 'outcomes', sentence: (n) => `结转下年度继续办理${n}件。` },
];

/** Words that open a part's passage, naming what its figures count. */
const LEAD_IN: Partial<Record<NarrativePart, string>> = { outcomes: '本年度办理的政府信息公开申请中，' };

/** Keys a report of this format states in prose (with `optional`, also those only variants state), in the order the prose states them. */
export function narrativeKeys(format: FormFormat, optional = false): string[] {
  return TEMPLATES.filter((t) => (!t.format || t.format === format) && (optional || !t.optional)).map((t) => t.key);
}

/** The sentences of one part for the figures a report states, joined as one passage. */
export function narrativePassage(narrative: NarrativeLabel[], part: NarrativePart): string {
  const text = narrative
    .map((figure) => {
      const template = TEMPLATES.find((t) => t.key === figure.key && t.part === part);
      return template ? template.sentence(figure.value) : '';
    })
    .join('');
  if (text === '') return '';
  // A passage cut short by an omitted figure still ends as a sentence.
  return `${LEAD_IN[part] ?? ''}${text.replace(/，$/, '。')}`;
}
