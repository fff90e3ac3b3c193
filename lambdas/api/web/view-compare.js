// Agencies side by side, within a peer group (kind, level, region from the registry): for one year
// a bar chart per metric (sorted, top and bottom N with the rest folded, outliers ▲ high / ▼ low),
// the table and its CSV; over several years the peer group's median and the chosen agencies as
// lines. Agencies and metrics are picked from lists (or ticked on the overview); every choice is
// in the link, so a view can be bookmarked and sent.
import { download, get } from './api.js';
import { barChart, lineChart, sideMark } from './chart.js';
import { clear, el, number, percent, thead } from './dom.js';
import { DEFAULT_YEAR } from './form.js';
import { t } from './lang.js';
import { agencyHref, go, reportHref } from './nav.js';
import { fieldLabel, kindText } from './names.js';

/** Bars drawn at each end of a long chart; the middle is folded. */
const FOLD = 10;
/** Agencies drawn as their own line over the years; more would be unreadable (the median is always drawn). */
const MAX_LINES = 8;
/** The figures offered besides the rates: the totals officers compare most. */
const COUNT_METRICS = ['t3.newReceived.total', 't3.totalProcessed.total', 't3.carriedForward.total', 't4.review.total', 't4.litigation.sum.total'];
const DEFAULT_METRICS = ['rate.granted', 'rate.noInfo', 'rate.reviewCorrected', 'rate.litigationCorrected', 't3.newReceived.total'];

const list = (s) => (s ? s.split(',').filter(Boolean) : []);

export async function compareView(query) {
  const state = {
    year: query.get('year') || DEFAULT_YEAR,
    view: query.get('view') === 'trend' ? 'trend' : 'year',
    from: query.get('from') || undefined,
    to: query.get('to') || undefined,
    kind: query.get('kind') || undefined,
    level: query.get('level') || undefined,
    region: query.get('region') || undefined,
    metrics: query.get('metrics') || undefined,
    agencies: query.get('agencies') || undefined,
  };
  const registry = await get('/agencies', { year: state.year });
  const form = compareForm(state, registry.items);
  const group = { kind: state.kind, level: state.level, region: state.region };
  const groupName = [state.kind && kindText(state.kind), state.level, state.region].filter(Boolean).join(' · ');
  const body = state.view === 'trend' ? await trendBody(state, group, groupName) : await yearBody(state, group, groupName);
  return el('section', { class: `compare ${state.view}` }, body.title, form, ...body.nodes);
}

/** The choices: one year or a range, the peer group, metrics and agencies from lists. */
function compareForm(state, agencies) {
  const choices = (field) => [...new Set(agencies.map((a) => a[field]).filter(Boolean))].sort();
  const select = (name, label, options) =>
    el(
      'label',
      {},
      el('span', {}, label),
      el(
        'select',
        { name },
        options.map(([v, text]) => el('option', { value: v, selected: (state[name] ?? '') === v }, text)),
      ),
    );
  const all = ['', t('全部', 'all')];
  const year = Number(state.year);
  const metricIds = [...new Set([...list(state.metrics || DEFAULT_METRICS.join(','))])];
  const offered = [...['rate.granted', 'rate.noInfo', 'rate.notProcessed', 'rate.reviewCorrected', 'rate.litigationCorrected'], ...COUNT_METRICS];
  // A metric the link asks for beyond those offered (a key from the agency page) stays a choice.
  const metricBoxes = [...offered, ...metricIds.filter((id) => !offered.includes(id))].map((id) => [id, metricName(id)]);
  const chosen = new Set(list(state.agencies));
  const search = el('input', {
    type: 'search',
    class: 'agency-search',
    placeholder: t('筛选机关名称', 'filter by name'),
    'aria-label': t('筛选机关名称', 'filter by name'),
  });
  const boxes = agencies.map((a) =>
    el(
      'label',
      { class: 'agency-option', 'data-name': a.name },
      el('input', { type: 'checkbox', name: 'agency', value: a.name, checked: chosen.has(a.name) }),
      a.name,
      el('small', {}, [a.level, kindText(a.kind)].filter(Boolean).join(' · ')),
    ),
  );
  search.addEventListener('input', () => {
    for (const b of boxes) b.hidden = !b.dataset.name.includes(search.value.trim());
  });
  const picked = el('span', { class: 'picked' }, chosen.size ? t(`已选 ${chosen.size} 个`, `${chosen.size} chosen`) : t('全部机关', 'every agency'));
  const form = el(
    'form',
    { class: 'filters compare-form', 'data-view': state.view },
    select('view', t('比较', 'Compare'), [
      ['year', t('单一年度', 'one year')],
      ['trend', t('历年趋势', 'over the years')],
    ]),
    el('label', {}, el('span', {}, t('年度', 'Year')), el('input', { name: 'year', type: 'number', size: 6, value: state.year })),
    el(
      'label',
      { class: 'trend-only' },
      el('span', {}, t('起始年度', 'From')),
      el('input', { name: 'from', type: 'number', size: 6, value: state.from ?? year - 4 }),
    ),
    el('label', { class: 'trend-only' }, el('span', {}, t('截止年度', 'To')), el('input', { name: 'to', type: 'number', size: 6, value: state.to ?? year })),
    select('kind', t('同类', 'Kind'), [all, ['government', kindText('government')], ['department', kindText('department')]]),
    select('level', t('同级', 'Level'), [all, ...choices('level').map((v) => [v, v])]),
    select('region', t('地区', 'Region'), [all, ...choices('region').map((v) => [v, v])]),
    el(
      'details',
      { class: 'pick metrics-pick' },
      el('summary', {}, t('指标', 'Metrics'), ' ', el('span', { class: 'picked' }, t(`${metricIds.length} 项`, `${metricIds.length}`))),
      el(
        'div',
        { class: 'options' },
        metricBoxes.map(([id, label]) =>
          el('label', {}, el('input', { type: 'checkbox', name: 'metric', value: id, checked: metricIds.includes(id) }), label, el('code', {}, id)),
        ),
      ),
    ),
    el('details', { class: 'pick agencies-pick' }, el('summary', {}, t('机关', 'Agencies'), ' ', picked), search, el('div', { class: 'options' }, boxes)),
    el('button', { type: 'submit' }, t('对比', 'Compare')),
  );
  form.querySelector('select[name=view]').addEventListener('change', (e) => (form.dataset.view = e.target.value));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const data = new FormData(form);
    const values = Object.fromEntries(['view', 'year', 'from', 'to', 'kind', 'level', 'region'].map((k) => [k, data.get(k) || undefined]));
    if (values.view !== 'trend') Object.assign(values, { view: undefined, from: undefined, to: undefined });
    go('compare', { ...values, metrics: data.getAll('metric').join(',') || undefined, agencies: data.getAll('agency').join(',') || undefined });
  });
  return form;
}

const metricName = (id) =>
  ({
    'rate.granted': t('予以公开及部分公开率', 'Granted (incl. partly)'),
    'rate.noInfo': t('本机关不掌握信息比例', 'Not held'),
    'rate.notProcessed': t('不予处理比例', 'Not processed'),
    'rate.reviewCorrected': t('行政复议纠错率', 'Review corrected'),
    'rate.litigationCorrected': t('行政诉讼纠错率', 'Litigation corrected'),
  })[id] ?? fieldLabel(id);

async function yearBody(state, group, groupName) {
  const params = { year: state.year, metrics: state.metrics, agencies: state.agencies, ...group };
  const data = await get('/compare', params);
  const csv = el(
    'button',
    { type: 'button', class: 'csv', onclick: () => download('/compare', { ...params, format: 'csv' }, `ogi-compare-${state.year}.csv`) },
    t('下载 CSV', 'Download CSV'),
  );
  const title = el(
    'h2',
    {},
    `${t('机关对比', 'Compare')} · ${state.year} `,
    el(
      'span',
      { class: 'count' },
      t(`${data.rows.length} 个机关`, `${data.rows.length} agencies`),
      groupName ? ` · ${t('同组', 'peer group')}: ${groupName}` : '',
    ),
    ' ',
    csv,
  );
  if (data.rows.length === 0)
    return { title, nodes: [el('p', { class: 'empty' }, t(`${state.year} 年度没有符合条件的已解析报告。`, `No parsed reports match for ${state.year}.`))] };
  return {
    title,
    nodes: [
      el('p', { class: 'hint' }, outlierHint(data.method, data.rows.length, groupName)),
      el(
        'div',
        { class: 'charts' },
        data.metrics.map((m) => chartFigure(m, data)),
      ),
      el('h3', {}, t('数据表', 'Table')),
      el(
        'div',
        { class: 'scroll' },
        el(
          'table',
          { class: 'list compare-table' },
          thead(
            el('th', {}, t('机关', 'Agency')),
            data.metrics.map((m) => el('th', { title: m.definition }, m.label)),
          ),
          el(
            'tbody',
            {},
            data.rows.map((r) =>
              el(
                'tr',
                {},
                el(
                  'td',
                  {},
                  el('a', { href: agencyHref(r.agency) }, r.agency),
                  ' ',
                  el('a', { href: reportHref(r.reportId), class: 'small' }, t('报告', 'report')),
                ),
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
    ],
  };
}

/** The years asked for, oldest first, at most ten. */
function yearsOf(state) {
  const to = Number(state.to ?? state.year);
  const from = Math.max(Number(state.from ?? to - 4), to - 9);
  return Array.from({ length: Math.max(1, to - from + 1) }, (_, i) => from + i);
}

async function trendBody(state, group, groupName) {
  const years = yearsOf(state);
  const [tables, directories] = await Promise.all([
    Promise.all(years.map((year) => get('/compare', { year, metrics: state.metrics, agencies: state.agencies, ...group }))),
    Promise.all(years.map((year) => get('/agencies', { year }))),
  ]);
  // One line per agency whatever name a year's report printed (洪泽区人民政府 one year, 淮安市洪泽区人民政府 the next).
  const nameOf = new Map(directories.flatMap((d) => d.items.flatMap((a) => a.names.map((n) => [n, a.name]))));
  for (const d of tables) for (const r of d.rows) r.agency = nameOf.get(r.agency) ?? r.agency;
  const metrics = tables[0].metrics;
  const agencies = [...new Set(tables.flatMap((d) => d.rows.map((r) => r.agency)))].sort((a, b) => a.localeCompare(b, 'zh-CN'));
  const valueOf = (d, agency, id) => d.rows.find((r) => r.agency === agency)?.cells[id]?.value ?? null;
  const title = el(
    'h2',
    {},
    `${t('历年趋势', 'Over the years')} · ${years[0]}–${years.at(-1)} `,
    el(
      'span',
      { class: 'count' },
      t(`${agencies.length} 个机关`, `${agencies.length} agencies`),
      groupName ? ` · ${t('同组', 'peer group')}: ${groupName}` : '',
    ),
  );
  if (agencies.length === 0)
    return { title, nodes: [el('p', { class: 'empty' }, t('所选年度没有符合条件的已解析报告。', 'No parsed reports match in these years.'))] };
  const lines = state.agencies || agencies.length <= MAX_LINES ? agencies.slice(0, MAX_LINES) : [];
  const show = (m, v) => (m.kind === 'rate' ? percent(v) : number(v));
  return {
    title,
    nodes: [
      el(
        'p',
        { class: 'hint' },
        t(
          '粗线为同组机关的中位数；选择机关后，各机关另绘一线（最多 8 个）。缺少数据的年度留空，不连线。',
          'The thick line is the peer group’s median; chosen agencies get a line each (at most 8). A year without the figure is a gap.',
        ),
      ),
      el(
        'div',
        { class: 'charts' },
        metrics.map((m) =>
          el(
            'figure',
            { class: 'chart trend-chart', 'data-metric': m.id },
            el('figcaption', {}, el('strong', {}, m.label), el('code', {}, m.id)),
            lineChart(m, years, [
              { name: t('中位数', 'median'), median: true, values: tables.map((d) => d.spread[m.id]?.median ?? null) },
              ...lines.map((agency) => ({ name: agency, values: tables.map((d) => valueOf(d, agency, m.id)) })),
            ]),
          ),
        ),
      ),
      metrics.map((m) => [
        el('h3', {}, m.label, ' ', el('code', {}, m.id)),
        el(
          'div',
          { class: 'scroll' },
          el(
            'table',
            { class: 'list trend-table', 'data-metric': m.id },
            thead(
              el('th', {}, t('机关', 'Agency')),
              years.map((y) => el('th', { class: 'num' }, String(y))),
            ),
            el(
              'tbody',
              {},
              el(
                'tr',
                { class: 'median-row' },
                el('th', {}, t('同组中位数', 'peer median')),
                tables.map((d) => el('td', { class: 'num' }, show(m, d.spread[m.id]?.median ?? null))),
              ),
              agencies.map((agency) =>
                el(
                  'tr',
                  { 'data-agency': agency },
                  el('td', {}, el('a', { href: agencyHref(agency) }, agency)),
                  tables.map((d) => {
                    const c = d.rows.find((r) => r.agency === agency)?.cells[m.id];
                    return el('td', { class: c?.outlier ? `num outlier ${c.direction}` : 'num' }, c ? show(m, c.value) : '', c ? sideMark(c) : '');
                  }),
                ),
              ),
            ),
          ),
        ),
      ]),
    ],
  };
}

/** How outliers were marked: the audit's X5 method and thresholds, within the agencies shown. */
function outlierHint(method, n, groupName) {
  if (n < method.minPeers)
    return t(
      `机关少于 ${method.minPeers} 个（审计规则 X5 的最小同组规模），不标记离群值。`,
      `Fewer than ${method.minPeers} agencies (the audit's smallest peer group, X5): no outliers are marked.`,
    );
  const gap = Math.round(method.minRateGap * 100);
  return (
    t(
      `离群值与审计规则 X5 相同，只在所选机关（同组）中计算：比率偏离中位数超过 ${method.outlierZ} 个稳健标准差且至少 ${gap} 个百分点（申请不少于 ${method.minApplications} 件、案件不少于 ${method.minCases} 件者参与），或同组中位数不小于 ${method.zeroMedianMin} 时的 0；▲ 偏高，▼ 偏低。`,
      `Outliers are the audit's (X5), within the agencies shown: a rate over ${method.outlierZ} robust spreads and ${gap} points from the median (agencies with at least ${method.minApplications} applications or ${method.minCases} cases), or a zero where the peers' median is ${method.zeroMedianMin} or more; ▲ high, ▼ low.`,
    ) + (groupName ? '' : t(' 请选择同类、同级以在同组中比较。', ' Choose a kind and level to compare peers.'))
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
            clear(holder).append(barChart(m, rows, median));
            unfold.remove();
          },
        },
        t('展开全部', 'show all'),
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
