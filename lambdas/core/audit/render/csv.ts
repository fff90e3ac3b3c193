import { toCsv } from '../../csv';
import { labelWithKey } from '../../form';
import type { AuditFinding } from '../types';
import { findingName } from '../../findings/names';

/** Each column in Chinese with its field name as secondary text, as the findings export names them. */
const HEAD = [
  '问题编号 (id)',
  '规则 (rule)',
  '规则名称 (rule_name)',
  '严重程度 (severity)',
  labelWithKey('year'),
  labelWithKey('agency'),
  '报告 (reports)',
  '涉及数据 (keys)',
  '问题 (message)',
  '问题（英文） (messageEn)',
  '依据 (basis)',
  '依据数据 (evidence)',
];

/** The findings as CSV, one row each, for spreadsheets (UTF-8 with BOM so Excel reads the Chinese; formula-safe). */
export function renderAuditCsv(findings: readonly AuditFinding[]): string {
  const rows = findings.map((f) => [
    f.id,
    f.rule,
    findingName(f.rule)?.zh ?? '',
    f.severity,
    f.year,
    f.agency,
    f.reports.join(' '),
    f.keys.map(labelWithKey).join('; '),
    f.message,
    f.messageEn ?? '',
    f.basis ?? '',
    f.evidence,
  ]);
  return toCsv([HEAD, ...rows], { bom: true });
}
