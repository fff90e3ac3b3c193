// A horizontal bar chart of one metric across agencies, as SVG built node by node (no markup
// strings): agencies sorted by value, outliers drawn in red and labelled, the median as a line.
import { svg } from './dom.js';
import { t } from './lang.js';

const ROW = 22;
const LABEL = 190;
const BAR = 360;
const VALUE = 90;

/** ▲ above the median, ▼ below it. */
export const sideMark = (r) => (r.outlier ? (r.direction === 'low' ? t(' ▼偏低', ' ▼low') : t(' ▲偏高', ' ▲high')) : '');

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
  const fmt = (v) => (v === null ? t('无数据', 'no data') : metric.kind === 'rate' ? `${(v * 100).toFixed(1)}%` : v.toLocaleString('zh-CN'));
  const height = ordered.length * ROW + 28;
  const chart = svg('svg', {
    class: 'bar-chart',
    width: LABEL + BAR + VALUE,
    height,
    viewBox: `0 0 ${LABEL + BAR + VALUE} ${height}`,
    role: 'img',
    'aria-label': `${metric.label}: ${t(`${sorted.length} 个机关`, `${sorted.length} agencies`)}`,
  });
  ordered.forEach((r, i) => {
    const y = i * ROW + 4;
    if (r.gap) return chart.append(svg('text', { x: LABEL + 4, y: y + 14, class: 'gap' }, t(`… 中间 ${r.gap} 个机关已折叠 …`, `… ${r.gap} agencies folded …`)));
    const w = r.value === null ? 0 : Math.max(1, scale(r.value));
    chart.append(
      svg('text', { x: LABEL - 8, y: y + 14, 'text-anchor': 'end', class: 'agency' }, truncate(r.agency, 14), svg('title', {}, r.agency)),
      svg(
        'rect',
        { x: LABEL, y: y + 2, width: w, height: ROW - 6, rx: 2, class: r.outlier ? 'bar outlier' : 'bar', 'data-agency': r.agency },
        svg('title', {}, `${r.agency}: ${fmt(r.value)}${r.outlier ? t('（离群）', ' (outlier)') : ''}`),
      ),
      svg('text', { x: LABEL + w + 6, y: y + 14, class: r.outlier ? 'value outlier' : 'value' }, `${fmt(r.value)}${sideMark(r)}`),
    );
  });
  if (median !== null && median !== undefined && present.length) {
    const x = LABEL + scale(median);
    chart.append(
      svg('line', { x1: x, x2: x, y1: 0, y2: ordered.length * ROW + 4, class: 'median' }),
      svg('text', { x, y: height - 6, 'text-anchor': 'middle', class: 'median-label' }, `${t('中位数', 'median')} ${fmt(median)}`),
    );
  }
  return chart;
}

const truncate = (s, n) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

const LINE_W = 560;
const LINE_H = 220;
const PAD = { left: 56, right: 150, top: 12, bottom: 28 };

/**
 * A metric over the years as lines: the peer group's median (thick) and each chosen agency, a
 * year without the figure left as a gap. series: [{name, values: [number|null per year], median?}].
 */
export function lineChart(metric, years, series) {
  const all = series.flatMap((s) => s.values).filter((v) => v !== null && v !== undefined);
  const max = Math.max(metric.kind === 'rate' ? 0.05 : 1, ...all);
  const x = (i) => PAD.left + (years.length > 1 ? (i / (years.length - 1)) * (LINE_W - PAD.left - PAD.right) : 0);
  const y = (v) => PAD.top + (1 - v / max) * (LINE_H - PAD.top - PAD.bottom);
  const fmt = (v) => (metric.kind === 'rate' ? `${(v * 100).toFixed(0)}%` : Math.round(v).toLocaleString('zh-CN'));
  const chart = svg('svg', { class: 'line-chart', width: LINE_W, height: LINE_H, viewBox: `0 0 ${LINE_W} ${LINE_H}`, role: 'img', 'aria-label': metric.label });
  for (const v of [0, max / 2, max])
    chart.append(
      svg('line', { x1: PAD.left, x2: LINE_W - PAD.right, y1: y(v), y2: y(v), class: 'grid' }),
      svg('text', { x: PAD.left - 6, y: y(v) + 4, 'text-anchor': 'end', class: 'axis' }, fmt(v)),
    );
  years.forEach((year, i) => chart.append(svg('text', { x: x(i), y: LINE_H - 8, 'text-anchor': 'middle', class: 'axis' }, String(year))));
  const labels = [];
  series.forEach((s, n) => {
    const points = s.values.map((v, i) => (v === null || v === undefined ? null : [x(i), y(v)]));
    // One path per run of years that have the figure: a missing year is a gap, never a line through it.
    const runs = [];
    for (const p of points) {
      if (!p) runs.push([]);
      else (runs.at(-1) ?? runs[runs.push([]) - 1]).push(p);
    }
    const cls = s.median ? 'series median-line' : `series s${n % 8}`;
    for (const run of runs.filter((r) => r.length))
      chart.append(svg('polyline', { points: run.map((p) => p.join(',')).join(' '), class: cls }, svg('title', {}, s.name)));
    for (const p of points.filter(Boolean)) chart.append(svg('circle', { cx: p[0], cy: p[1], r: s.median ? 3.5 : 2.5, class: cls }));
    const last = points.filter(Boolean).at(-1);
    if (last) labels.push({ y: last[1] + 4, cls, name: s.name });
  });
  // Each line's name at its last point, pushed apart so that no two overlap.
  labels.sort((a, b) => a.y - b.y);
  labels.forEach((l, i) => (l.y = Math.max(l.y, i ? labels[i - 1].y + 12 : l.y)));
  for (const l of labels)
    chart.append(svg('text', { x: LINE_W - PAD.right + 6, y: l.y, class: `legend ${l.cls}` }, truncate(l.name, 10), svg('title', {}, l.name)));
  return chart;
}
