import { toCsv } from '../../csv';
import type { AuditFinding } from '../types';

const HEAD = ['id', 'rule', 'severity', 'year', 'agency', 'reports', 'keys', 'message', 'messageEn', 'basis', 'evidence'];

/** The findings as CSV, one row each, for spreadsheets (UTF-8 with BOM so Excel reads the Chinese; formula-safe). */
export function renderAuditCsv(findings: readonly AuditFinding[]): string {
  const rows = findings.map((f) => [
    f.id,
    f.rule,
    f.severity,
    f.year,
    f.agency,
    f.reports.join(' '),
    f.keys.join(' '),
    f.message,
    f.messageEn ?? '',
    f.basis ?? '',
    f.evidence,
  ]);
  return toCsv([HEAD, ...rows], { bom: true });
}
