import { AUDIT_RULES } from '../core/audit';
import { metricInfo, RATE_METRICS } from '../core/compare';
import { AUDIT_CHECKS } from '../core/findings/names';
import { PARSE_FAMILY, PARSE_FINDINGS } from '../core/findings/parse-names';
import { formLabels, FORMATS, pageTables } from '../core/form';
import { RULES } from '../core/rules/registry';
export { reasonText } from '../core/record/reasons';
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

export interface RuleInfo {
  id: string;
  /** `report`: S1–S14 on each report; `audit`: X1–X7 across reports; `parse`: what reading the file could not do (P). */
  scope: 'report' | 'audit' | 'parse';
  name: Bilingual;
  description: Bilingual;
  basis: string;
}

export const RULE_INFO: RuleInfo[] = [
  ...RULES.map((r) => ({ id: r.id, scope: 'report' as const, name: r.name, description: r.description, basis: r.basis })),
  ...AUDIT_RULES.map((r) => ({ id: r.id, scope: 'audit' as const, name: r.name, description: r.description, basis: r.basis })),
  { ...PARSE_FAMILY, scope: 'parse' },
];

export { familyOf, findingName as ruleName } from '../core/findings/names';

export const dictionary = () => ({
  rules: RULE_INFO,
  findingNames: { ...AUDIT_CHECKS, ...PARSE_FINDINGS },
  fields: formLabels(),
  tables: Object.fromEntries(FORMATS.map((f) => [f, pageTables(f)])),
  metrics: RATE_METRICS.map(metricInfo),
  statuses: STATUSES,
  reviews: REVIEWS,
});
