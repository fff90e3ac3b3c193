import { labelWithKey } from '../form';
import { csvTable } from '../compare/csv';
import type { Finding } from '../types';
import { findingName } from './names';

/** A finding as the API lists it: where it was found, its id and its review. */
export interface ExportedFinding extends Pick<Finding, 'rule' | 'severity' | 'message' | 'keys' | 'evidence'> {
  id: string;
  reportId: string;
  agency: string | null;
  year: number | null;
  outcome: string;
  messageEn: string | null;
  review: { status: string; note: string } | null;
}

/** Each column named in Chinese with its field name as secondary text; keys under their labels on the form. */
export const FINDINGS_CSV_HEADER = [
  labelWithKey('agency'),
  labelWithKey('year'),
  '规则 (rule)',
  '规则名称 (rule_name)',
  '严重程度 (severity)',
  '结果 (outcome)',
  '问题 (message)',
  '问题（英文） (message_en)',
  '涉及单元格 (keys)',
  '依据数据 (evidence)',
  '审查 (review)',
  '审查备注 (review_note)',
  '报告 (report_id)',
  '问题编号 (finding_id)',
];

/** The findings export: one row per finding with its review, formula-safe, with a BOM for spreadsheet programs; `more` ends it when the list was cut. */
export function findingsCsv(items: readonly ExportedFinding[], more?: string): string {
  const rows = items.map((f) => [
    f.agency ?? '',
    String(f.year ?? ''),
    f.rule,
    findingName(f.rule)?.zh ?? '',
    f.severity,
    f.outcome,
    f.message,
    f.messageEn ?? '',
    f.keys.map(labelWithKey).join('; '),
    f.evidence ?? '',
    f.review?.status ?? 'open',
    f.review?.note ?? '',
    f.reportId,
    f.id,
  ]);
  if (more) rows.push([more]);
  return csvTable([FINDINGS_CSV_HEADER, ...rows]);
}
