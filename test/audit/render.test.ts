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
    expect(html).toContain('发现问题 Findings：2');
  });

  it('HTML is bilingual as the page is and names every rule and check, its id as secondary text', () => {
    const html = renderAuditHtml(run, findings);
    expect(html).toContain('问题清单 <small lang="en">Findings</small>');
    // The chart's rows and the list's rule column name the check (X5-RATE), not just its id.
    expect(html).toContain('>比率离群 X5-RATE</text>');
    expect(html).toContain('比率离群 <small lang="en">Rate out of line with peers</small> <code>X5-RATE</code>');
    expect(html).toContain('结转衔接 <small lang="en">');
  });

  it('CSV round-trips every finding, quotes and commas included', () => {
    const [head, ...rows] = parseCsv(renderAuditCsv(findings).replace(/^\uFEFF/, ''));
    expect(head.slice(0, 4)).toEqual(['问题编号 (id)', '规则 (rule)', '规则名称 (rule_name)', '严重程度 (severity)']);
    expect(rows.map((r) => r[head.indexOf('问题 (message)')])).toEqual(findings.map((f) => f.message));
    expect(rows[0][head.indexOf('报告 (reports)')]).toBe('a-2024 b-2023');
    expect(rows[0][head.indexOf('规则名称 (rule_name)')]).toBe('比率离群');
    expect(rows[0][head.indexOf('涉及数据 (keys)')]).toBe('表三 · 上年结转 · 总计 (t3.carriedOver.total)');
  });
});
