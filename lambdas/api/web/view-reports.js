// Reports filtered by agency, year and status, with their finding counts.
import { get } from './api.js';
import { el } from './dom.js';
import { DEFAULT_YEAR, filterForm } from './form.js';
import { agencyHref, go, reportHref } from './nav.js';

const FIELDS = [
  { name: 'year', label: '年度 Year', type: 'number', size: 6 },
  { name: 'agency', label: '机关 Agency', size: 16 },
  { name: 'status', label: '状态 Status', options: [['', '全部 all'], ['parsed', '已解析 parsed'], ['rejected', '已拒收 rejected'], ['failed', '失败 failed']] },
];

export async function reportsView(query) {
  const filters = Object.fromEntries([...query.entries()].filter(([, v]) => v));
  if (!filters.year && !filters.agency) filters.year = DEFAULT_YEAR;
  const { items } = await get('/reports', filters);
  return el('section', { class: 'reports' },
    el('h2', {}, '报告 Reports ', el('span', { class: 'count' }, `${items.length} 份`)),
    filterForm(FIELDS, new URLSearchParams(filters), (values) => go('reports', values)),
    el('table', { class: 'list' },
      el('thead', {}, el('tr', {}, ['机关 Agency', '年度', '格式', '状态', '错误', '警告', '提示', '说明'].map((h) => el('th', {}, h)))),
      el('tbody', {}, items.map((r) => el('tr', {},
        el('td', {}, r.agency ? el('a', { href: agencyHref(r.agency) }, r.agency) : '（未识别）'),
        el('td', {}, el('a', { href: reportHref(r.id) }, r.year ?? '?')),
        el('td', {}, r.format ?? ''),
        el('td', {}, el('span', { class: `status ${r.status}` }, r.status)),
        el('td', { class: 'num' }, r.findings?.error ?? 0),
        el('td', { class: 'num' }, r.findings?.warning ?? 0),
        el('td', { class: 'num' }, r.findings?.info ?? 0),
        el('td', {}, el('a', { href: reportHref(r.id) }, r.reason ?? r.id)))))),
    items.length === 0 ? el('p', { class: 'empty' }, '没有报告。No reports.') : null);
}
