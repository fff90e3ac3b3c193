// Findings across reports, filtered by year, rule, severity, agency and review state; cursor paging.
import { download, get } from './api.js';
import { el, thead } from './dom.js';
import { DEFAULT_YEAR, filterForm } from './form.js';
import { agencyHref, go, reportHref } from './nav.js';
import { agencySuggestions, readable, ruleLabel, ruleSuggestions } from './names.js';
import { reviewControls, severityBadge } from './review.js';

const fields = (agencies) => [
  { name: 'year', label: '年度 Year', type: 'number', size: 6, value: DEFAULT_YEAR },
  { name: 'rule', label: '规则 Rule', placeholder: 'S5 / S5-balance', size: 12, suggestions: ruleSuggestions() },
  {
    name: 'severity',
    label: '严重程度 Severity',
    options: [
      ['', '全部 all'],
      ['error', '错误 error'],
      ['warning', '警告 warning'],
      ['info', '提示 info'],
    ],
  },
  { name: 'agency', label: '机关 Agency', size: 16, suggestions: agencies },
  {
    name: 'notAssessable',
    label: '无法判断 Not assessable',
    options: [
      ['', '隐藏 hidden'],
      ['true', '显示 shown'],
    ],
  },
  {
    name: 'review',
    label: '审查 Review',
    options: [
      ['', '全部 all'],
      ['open', '待审 open'],
      ['confirmed', '已确认 confirmed'],
      ['dismissed', '已驳回 dismissed'],
    ],
  },
];

export async function findingsView(query) {
  const filters = { year: DEFAULT_YEAR, ...Object.fromEntries([...query.entries()].filter(([, v]) => v)) };
  const body = el('tbody');
  const more = el('button', { type: 'button', class: 'more', hidden: true }, '加载更多 Load more');
  const count = el('span', { class: 'count' });
  let cursor;
  let shown = 0;
  const load = async () => {
    const page = await get('/findings', { ...filters, cursor, limit: 50 });
    for (const f of page.items) body.append(row(f));
    shown += page.items.length;
    count.textContent = `${shown} 条 findings${page.cursor ? ' +' : ''}`;
    cursor = page.cursor ?? undefined;
    more.hidden = !cursor;
  };
  more.addEventListener('click', load);
  const [agencies] = await Promise.all([agencySuggestions(filters.year), load()]);
  const name = ['ogi-findings', filters.year, filters.agency, filters.rule].filter(Boolean).join('-');
  const csv = el(
    'button',
    { type: 'button', class: 'csv', onclick: () => download('/findings', { ...filters, format: 'csv' }, `${name}.csv`) },
    '导出 CSV Export',
  );
  return el(
    'section',
    { class: 'findings' },
    el('h2', {}, '问题清单 Findings ', count, csv),
    filterForm(fields(agencies), query, (values) => go('findings', values)),
    el('table', { class: 'list' }, thead(['严重程度', '规则', '机关 / 年度', '问题', '审查'].map((h) => el('th', {}, h))), body),
    shown === 0 ? el('p', { class: 'empty' }, '没有符合条件的问题。No findings match.') : null,
    more,
  );
}

/** A finding's report, or its agency's page when it names no report (an audit finding such as X3-MISSING). */
const target = (f) => (f.reportId ? reportHref(f.reportId) : agencyHref(f.agency ?? ''));

function row(f) {
  return el(
    'tr',
    { class: `finding sev-${f.severity}`, 'data-id': f.id },
    el('td', {}, severityBadge(f.severity)),
    el('td', { class: 'rule' }, ruleLabel(f.rule)),
    el(
      'td',
      { class: 'agency' },
      el('a', { href: agencyHref(f.agency ?? '') }, f.agency ?? '（未识别机关）'),
      ' ',
      el('a', { href: target(f), class: 'year' }, f.year ?? ''),
    ),
    el(
      'td',
      { class: 'message' },
      el('a', { href: target(f) }, readable(f.message)),
      f.evidence ? el('div', { class: 'evidence-text' }, readable(f.evidence)) : null,
    ),
    el('td', {}, reviewControls(f)),
  );
}
