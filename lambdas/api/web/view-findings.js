// Findings across reports, filtered by year, rule, severity, agency and review state; cursor paging
// with the total of all pages.
import { download, get } from './api.js';
import { el, thead } from './dom.js';
import { DEFAULT_YEAR, filterForm } from './form.js';
import { t } from './lang.js';
import { agencyHref, go, reportHref } from './nav.js';
import { agencySuggestions, messageOf, readable, ruleLabel, ruleSuggestions } from './names.js';
import { reviewControls, severityBadge } from './review.js';

const fields = (agencies) => [
  { name: 'year', label: t('年度', 'Year'), type: 'number', size: 6, value: DEFAULT_YEAR },
  { name: 'rule', label: t('规则', 'Rule'), placeholder: 'S5 / S5-balance', size: 12, suggestions: ruleSuggestions() },
  {
    name: 'severity',
    label: t('严重程度', 'Severity'),
    options: [
      ['', t('全部', 'all')],
      ['error', t('错误', 'error')],
      ['warning', t('警告', 'warning')],
      ['info', t('提示', 'info')],
    ],
  },
  { name: 'agency', label: t('机关', 'Agency'), size: 16, suggestions: agencies },
  {
    name: 'notAssessable',
    label: t('无法判断的核查', 'Not assessable'),
    options: [
      ['', t('隐藏', 'hidden')],
      ['true', t('显示', 'shown')],
    ],
  },
  {
    name: 'review',
    label: t('审查', 'Review'),
    options: [
      ['', t('全部', 'all')],
      ['open', t('待审', 'open')],
      ['confirmed', t('已确认', 'confirmed')],
      ['dismissed', t('已驳回', 'dismissed')],
    ],
  },
];

export async function findingsView(query) {
  const filters = { year: DEFAULT_YEAR, ...Object.fromEntries([...query.entries()].filter(([, v]) => v)) };
  const body = el('tbody');
  const more = el('button', { type: 'button', class: 'more', hidden: true }, t('加载更多', 'Load more'));
  const count = el('span', { class: 'count' });
  let cursor;
  let shown = 0;
  let total;
  const load = async () => {
    const page = await get('/findings', { ...filters, cursor, limit: 50 });
    for (const f of page.items) body.append(row(f));
    shown += page.items.length;
    total = page.total ?? total;
    count.textContent =
      total !== undefined && total > shown ? t(`已显示 ${shown} / 共 ${total} 条`, `${shown} of ${total} shown`) : t(`共 ${shown} 条`, `${shown} findings`);
    cursor = page.cursor ?? undefined;
    more.hidden = !cursor;
  };
  more.addEventListener('click', load);
  const [agencies] = await Promise.all([agencySuggestions(filters.year), load()]);
  const name = ['ogi-findings', filters.year, filters.agency, filters.rule].filter(Boolean).join('-');
  const csv = el(
    'button',
    { type: 'button', class: 'csv', onclick: () => download('/findings', { ...filters, format: 'csv' }, `${name}.csv`) },
    t('导出 CSV', 'Export CSV'),
  );
  return el(
    'section',
    { class: 'findings' },
    el('h2', {}, `${t('问题清单', 'Findings')} `, count, csv),
    filterForm(fields(agencies), query, (values) => go('findings', values)),
    el(
      'div',
      { class: 'scroll' },
      el(
        'table',
        { class: 'list' },
        thead(
          [t('严重程度', 'Severity'), t('规则', 'Rule'), t('机关 / 年度', 'Agency / year'), t('问题', 'Finding'), t('审查', 'Review')].map((h) =>
            el('th', {}, h),
          ),
        ),
        body,
      ),
    ),
    shown === 0 ? el('p', { class: 'empty' }, t('没有符合条件的问题。', 'No findings match.')) : null,
    more,
  );
}

/** A finding's report, or its agency's page when it names no report (an audit finding such as X3-MISSING). */
const target = (f) => (f.reportId ? reportHref(f.reportId) : agencyHref(f.agency ?? ''));

/** Evidence items shown before the rest folds away: a finding may cite two dozen cells. */
const EVIDENCE_SHOWN = 3;

/** The evidence text (`a; b; c`) as a list, the first few shown and the rest behind "all N". */
export function evidenceList(text) {
  const parts = readable(text)
    .split(/; (?=\S)/)
    .filter(Boolean);
  if (parts.length === 0) return null;
  const list = (items) =>
    el(
      'ul',
      { class: 'evidence-items' },
      items.map((p) => el('li', {}, p)),
    );
  if (parts.length <= EVIDENCE_SHOWN + 1) return el('div', { class: 'evidence-text' }, list(parts));
  return el(
    'div',
    { class: 'evidence-text' },
    list(parts.slice(0, EVIDENCE_SHOWN)),
    el('details', {}, el('summary', {}, t(`全部依据数据（${parts.length} 项）`, `All evidence (${parts.length})`)), list(parts.slice(EVIDENCE_SHOWN))),
  );
}

function row(f) {
  return el(
    'tr',
    { class: `finding sev-${f.severity}`, 'data-id': f.id },
    el('td', {}, severityBadge(f.severity)),
    el('td', { class: 'rule' }, ruleLabel(f.rule)),
    el(
      'td',
      { class: 'agency' },
      el('a', { href: agencyHref(f.agency ?? '') }, f.agency ?? t('（未识别机关）', '(agency not found)')),
      ' ',
      el('a', { href: target(f), class: 'year' }, f.year ?? ''),
    ),
    el('td', { class: 'message' }, el('a', { href: target(f) }, messageOf(f)), f.evidence ? evidenceList(f.evidence) : null),
    el('td', {}, reviewControls(f)),
  );
}
