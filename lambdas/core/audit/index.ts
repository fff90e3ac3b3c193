/** The cross-agency audit (issue 8): registry, name matching, rules X1–X7 and the audit report. */
export { auditYear } from './audit-year';
export { RegistryError } from './errors';
export { AgencyMatcher, matchingName } from './names';
export { DEFAULT_AUDIT_OPTIONS } from './options';
export { parseRegistry } from './registry';
export { renderAuditCsv } from './render/csv';
export { renderAuditHtml } from './render/html';
export { AUDIT_KEYS, AUDIT_RULES } from './rules';
export { summarise, summaryOf, withAgency, SUMMARY_VERSION, type AuditRecord, type SummaryFields } from './summarise';
export type * from './types';
