// Agencies of one year side by side, within a peer group (kind, level, region from the registry):
// a bar chart per metric (sorted, top and bottom N with the rest folded, outliers ▲ high / ▼ low),
// the table, and the same table as a CSV download.
import { download, get } from './api.js';
import { barChart, sideMark } from './chart.js';
import { el, number, percent, thead } from './dom.js';
import { DEFAULT_YEAR, filterForm } from './form.js';
import { agencyHref, go, reportHref } from './nav.js';
import { agencySuggestions, metricSuggestions } from './names.js';

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
      {
        name: 'kind',
        label: '同类 Kind',
        options: [
          ['', '全部 all'],
          ['government', '政府 government'],
          ['department', '部门 department'],
        ],
      },
      { name: 'level', label: '同级 Level', options: choices('level') },
      { name: 'region', label: '地区 Region', options: choices('region') },
      {
        name: 'metrics',
        label: '指标 Metrics（逗号分隔，可留空）',
        placeholder: 'rate.granted,t3.newReceived.total',
        size: 30,
        suggestions: metricSuggestions(),
      },
      { name: 'agencies', label: '机关 Agencies（逗号分隔，可留空）', size: 24, suggestions: agencies },
    ],
    query,
    (values) => go('compare', values),
    '对比 Compare',
  );
  const csv = el(
    'button',
    { type: 'button', class: 'csv', onclick: () => download('/compare', { ...params, format: 'csv' }, `ogi-compare-${year}.csv`) },
    '下载 CSV Download',
  );
  const groupName = [group.kind && (group.kind === 'government' ? '政府' : '部门'), group.level, group.region].filter(Boolean).join(' · ');
  const title = el(
    'h2',
    {},
    `机关对比 Compare · ${year} `,
    el('span', { class: 'count' }, `${data.rows.length} 个机关 agencies${groupName ? ` · 同组 peer group: ${groupName}` : ''}`),
    ' ',
    csv,
  );
  if (data.rows.length === 0)
    return el(
      'section',
      { class: 'compare' },
      title,
      form,
      el('p', { class: 'empty' }, `${year} 年度没有符合条件的已解析报告。No parsed reports match for ${year}.`),
    );
  return el(
    'section',
    { class: 'compare' },
    title,
    form,
    el('p', { class: 'hint' }, outlierHint(data.method, data.rows.length, groupName)),
    el(
      'div',
      { class: 'charts' },
      data.metrics.map((m) => chartFigure(m, data)),
    ),
    el('h3', {}, '数据表 Table'),
    el(
      'div',
      { class: 'scroll' },
      el(
        'table',
        { class: 'list compare-table' },
        thead(
          el('th', {}, '机关 Agency'),
          data.metrics.map((m) => el('th', { title: m.definition }, m.label)),
        ),
        el(
          'tbody',
          {},
          data.rows.map((r) =>
            el(
              'tr',
              {},
              el('td', {}, el('a', { href: agencyHref(r.agency) }, r.agency), ' ', el('a', { href: reportHref(r.reportId), class: 'small' }, '报告')),
              data.metrics.map((m) => {
                const c = r.cells[m.id];
                return el(
                  'td',
                  { class: c.outlier ? `num outlier ${c.direction}` : 'num' },
                  m.kind === 'rate' ? percent(c.value) : number(c.value),
                  sideMark(c),
                );
              }),
            ),
          ),
        ),
      ),
    ),
  );
}

/** How outliers were marked: the audit's X5 method and thresholds, within the agencies shown. */
function outlierHint(method, n, groupName) {
  if (n < method.minPeers)
    return `机关少于 ${method.minPeers} 个（审计规则 X5 的最小同组规模），不标记离群值。Fewer than ${method.minPeers} agencies (the audit's smallest peer group, X5): no outliers are marked.`;
  const gap = Math.round(method.minRateGap * 100);
  return (
    `离群值与审计规则 X5 相同，只在所选机关（同组）中计算：比率偏离中位数超过 ${method.outlierZ} 个稳健标准差且至少 ${gap} 个百分点（申请不少于 ${method.minApplications} 件、案件不少于 ${method.minCases} 件者参与），或同组中位数不小于 ${method.zeroMedianMin} 时的 0；▲ 偏高，▼ 偏低。` +
    `Outliers are the audit's (X5), within the agencies shown: a rate over ${method.outlierZ} robust spreads and ${gap} points from the median (agencies with at least ${method.minApplications} applications or ${method.minCases} cases), or a zero where the peers' median is ${method.zeroMedianMin} or more; ▲ high, ▼ low.` +
    (groupName ? '' : ' 请选择同类、同级以在同组中比较。Choose a kind and level to compare peers.')
  );
}

/** A metric's chart, folded to the top and bottom bars when long, with a button to unfold it. */
function chartFigure(m, data) {
  const rows = data.rows.map((r) => ({ agency: r.agency, ...r.cells[m.id] }));
  const median = data.spread[m.id]?.median;
  const holder = el('div', { class: 'chart-body' }, barChart(m, rows, median, FOLD));
  const long = rows.filter((r) => r.value !== null).length > 2 * FOLD;
  const unfold = long
    ? el(
        'button',
        {
          type: 'button',
          class: 'link unfold',
          onclick: () => {
            holder.replaceChildren(barChart(m, rows, median));
            unfold.remove();
          },
        },
        '展开全部 show all',
      )
    : null;
  return el(
    'figure',
    { class: 'chart', 'data-metric': m.id },
    el('figcaption', {}, el('strong', {}, m.label), el('code', {}, m.id), el('small', {}, m.definition)),
    holder,
    unfold,
  );
}
