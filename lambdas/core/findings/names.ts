import { AUDIT_RULES } from '../audit/rules';
import { RULES } from '../rules/registry';
import { ruleFamily } from '../rules/family';
import type { Bilingual } from '../rules/rule';
import { PARSE_FAMILY, PARSE_FINDINGS } from './parse-names';

/**
 * A finding's name from its rule id, for every kind of finding: a report rule (S1–S14) and an
 * audit rule (X1–X7) name their family, an audit check with a suffix of its own (`X3-LATE`) and a
 * parse finding (`P-SPLIT-AMBIGUOUS`) their own; the page, the exports and the audit report ask here.
 */

/** The audit's checks that are findings of their own kind within a rule. */
export const AUDIT_CHECKS: Record<string, Bilingual> = {
  'X1-COL': { zh: '结转衔接（分列）', en: 'Carry-over by applicant column' },
  'X3-MISSING': { zh: '缺报', en: 'Report missing' },
  'X3-LATE': { zh: '迟报', en: 'Report late' },
  'X3-UNREGISTERED': { zh: '机关未登记', en: 'Agency not in the registry' },
  'X4-PREV': { zh: '与上年文字雷同', en: 'Narrative repeats last year' },
  'X4-NARRATIVE': { zh: '与其他机关文字相同', en: 'Narrative identical to another agency' },
  'X4-TABLES': { zh: '与其他机关表格相同', en: 'Tables identical to another agency' },
  'X5-RATE': { zh: '比率离群', en: 'Rate out of line with peers' },
  'X5-ZERO': { zh: '可疑的零', en: 'Suspicious zero' },
  'X5-JUMP': { zh: '同比突变', en: 'Year-on-year jump' },
};

const FAMILIES = new Map<string, Bilingual>([...RULES, ...AUDIT_RULES, PARSE_FAMILY].map((r) => [r.id, r.name]));

/** A finding's rule family (`S5-balance` → `S5`, `X3-MISSING` → `X3`, `P-ROW-SHAPE` → `P`); null for an id of no known family. */
export function familyOf(rule: string): string | null {
  const family = ruleFamily(rule);
  return FAMILIES.has(family) ? family : null;
}

/** The name of a finding's check: its own where it has one, else its rule's; null for an unknown id. */
export const findingName = (rule: string): Bilingual | null => PARSE_FINDINGS[rule] ?? AUDIT_CHECKS[rule] ?? FAMILIES.get(ruleFamily(rule)) ?? null;
