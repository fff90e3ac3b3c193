// Agencies of one year side by side, within a peer group (kind, level, region from the registry):
// a bar chart per metric (sorted, top and bottom N with the rest folded, outliers ▲ high / ▼ low),
// the table, and the same table as a CSV download.
import { download, get } from './api.js';
import { barChart, sideMark } from './chart.js';
import { el, number, percent } from './dom.js';
import { DEFAULT_YEAR, filterForm } from './form.js';
import { agencyHref, go, reportHref } from './nav.js';
import { agencySuggestions, metricSuggestions } from './names.js';

/** As lambdas/core/compare/outliers.ts: below this many agencies nobody is marked. */
const MIN_PEERS = 5;
/** Bars drawn at each end of a long chart; the middle is folded. */
const FOLD = 10;

export async function compareView(query) {
  const year = query.get('year') || DEFAULT_YEAR;
  const group = Object.fromEntries(['kind', 'level', 'region'].map((k) => [k, query.get(k) || undefined]));
  const params = { year, metrics: query.get('metrics') || undefined, agencies: query.get('agencies') || undefined, ...group };
  const [data, registry, agencies] = await Promise.all([get('/compare', params), get('/agencies', { year }), agencySuggestions(year)]);
  const choices = (field) => [['', '全部 all'], ...[...new Set(registry.items.map((a) => a[field]).filter(Boolean))].sort().map((v) => [v, v])];
  const form = filterForm(
    [
      { name: 'year', label: '年度 Year', type: 'number', size: 6, value: year },
      { name: 'kind', label: '同类 Kind', options: [['', '全部 all'], ['government', '政府 government'], ['department', '部门 department']] },
      { name: 'level', label: '同级 Level', options: choices('level') },
      { name: 'region', label: '地区 Region', options: choices('region') },
      { name: 'metrics', label: '指标 Metrics（逗号分隔，可留空）', placeholder: 'rate.granted,t3.newReceived.total', size: 30, suggestions: metricSuggestions() },
      { name: 'agencies', label: '机关 Agencies（逗号分隔，可留空）', size: 24, suggestions: agencies },
    ],
    query,
    (values) => go('compare', values),
    '对比 Compare',
  );
  const csv = el('button', { type: 'button', class: 'csv', onclick: () => download('/compare', { ...params, format: 'csv' }, `ogi-compare-${year}.csv`) }, '下载 CSV Download');
  const groupName = [group.kind && (group.kind === 'government' ? '政府' : '部门'), group.level, group.region].filter(Boolean).join(' · ');
  const title = el('h2', {}, `机关对比 Compare · ${year} `, el('span', { class: 'count' }, `${data.rows.length} 个机关 agencies${groupName ? ` · 同组 peer group: ${groupName}` : ''}`), ' ', csv);
  if (data.rows.length === 0)
    return el('section', { class: 'compare' }, title, form, el('p', { class: 'empty' }, `${year} 年度没有符合条件的已解析报告。No parsed reports match for ${year}.`));
  return el('section', { class: 'compare' },
    title,
    form,
    el('p', { class: 'hint' }, data.rows.length < MIN_PEERS
      ? `机关少于 ${MIN_PEERS} 个，不标记离群值。Fewer than ${MIN_PEERS} agencies: no outliers are marked.`
      : `离群值只在所选机关（同组）中计算：修正 z 分数（中位数与绝对中位差）超过 3.5；▲ 偏高，▼ 偏低。Outliers are computed within the agencies shown (the peer group): modified z-score > 3.5; ▲ high, ▼ low.${groupName ? '' : ' 请选择同类、同级以在同组中比较。Choose a kind and level to compare peers.'}`),
    el('div', { class: 'charts' }, data.metrics.map((m) => chartFigure(m, data))),
    el('h3', {}, '数据表 Table'),
    el('div', { class: 'scroll' }, el('table', { class: 'list compare-table' },
      el('thead', {}, el('tr', {}, el('th', {}, '机关 Agency'), data.metrics.map((m) => el('th', { title: m.definition }, m.label)))),
      el('tbody', {}, data.rows.map((r) => el('tr', {},
        el('td', {}, el('a', { href: agencyHref(r.agency) }, r.agency), ' ', el('a', { href: reportHref(r.reportId), class: 'small' }, '报告')),
        data.metrics.map((m) => {
          const c = r.cells[m.id];
          return el('td', { class: c.outlier ? `num outlier ${c.direction}` : 'num' }, m.kind === 'rate' ? percent(c.value) : number(c.value), sideMark(c));
        })))))));
}

/** A metric's chart, folded to the top and bottom bars when long, with a button to unfold it. */
function chartFigure(m, data) {
  const rows = data.rows.map((r) => ({ agency: r.agency, ...r.cells[m.id] }));
  const median = data.spread[m.id]?.median;
  const holder = el('div', { class: 'chart-body' }, barChart(m, rows, median, FOLD));
  const long = rows.filter((r) => r.value !== null).length > 2 * FOLD;
  const unfold = long ? el('button', { type: 'button', class: 'link unfold', onclick: () => { holder.replaceChildren(barChart(m, rows, median)); unfold.remove(); } }, '展开全部 show all') : null;
  return el('figure', { class: 'chart', 'data-metric': m.id },
    el('figcaption', {}, el('strong', {}, m.label), el('code', {}, m.id), el('small', {}, m.definition)),
    holder, unfold);
}
