// Agencies of one year side by side: a bar chart per metric (sorted, outliers marked), the
// table, and the same table as a CSV download.
import { download, get } from './api.js';
import { barChart } from './chart.js';
import { el, number, percent } from './dom.js';
import { DEFAULT_YEAR, filterForm } from './form.js';
import { agencyHref, go, reportHref } from './nav.js';

/** As lambdas/core/compare/outliers.ts: below this many agencies nobody is marked. */
const MIN_PEERS = 5;

export async function compareView(query) {
  const year = query.get('year') || DEFAULT_YEAR;
  const params = { year, metrics: query.get('metrics') || undefined, agencies: query.get('agencies') || undefined };
  const form = filterForm(
    [
      { name: 'year', label: '年度 Year', type: 'number', size: 6, value: year },
      { name: 'metrics', label: '指标 Metrics（逗号分隔，可留空）', placeholder: 'rate.granted,rate.noInfo,t3.newReceived.total', size: 40 },
      { name: 'agencies', label: '机关 Agencies（逗号分隔，可留空）', size: 30 },
    ],
    query,
    (values) => go('compare', values),
    '对比 Compare',
  );
  const data = await get('/compare', params);
  const csv = el('button', { type: 'button', class: 'csv', onclick: () => download('/compare', { ...params, format: 'csv' }, `ogi-compare-${year}.csv`) }, '下载 CSV Download');
  if (data.rows.length === 0)
    return el('section', { class: 'compare' }, el('h2', {}, `机关对比 Compare · ${year}`), form, el('p', { class: 'empty' }, `${year} 年度没有已解析的报告。No parsed reports for ${year}.`));
  return el('section', { class: 'compare' },
    el('h2', {}, `机关对比 Compare · ${year} `, el('span', { class: 'count' }, `${data.rows.length} 个机关 agencies`), ' ', csv),
    form,
    el('p', { class: 'hint' }, data.rows.length < MIN_PEERS
      ? `机关少于 ${MIN_PEERS} 个，不标记离群值。Fewer than ${MIN_PEERS} agencies: no outliers are marked.`
      : '红色条为离群值：修正 z 分数（中位数与绝对中位差）超过 3.5，且同组至少 5 个机关。Red bars are outliers among at least 5 agencies (modified z-score > 3.5).'),
    el('div', { class: 'charts' }, data.metrics.map((m) => el('figure', { class: 'chart', 'data-metric': m.id },
      el('figcaption', {}, el('strong', {}, m.label), el('code', {}, m.id), el('small', {}, m.definition)),
      barChart(m, data.rows.map((r) => ({ agency: r.agency, ...r.cells[m.id] })), data.spread[m.id]?.median)))),
    el('h3', {}, '数据表 Table'),
    el('table', { class: 'list compare-table' },
      el('thead', {}, el('tr', {}, el('th', {}, '机关 Agency'), data.metrics.map((m) => el('th', { title: m.definition }, m.label)))),
      el('tbody', {}, data.rows.map((r) => el('tr', {},
        el('td', {}, el('a', { href: agencyHref(r.agency) }, r.agency), ' ', el('a', { href: reportHref(r.reportId), class: 'small' }, '报告')),
        data.metrics.map((m) => {
          const c = r.cells[m.id];
          return el('td', { class: c.outlier ? 'num outlier' : 'num' }, m.kind === 'rate' ? percent(c.value) : number(c.value), c.outlier ? ' ▲' : '');
        }))))));
}
