import { findingName } from '../../findings/names';
import type { AuditFinding, AuditRun } from '../types';

const esc = (s: string | number | null | undefined) =>
  String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const SEVERITY_ORDER = ['error', 'warning', 'info'];
const SEVERITY_LABEL: Record<string, string> = { error: '错误 error', warning: '警告 warning', info: '提示 info' };
/** Bilingual as the page is: Chinese first, English as secondary text. */
const both = (zh: string, en: string) => `${esc(zh)} <small lang="en">${esc(en)}</small>`;
/** A rule or check by its name, its id as secondary text. */
const ruleCell = (rule: string) => {
  const name = findingName(rule);
  return name ? `${both(name.zh, name.en)} <code>${esc(rule)}</code>` : `<code>${esc(rule)}</code>`;
};
const ruleText = (rule: string) => {
  const name = findingName(rule);
  return name ? `${name.zh} ${rule}` : rule;
};
const COLOR: Record<string, string> = { error: '#b3261e', warning: '#c77700', info: '#3366aa' };

/** Findings per rule as horizontal bars, each named (its id after the name), in inline SVG so the file is self-contained and can be mailed on. */
function chart(byRule: Record<string, number>): string {
  const rows = Object.entries(byRule).sort(([a], [b]) => (a < b ? -1 : 1));
  if (rows.length === 0) return '';
  const max = Math.max(...rows.map(([, n]) => n));
  const bar = 22;
  const body = rows
    .map(([rule, n], i) => {
      const w = Math.max(2, Math.round((n / max) * 360));
      const y = i * bar;
      return `<text x="0" y="${y + 15}" font-size="13">${esc(ruleText(rule))}</text><rect x="230" y="${y + 3}" width="${w}" height="16" fill="#3366aa"/><text x="${236 + w}" y="${y + 15}" font-size="13">${n}</text>`;
    })
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="640" height="${rows.length * bar + 4}" role="img" aria-label="按规则统计 findings per rule">${body}</svg>`;
}

/** The audit report an officer reads and sends on: summary counts, a chart, then every finding. */
export function renderAuditHtml(run: AuditRun, findings: readonly AuditFinding[]): string {
  const sorted = [...findings].sort(
    (a, b) =>
      SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity) ||
      (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0) ||
      (a.agency ?? '').localeCompare(b.agency ?? '', 'zh'),
  );
  const severities = SEVERITY_ORDER.map((s) => `<td style="color:${COLOR[s]}">${SEVERITY_LABEL[s]} ${run.counts.bySeverity[s] ?? 0}</td>`).join('');
  const rows = sorted
    .map(
      (f) =>
        `<tr><td style="color:${COLOR[f.severity]}">${esc(SEVERITY_LABEL[f.severity])}</td><td>${ruleCell(f.rule)}</td><td>${esc(f.agency)}</td><td>${esc(f.message)}${f.messageEn ? `<div class="en" lang="en">${esc(f.messageEn)}</div>` : ''}</td><td class="ev">${esc(f.evidence)}</td><td class="ev">${esc(f.basis)}</td></tr>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${run.year}年度政府信息公开工作年度报告核查 · Audit of the ${run.year} reports</title>
<style>body{font-family:"Noto Sans CJK SC","WenQuanYi Zen Hei",sans-serif;margin:2em;max-width:1200px}table{border-collapse:collapse;width:100%}td,th{border:1px solid #ccc;padding:4px 6px;vertical-align:top;text-align:left}.ev{font-size:12px;color:#555}small,.en{color:#555}.en{font-size:13px}code{font-size:12px;color:#555}td:first-child{white-space:nowrap}</style>
</head><body>
<h1>${run.year}年度政府信息公开工作年度报告核查 <small lang="en">Audit of the ${run.year} annual reports</small></h1>
<p>核查时间 Audited：${esc(run.finishedAt)}　名录机关 Registered agencies：${run.counts.agencies}　报告 Reports：${run.counts.reports}　发现问题 Findings：${run.counts.findings}</p>
<table><tr>${severities}</tr></table>
<h2>${both('按规则统计', 'Findings per rule')}</h2>
${chart(run.counts.byRule)}
<h2>${both('问题清单', 'Findings')}</h2>
<table><thead><tr><th>${both('级别', 'Severity')}</th><th>${both('规则', 'Rule')}</th><th>${both('机关', 'Agency')}</th><th>${both('问题', 'Finding')}</th><th>${both('依据数据', 'Evidence')}</th><th>${both('依据', 'Basis')}</th></tr></thead>
<tbody>
${rows}
</tbody></table>
</body></html>
`;
}
