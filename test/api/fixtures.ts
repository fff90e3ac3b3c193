import { createHash } from 'node:crypto';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import type { Finding, Report, Severity } from '../../lambdas/core/types';
import { fingerprint } from '../../lambdas/core/rules/evidence';
import { claimReport, getReport, markFailed, putRecordObject, saveReport } from '../../lambdas/store';
import type { LocalStack } from '../../local/stack';

/**
 * Records written through the store's own write path (claim → record object → save), as the
 * ingest Lambda writes them, so the API reads exactly what production would hold.
 */

export const XSS = '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">';
export const XSS_AGENCY = `测试<script>window.__pwned=3</script>局`;

interface Spec {
  id: string;
  agency: string;
  year: number;
  /** Applications processed, of which granted/partial/noInfo. */
  processed: number;
  granted: number;
  noInfo: number;
  reviewCorrected?: number;
  findings?: [rule: string, severity: Severity, keys: string[]][];
  text?: string;
}

export function makeReport(s: Spec): Report {
  const partial = 5;
  const rest = s.processed - s.granted - partial - s.noInfo;
  const values: Record<string, number> = {
    't3.newReceived.total': s.processed,
    't3.carriedOver.total': 0,
    't3.granted.total': s.granted,
    't3.partial.total': partial,
    't3.unable.noInfo.total': s.noInfo,
    't3.notProcessed.repeat.total': rest,
    't3.totalProcessed.total': s.processed,
    't3.carriedForward.total': 0,
    't3.granted.natural': s.granted,
    't4.review.upheld': 5,
    't4.review.corrected': s.reviewCorrected ?? 1,
    't4.review.other': 0,
    't4.review.pending': 1,
    't4.review.total': 7 + (s.reviewCorrected ?? 1) - 1,
    't4.litigationDirect.corrected': 1,
    't4.litigationDirect.total': 4,
    't4.litigationAfterReview.corrected': 0,
    't4.litigationAfterReview.total': 0,
    't2.rules.issued': 2,
  };
  const evidence = Object.fromEntries(
    Object.entries(values).map(([k, v], i) => [
      k,
      {
        source: 'table' as const,
        locator: `table[1] row ${i + 2} col 3`,
        raw: k === 't3.unable.noInfo.total' && s.text ? `${v}${s.text}` : String(v),
        page: 2,
      },
    ]),
  );
  const findings: Finding[] = (s.findings ?? []).map(([rule, severity, keys]) => ({
    id: fingerprint(s.id, { rule, keys }),
    rule,
    severity,
    message: `${keys.join('、')} 与表内其他数字不一致${s.text ?? ''}`,
    basis: '国办公开办函〔2021〕30号',
    keys,
    evidence: keys[0] in values ? `${keys[0]}=${values[keys[0]]} @ ${evidence[keys[0]].locator} "${evidence[keys[0]].raw}"` : keys[0],
  }));
  return {
    id: s.id,
    status: 'parsed',
    reason: null,
    input: { kind: 'html', bytes: 1000, sha256: sha(s.id), encoding: 'utf-8', script: 'simplified' },
    agency: s.agency,
    year: s.year,
    format: '2021',
    publishedAt: `${s.year + 1}-01-20`,
    sections: [
      { n: 1, title: '一、总体情况', text: `本机关${s.year}年度依法公开政府信息。${s.text ?? ''}` },
      { n: 5, title: '五、存在的主要问题及改进情况', text: '主动公开的及时性有待提高。' },
    ],
    tables: ['t2', 't3', 't4'],
    values,
    evidence,
    derived: { 't4.litigation.sum.corrected': 1, 't4.litigation.sum.total': 4, 't4.litigation.sum.pending': 0 },
    narrative: [{ key: 't3.newReceived.total', value: s.processed, sentence: `全年收到申请${s.processed}件。` }],
    repairs: [],
    findings,
  };
}

const sha = (id: string) => createHash('sha256').update(id).digest('hex');

/** Agencies of 2024 (one an outlier on rate.noInfo), one agency's 2023, and a report whose text is hostile. */
export const REPORTS: Report[] = [
  makeReport({
    id: 'a-2024',
    agency: '甲区人民政府',
    year: 2024,
    processed: 100,
    granted: 60,
    noInfo: 10,
    findings: [
      ['S5-balance', 'error', ['t3.totalProcessed.total', 't3.newReceived.total']],
      ['S6-counts', 'warning', ['t3.unable.noInfo.total']],
      ['S9-problems', 'info', ['section.5']],
    ],
  }),
  makeReport({
    id: 'a-2023',
    agency: '甲区人民政府',
    year: 2023,
    processed: 80,
    granted: 40,
    noInfo: 12,
    findings: [['S5-balance', 'error', ['t3.totalProcessed.total']]],
  }),
  makeReport({
    id: 'b-2024',
    agency: '乙区人民政府',
    year: 2024,
    processed: 120,
    granted: 70,
    noInfo: 12,
    findings: [
      ['S5-balance', 'error', ['t3.granted.total']],
      ['S2-format', 'warning', ['t2']],
    ],
  }),
  makeReport({
    id: 'c-2024',
    agency: '丙区人民政府',
    year: 2024,
    processed: 90,
    granted: 50,
    noInfo: 9,
    findings: [['S6-counts', 'warning', ['t3.partial.total']]],
  }),
  makeReport({
    id: 'd-2024',
    agency: '丁区人民政府',
    year: 2024,
    processed: 110,
    granted: 66,
    noInfo: 11,
    findings: [['S7-units', 'warning', ['t2.rules.issued']]],
  }),
  makeReport({
    id: 'e-2024',
    agency: '戊区人民政府',
    year: 2024,
    processed: 100,
    granted: 58,
    noInfo: 10,
    reviewCorrected: 3,
    findings: [['S9-problems', 'info', ['section.5']]],
  }),
  makeReport({
    id: 'f-2024',
    agency: '己区人民政府',
    year: 2024,
    processed: 100,
    granted: 10,
    noInfo: 80,
    findings: [
      ['S6-counts', 'error', ['t3.unable.noInfo.total']],
      ['S9-problems', 'info', ['section.5']],
    ],
  }),
  makeReport({
    id: 'xss-2024',
    agency: XSS_AGENCY,
    year: 2024,
    processed: 50,
    granted: 30,
    noInfo: 5,
    text: XSS,
    findings: [['S6-counts', 'error', ['t3.unable.noInfo.total']]],
  }),
];

export const FINDINGS_2024 = REPORTS.filter((r) => r.year === 2024).reduce((n, r) => n + r.findings.length, 0);

type Claim = Parameters<typeof claimReport>[0];

const claimOf = (stack: LocalStack, report: Report, i: number, versionId?: string): Claim => ({
  id: report.id,
  sha256: report.input.sha256,
  bytes: report.input.bytes,
  source: { bucket: stack.bucket, key: `incoming-test/${report.id}.html`, versionId },
  uploadedAt: new Date(Date.UTC(2025, 0, 1, 0, i)).toISOString(),
});

/** Uploads the original file to S3 and stores the record through the store, as the ingest does. */
export async function seed(stack: LocalStack, reports: Report[] = REPORTS): Promise<void> {
  for (const [i, report] of reports.entries()) {
    const body = `<html><body><h1>${report.agency} ${report.year}年政府信息公开工作年度报告</h1></body></html>`;
    const put = await stack.s3.send(new PutObjectCommand({ Bucket: stack.bucket, Key: `incoming-test/${report.id}.html`, Body: body }));
    await store(stack, claimOf(stack, report, i, put.VersionId), report);
  }
}

async function store(stack: LocalStack, claim: Claim, report: Report): Promise<void> {
  const result = await claimReport(claim);
  if (result.outcome !== 'claimed') throw new Error(`unexpected ${result.outcome} for ${report.id}`);
  const recordKey = await putRecordObject(stack.bucket, report);
  await saveReport({ claim, id: result.id, claimedAt: result.claimedAt, attempt: result.attempt, report, recordKey });
}

/**
 * Parses the same report again, as the ingest's retry does: the stored attempt is marked failed,
 * the content claimed again, and the report and its findings rewritten from scratch.
 */
export async function reparse(stack: LocalStack, report: Report): Promise<void> {
  const stored = await getReport(report.id);
  if (!stored) throw new Error(`no report ${report.id}`);
  await markFailed(report.id, stored.receivedAt, new Error('simulated crash before a re-parse'));
  await store(stack, claimOf(stack, report, REPORTS.indexOf(report)), report);
}
