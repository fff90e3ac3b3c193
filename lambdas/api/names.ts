import { AUDIT_RULES } from '../core/audit';
import { metricInfo, RATE_METRICS } from '../core/compare';
import { formLabels, FORMATS, pageTables } from '../core/form';
import { RULES } from '../core/rules/registry';
import type { Bilingual } from '../core/rules/rule';

/** The page's dictionary: rule names, the form's field labels and tables, statuses and rejection reasons in both languages. */

export const STATUSES: Record<string, Bilingual> = {
  received: { zh: '处理中', en: 'received' },
  parsed: { zh: '已解析', en: 'parsed' },
  rejected: { zh: '已拒收', en: 'rejected' },
  failed: { zh: '处理失败', en: 'failed' },
};

export const REVIEWS: Record<string, Bilingual> = {
  open: { zh: '待审', en: 'open' },
  confirmed: { zh: '已确认', en: 'confirmed' },
  dismissed: { zh: '已驳回', en: 'dismissed' },
};

/** The ingest's rejection sentences (English, as the parser writes them) by their opening words. */
const REJECTIONS: { en: RegExp; zh: string }[] = [
  { en: /^The file is empty/, zh: '文件为空。' },
  { en: /^The file is named \.pdf but is not a PDF/, zh: '文件名为 .pdf，但内容不是 PDF。' },
  { en: /^The file is binary data/, zh: '文件是二进制数据，不是文本、HTML 或 PDF。' },
  { en: /^The file is [\d.]+ MB, over the/, zh: '文件超过大小上限。' },
  { en: /^The text file is [\d.]+ MB/, zh: '文本文件过大，远超年度报告的篇幅。' },
  { en: /^This document is not an annual report/, zh: '不是政府信息公开工作年度报告：没有标题、六个部分或标准表格。' },
  { en: /^The PDF has no text layer/, zh: 'PDF 没有文字层（扫描图像），需先进行文字识别。' },
  { en: /^The PDF is truncated/, zh: 'PDF 不完整（文件末尾缺失），请重新下载或导出。' },
  { en: /^The PDF has \d+ pages/, zh: 'PDF 页数过多，远超年度报告的篇幅。' },
  { en: /^Reading the PDF took longer/, zh: '读取 PDF 超时：文件过大或过于复杂。' },
  { en: /^The PDF is encrypted/, zh: 'PDF 已加密（有密码保护），请上传未加密的版本。' },
  { en: /^The PDF is damaged/, zh: 'PDF 已损坏，无法读取。' },
  { en: /^Unexpected error while parsing/, zh: '解析时发生意外错误。' },
];

/** A report's reason in both languages; the Chinese is null for a sentence not listed above. */
export function reasonText(reason: string | null): Bilingual | null {
  if (!reason) return null;
  return { zh: REJECTIONS.find((r) => r.en.test(reason))?.zh ?? reason, en: reason };
}

export interface RuleInfo {
  id: string;
  /** `report`: S1–S14 on each report; `audit`: X1–X7 across reports. */
  scope: 'report' | 'audit';
  name: Bilingual;
  description: Bilingual;
  basis: string;
}

export const RULE_INFO: RuleInfo[] = [
  ...RULES.map((r) => ({ id: r.id, scope: 'report' as const, name: r.name, description: r.description, basis: r.basis })),
  ...AUDIT_RULES.map((r) => ({ id: r.id, scope: 'audit' as const, name: r.name, description: r.description, basis: r.basis })),
];

/** A finding's rule family: `S5-balance` → `S5`, `X3-MISSING` → `X3`; parser findings (`P-…`) have none. */
export function familyOf(rule: string): string | null {
  const m = /^([SX]\d+)(?:-|$)/.exec(rule);
  return m ? m[1] : null;
}

export const dictionary = () => ({
  rules: RULE_INFO,
  fields: formLabels(),
  tables: Object.fromEntries(FORMATS.map((f) => [f, pageTables(f)])),
  metrics: RATE_METRICS.map(metricInfo),
  statuses: STATUSES,
  reviews: REVIEWS,
});
