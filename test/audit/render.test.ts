import { renderAuditCsv, renderAuditHtml, type AuditFinding, type AuditRun } from '../../lambdas/core/audit';
import { countFindings } from '../../lambdas/core/audit/audit-year';
import { parseCsv } from '../../lambdas/core/csv';

const finding = (rule: string, severity: AuditFinding['severity'], agency: string, message: string): AuditFinding => ({
  id: `${rule}:${agency}`,
  rule,
  severity,
  message,
  messageEn: message,
  basis: '条例',
  keys: ['t3.carriedOver.total'],
  evidence: 'a-2024 (2024), b-2023 (2023)',
  year: 2024,
  agency,
  reports: ['a-2024', 'b-2023'],
});

const findings = [finding('X5-RATE', 'warning', '乙局', '比例偏高，"引号", 逗号'), finding('X1', 'error', '<script>alert(1)</script>', '结转不一致')];
const run: AuditRun = {
  id: 'r1',
  year: 2024,
  status: 'succeeded',
  startedAt: '2025-02-01T00:00:00Z',
  finishedAt: '2025-02-01T00:00:05Z',
  counts: countFindings(3, 2, findings),
  files: { html: 'a.html', csv: 'a.csv', json: 'a.json' },
};

describe('audit report files', () => {
  it('HTML lists errors first, escapes names, and charts the counts per rule', () => {
    const html = renderAuditHtml(run, findings);
    expect(html).not.toContain('<script>alert');
    expect(html).toContain('&lt;script&gt;');
    expect(html.indexOf('结转不一致')).toBeLessThan(html.indexOf('比例偏高'));
    expect(html.match(/<rect /g)).toHaveLength(2);
    expect(html).toContain('发现问题：2项');
  });

  it('CSV round-trips every finding, quotes and commas included', () => {
    const [head, ...rows] = parseCsv(renderAuditCsv(findings).replace(/^\uFEFF/, ''));
    expect(head.slice(0, 3)).toEqual(['id', 'rule', 'severity']);
    expect(rows.map((r) => r[head.indexOf('message')])).toEqual(findings.map((f) => f.message));
    expect(rows[0][head.indexOf('reports')]).toBe('a-2024 b-2023');
  });
});
