// The landing view: who broke what. Agencies × rule families for a year, each cell the open
// findings coloured by the worst severity; sortable, filterable by region, kind and level; a cell
// opens the findings behind it.
import { get } from './api.js';
import { clear, el, thead } from './dom.js';
import { DEFAULT_YEAR, filterForm } from './form.js';
import { agencyHref, go, href } from './nav.js';
import { ruleInfo } from './names.js';

const KINDS = { government: '政府 government', department: '部门 department' };

export async function overviewView(query) {
  const year = query.get('year') || DEFAULT_YEAR;
  const data = await get('/overview', { year });
  const choices = (field) => [...new Set(data.agencies.map((a) => a[field]).filter(Boolean))].sort();
  const select = (field, label, name = (v) => v) => ({
    name: field,
    label,
    options: [['', '全部 all'], ...choices(field).map((v) => [v, name(v)])],
  });
  const form = filterForm(
    [
      { name: 'year', label: '年度 Year', type: 'number', size: 6, value: year },
      select('region', '地区 Region'),
      select('kind', '类别 Kind', (v) => KINDS[v] ?? v),
      select('level', '层级 Level'),
    ],
    query,
    (values) => go('overview', values),
  );
  const filters = Object.fromEntries(['region', 'kind', 'level'].map((f) => [f, query.get(f) || '']));
  const rows = data.agencies.filter((a) => Object.entries(filters).every(([f, v]) => !v || a[f] === v));
  const table = el('table', { class: 'list matrix' });
  let sort = { key: query.get('sort') || 'open', desc: true };
  const render = () =>
    clear(table).append(
      head(data, rows, sort, (key) => {
        sort = { key, desc: sort.key === key ? !sort.desc : true };
        render();
      }),
      body(data, rows, year, sort),
      foot(data, rows, year),
    );
  render();
  return el(
    'section',
    { class: 'overview' },
    el(
      'h2',
      {},
      `总览 Overview · ${year} `,
      el('span', { class: 'count' }, `${rows.length} 个机关 agencies · ${rows.reduce((n, a) => n + a.open, 0)} 个待审问题 open findings`),
    ),
    form,
    el(
      'p',
      { class: 'hint' },
      '每格为待审（未确认、未驳回）问题数，颜色为最严重的等级；点击数字查看问题，点击表头排序。Each cell counts open findings, coloured by the worst severity; click a count for the findings, a header to sort.',
    ),
    el('div', { class: 'scroll' }, table),
    rows.length === 0 ? el('p', { class: 'empty' }, `${year} 年度没有机关或问题。No agencies or findings for ${year}.`) : null,
  );
}

function head(data, rows, sort, onSort) {
  const th = (key, label, title) =>
    el(
      'th',
      {
        class: key === 'agency' ? 'sortable' : 'num sortable',
        title,
        'data-sort': key,
        'aria-sort': sort.key === key ? (sort.desc ? 'descending' : 'ascending') : undefined,
        onclick: () => onSort(key),
      },
      label,
      sort.key === key ? (sort.desc ? ' ▼' : ' ▲') : '',
    );
  return thead(
    th('agency', '机关 Agency'),
    data.families.map((f) => {
      const info = ruleInfo(f);
      return th(f, el('span', {}, f, el('small', {}, info?.name.zh ?? '')), info ? `${info.name.zh} · ${info.name.en}\n${info.description.zh}` : f);
    }),
    th('open', '合计 Total'),
  );
}

function body(data, rows, year, sort) {
  const value = (a) => (sort.key === 'agency' ? a.agency : sort.key === 'open' ? a.open : (a.cells[sort.key]?.open ?? 0));
  const sorted = [...rows].sort((a, b) => {
    const [x, y] = [value(a), value(b)];
    const c = typeof x === 'string' ? x.localeCompare(y, 'zh-CN') : x - y;
    return (sort.desc ? -c : c) || a.agency.localeCompare(b.agency, 'zh-CN');
  });
  return el(
    'tbody',
    {},
    sorted.map((a) =>
      el(
        'tr',
        { 'data-agency': a.agency },
        el(
          'th',
          { scope: 'row' },
          el('a', { href: agencyHref(a.agency) }, a.agency),
          a.registered ? null : el('small', { class: 'unregistered', title: '名录中没有此机关 not in the registry' }, ' 未登记'),
        ),
        data.families.map((f) => {
          const c = a.cells[f];
          return c
            ? el(
                'td',
                { class: `num cell sev-${c.worst}`, 'data-family': f },
                el('a', { href: href('findings', { year, agency: a.agency, rule: f, review: 'open' }) }, c.open),
              )
            : el('td', { class: 'num cell' });
        }),
        el('td', { class: 'num total' }, a.open),
      ),
    ),
  );
}

function foot(data, rows, year) {
  const total = (f) => rows.reduce((n, a) => n + (a.cells[f]?.open ?? 0), 0);
  return el(
    'tfoot',
    {},
    el(
      'tr',
      {},
      el('th', { scope: 'row' }, '合计 Total'),
      data.families.map((f) =>
        el('td', { class: 'num', 'data-family': f }, total(f) ? el('a', { href: href('findings', { year, rule: f, review: 'open' }) }, total(f)) : ''),
      ),
      el(
        'td',
        { class: 'num total' },
        rows.reduce((n, a) => n + a.open, 0),
      ),
    ),
  );
}
