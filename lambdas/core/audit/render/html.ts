import type { AuditFinding, AuditRun } from '../types';

const esc = (s: string | number | null | undefined) =>
  String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const SEVERITY_ORDER = ['error', 'warning', 'info'];
const SEVERITY_LABEL: Record<string, string> = { error: '错误', warning: '警示', info: '提示' };
const COLOR: Record<string, string> = { error: '#b3261e', warning: '#c77700', info: '#3366aa' };

/** Findings per rule as horizontal bars, in inline SVG so the file is self-contained and can be mailed on. */
function chart(byRule: Record<string, number>): string {
  const rows = Object.entries(byRule).sort(([a], [b]) => (a < b ? -1 : 1));
  if (rows.length === 0) return '';
  const max = Math.max(...rows.map(([, n]) => n));
  const bar = 22;
  const body = rows
    .map(([rule, n], i) => {
      const w = Math.max(2, Math.round((n / max) * 360));
      const y = i * bar;
      return `<text x="0" y="${y + 15}" font-size="13">${esc(rule)}</text><rect x="110" y="${y + 3}" width="${w}" height="16" fill="#3366aa"/><text x="${116 + w}" y="${y + 15}" font-size="13">${n}</text>`;
    })
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="520" height="${rows.length * bar + 4}" role="img" aria-label="findings per rule">${body}</svg>`;
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
        `<tr><td style="color:${COLOR[f.severity]}">${esc(SEVERITY_LABEL[f.severity])}</td><td>${esc(f.rule)}</td><td>${esc(f.agency)}</td><td>${esc(f.message)}</td><td class="ev">${esc(f.evidence)}</td><td class="ev">${esc(f.basis)}</td></tr>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${run.year}年度政府信息公开工作年度报告核查</title>
<style>body{font-family:"Noto Sans CJK SC","WenQuanYi Zen Hei",sans-serif;margin:2em;max-width:1200px}table{border-collapse:collapse;width:100%}td,th{border:1px solid #ccc;padding:4px 6px;vertical-align:top;text-align:left}.ev{font-size:12px;color:#555}td:nth-child(-n+2){white-space:nowrap}</style>
</head><body>
<h1>${run.year}年度政府信息公开工作年度报告核查</h1>
<p>核查时间：${esc(run.finishedAt)}　名录机关：${run.counts.agencies}家　报告：${run.counts.reports}份　发现问题：${run.counts.findings}项</p>
<table><tr>${severities}</tr></table>
<h2>按规则统计</h2>
${chart(run.counts.byRule)}
<h2>问题清单</h2>
<table><thead><tr><th>级别</th><th>规则</th><th>机关</th><th>问题</th><th>依据数据</th><th>依据</th></tr></thead>
<tbody>
${rows}
</tbody></table>
</body></html>
`;
}
