// The landing view: who broke what. Agencies × rule families for a year, each cell the open
// findings coloured by the worst severity; errors first, sortable, filterable by region, kind and
// level; a cell opens the findings behind it, ticked rows open side by side in Compare.
import { get } from './api.js';
import { clear, el, thead } from './dom.js';
import { DEFAULT_YEAR, filterForm } from './form.js';
import { pick, t } from './lang.js';
import { agencyHref, go, href } from './nav.js';
import { kindText, ruleInfo } from './names.js';

export async function overviewView(query) {
  const year = query.get('year') || DEFAULT_YEAR;
  const data = await get('/overview', { year });
  const choices = (field) => [...new Set(data.agencies.map((a) => a[field]).filter(Boolean))].sort();
  const select = (field, label, name = (v) => v) => ({
    name: field,
    label,
    options: [['', t('全部', 'all')], ...choices(field).map((v) => [v, name(v)])],
  });
  const form = filterForm(
    [
      { name: 'year', label: t('年度', 'Year'), type: 'number', size: 6, value: year },
      select('region', t('地区', 'Region')),
      select('kind', t('类别', 'Kind'), kindText),
      select('level', t('层级', 'Level')),
    ],
    query,
    (values) => go('overview', { ...values, sort: query.get('sort') || undefined }),
  );
  const filters = Object.fromEntries(['region', 'kind', 'level'].map((f) => [f, query.get(f) || '']));
  const rows = data.agencies.filter((a) => Object.entries(filters).every(([f, v]) => !v || a[f] === v));
  const table = el('table', { class: 'list matrix' });
  const picked = new Set();
  const compare = el('button', { type: 'button', class: 'compare-picked', disabled: true }, t('对比所选机关', 'Compare the ticked agencies'));
  compare.addEventListener('click', () => go('compare', { year, agencies: [...picked].join(',') }));
  const onPick = (agency, on) => {
    if (on) picked.add(agency);
    else picked.delete(agency);
    compare.disabled = picked.size < 2;
    compare.textContent = picked.size
      ? t(`对比所选 ${picked.size} 个机关`, `Compare the ${picked.size} ticked`)
      : t('对比所选机关', 'Compare the ticked agencies');
  };
  // Errors first (the API's order) until a header is clicked; the choice is kept in the link.
  let sort = parseSort(query.get('sort'));
  const render = () =>
    clear(table).append(
      head(data, sort, (key) => {
        sort = { key, desc: sort.key === key ? !sort.desc : true };
        history.replaceState(null, '', href('overview', { ...Object.fromEntries(query), sort: `${sort.desc ? '-' : ''}${sort.key}` }));
        render();
      }),
      body(data, rows, year, sort, picked, onPick),
      foot(data, rows, year),
    );
  render();
  const open = rows.reduce((n, a) => n + a.open, 0);
  const errors = rows.reduce((n, a) => n + (a.bySeverity?.error ?? 0), 0);
  return el(
    'section',
    { class: 'overview' },
    el(
      'h2',
      {},
      `${t('总览', 'Overview')} · ${year} `,
      el(
        'span',
        { class: 'count' },
        t(`${rows.length} 个机关 · ${open} 个待审问题（错误 ${errors}）`, `${rows.length} agencies · ${open} open findings (${errors} errors)`),
      ),
    ),
    form,
    el(
      'p',
      { class: 'hint' },
      t(
        '每格为待审（未确认、未驳回）且可判断的问题数，颜色为最严重的等级；错误多的机关在前。点击数字查看问题，点击表头排序，勾选机关后可并列对比。',
        'Each cell counts the open findings (checks that could be made, not yet confirmed or dismissed), coloured by the worst; agencies with most errors first. Click a count for its findings, a header to sort, tick agencies to compare them.',
      ),
    ),
    el('div', { class: 'scroll matrix-box' }, table),
    el('div', { class: 'actions' }, compare),
    rows.length === 0 ? el('p', { class: 'empty' }, t(`${year} 年度没有机关或问题。`, `No agencies or findings for ${year}.`)) : null,
  );
}

/** `-S5` → S5 descending; absent: the API's order (errors first). */
function parseSort(s) {
  if (!s) return { key: 'worst', desc: true };
  return { key: s.replace(/^-/, ''), desc: s.startsWith('-') };
}

function head(data, sort, onSort) {
  const th = (key, label, title, cls = 'num') =>
    el(
      'th',
      {
        class: `${cls} sortable`,
        title,
        'data-sort': key,
        'aria-sort': sort.key === key ? (sort.desc ? 'descending' : 'ascending') : undefined,
        onclick: () => onSort(key),
      },
      label,
      sort.key === key ? (sort.desc ? ' ▼' : ' ▲') : '',
    );
  return thead(
    el('th', { class: 'pick' }, ''),
    th('agency', t('机关', 'Agency'), undefined, 'agency-head'),
    data.families.map((f) => {
      const info = ruleInfo(f);
      return th(f, el('span', {}, f, el('small', {}, info ? pick(info.name) : '')), info ? `${pick(info.name)}\n${pick(info.description)}` : f);
    }),
    th('open', t('合计', 'Total')),
  );
}

function body(data, rows, year, sort, picked, onPick) {
  const value = (a) => (sort.key === 'agency' ? a.agency : sort.key === 'open' ? a.open : (a.cells[sort.key]?.open ?? 0));
  const sorted =
    sort.key === 'worst'
      ? rows
      : [...rows].sort((a, b) => {
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
          'td',
          { class: 'pick' },
          el('input', {
            type: 'checkbox',
            'aria-label': t(`对比 ${a.agency}`, `compare ${a.agency}`),
            checked: picked.has(a.agency),
            onchange: (e) => onPick(a.agency, e.target.checked),
          }),
        ),
        el(
          'th',
          { scope: 'row' },
          el('a', { href: agencyHref(a.agency) }, a.agency),
          a.registered ? null : el('small', { class: 'unregistered', title: t('名录中没有此机关', 'not in the registry') }, t(' 未登记', ' unregistered')),
        ),
        data.families.map((f) => {
          const c = a.cells[f];
          return c
            ? el(
                'td',
                { class: `num cell sev-${c.worst}`, 'data-family': f },
                el('a', { href: href('findings', { year, agency: a.agency, rule: f, review: 'open' }) }, c.open),
              )
            : el('td', { class: 'num cell', 'data-family': f });
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
      el('td', { class: 'pick' }),
      el('th', { scope: 'row' }, t('合计', 'Total')),
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
