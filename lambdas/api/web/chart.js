// A horizontal bar chart of one metric across agencies, as SVG built node by node (no markup
// strings): agencies sorted by value, outliers drawn in red and labelled, the median as a line.
import { svg } from './dom.js';

const ROW = 22;
const LABEL = 190;
const BAR = 360;
const VALUE = 90;

/** rows: [{agency, value, outlier}] with value null for agencies lacking the figure. */
export function barChart(metric, rows, median) {
  const present = rows.filter((r) => r.value !== null).sort((a, b) => b.value - a.value);
  const missing = rows.filter((r) => r.value === null);
  const ordered = [...present, ...missing];
  const max = Math.max(metric.kind === 'rate' ? 0 : 1, ...present.map((r) => r.value), 1e-9);
  const scale = (v) => (metric.kind === 'rate' ? Math.min(1, v / Math.max(max, 0.05)) : v / max) * BAR;
  const fmt = (v) => (v === null ? '无数据' : metric.kind === 'rate' ? `${(v * 100).toFixed(1)}%` : v.toLocaleString('zh-CN'));
  const height = ordered.length * ROW + 28;
  const chart = svg('svg', {
    class: 'bar-chart',
    width: LABEL + BAR + VALUE,
    height,
    viewBox: `0 0 ${LABEL + BAR + VALUE} ${height}`,
    role: 'img',
    'aria-label': `${metric.label}: ${present.length} 个机关`,
  });
  ordered.forEach((r, i) => {
    const y = i * ROW + 4;
    const w = r.value === null ? 0 : Math.max(1, scale(r.value));
    chart.append(
      svg('text', { x: LABEL - 8, y: y + 14, 'text-anchor': 'end', class: 'agency' }, truncate(r.agency, 14), svg('title', {}, r.agency)),
      svg('rect', { x: LABEL, y: y + 2, width: w, height: ROW - 6, rx: 2, class: r.outlier ? 'bar outlier' : 'bar', 'data-agency': r.agency },
        svg('title', {}, `${r.agency}: ${fmt(r.value)}${r.outlier ? '（离群 outlier）' : ''}`)),
      svg('text', { x: LABEL + w + 6, y: y + 14, class: r.outlier ? 'value outlier' : 'value' }, `${fmt(r.value)}${r.outlier ? ' ▲离群' : ''}`),
    );
  });
  if (median !== null && median !== undefined && present.length) {
    const x = LABEL + scale(median);
    chart.append(
      svg('line', { x1: x, x2: x, y1: 0, y2: ordered.length * ROW + 4, class: 'median' }),
      svg('text', { x, y: height - 6, 'text-anchor': 'middle', class: 'median-label' }, `中位数 median ${fmt(median)}`),
    );
  }
  return chart;
}

const truncate = (s, n) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
