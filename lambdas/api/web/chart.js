// A horizontal bar chart of one metric across agencies, as SVG built node by node (no markup
// strings): agencies sorted by value, outliers drawn in red and labelled, the median as a line.
import { svg } from './dom.js';

const ROW = 22;
const LABEL = 190;
const BAR = 360;
const VALUE = 90;

/** ▲ above the median, ▼ below it. */
export const sideMark = (r) => (r.outlier ? (r.direction === 'low' ? ' ▼偏低' : ' ▲偏高') : '');

/**
 * rows: [{agency, value, outlier, direction}] with value null for agencies lacking the figure.
 * With `fold` set, only the top and bottom `fold` bars are drawn and the middle is one line.
 */
export function barChart(metric, rows, median, fold) {
  const sorted = rows.filter((r) => r.value !== null).sort((a, b) => b.value - a.value);
  const folded = fold && sorted.length > 2 * fold ? sorted.length - 2 * fold : 0;
  const present = folded ? [...sorted.slice(0, fold), { gap: folded }, ...sorted.slice(-fold)] : sorted;
  const missing = folded ? [] : rows.filter((r) => r.value === null);
  const ordered = [...present, ...missing];
  const max = Math.max(metric.kind === 'rate' ? 0 : 1, ...sorted.map((r) => r.value), 1e-9);
  const scale = (v) => (metric.kind === 'rate' ? Math.min(1, v / Math.max(max, 0.05)) : v / max) * BAR;
  const fmt = (v) => (v === null ? '无数据' : metric.kind === 'rate' ? `${(v * 100).toFixed(1)}%` : v.toLocaleString('zh-CN'));
  const height = ordered.length * ROW + 28;
  const chart = svg('svg', {
    class: 'bar-chart',
    width: LABEL + BAR + VALUE,
    height,
    viewBox: `0 0 ${LABEL + BAR + VALUE} ${height}`,
    role: 'img',
    'aria-label': `${metric.label}: ${sorted.length} 个机关`,
  });
  ordered.forEach((r, i) => {
    const y = i * ROW + 4;
    if (r.gap) return chart.append(svg('text', { x: LABEL + 4, y: y + 14, class: 'gap' }, `… 中间 ${r.gap} 个机关已折叠 ${r.gap} folded …`));
    const w = r.value === null ? 0 : Math.max(1, scale(r.value));
    chart.append(
      svg('text', { x: LABEL - 8, y: y + 14, 'text-anchor': 'end', class: 'agency' }, truncate(r.agency, 14), svg('title', {}, r.agency)),
      svg(
        'rect',
        { x: LABEL, y: y + 2, width: w, height: ROW - 6, rx: 2, class: r.outlier ? 'bar outlier' : 'bar', 'data-agency': r.agency },
        svg('title', {}, `${r.agency}: ${fmt(r.value)}${r.outlier ? '（离群 outlier）' : ''}`),
      ),
      svg('text', { x: LABEL + w + 6, y: y + 14, class: r.outlier ? 'value outlier' : 'value' }, `${fmt(r.value)}${sideMark(r)}`),
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
