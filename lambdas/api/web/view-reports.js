// Reports filtered by agency, year and status, with their finding counts, paged with "load more"
// and sortable by any column; and the uploads that were rejected or failed, across years, with
// their reasons.
import { get } from './api.js';
import { clear, el, thead } from './dom.js';
import { DEFAULT_YEAR, filterForm } from './form.js';
import { pick, t } from './lang.js';
import { agencyHref, go, reportHref } from './nav.js';
import { statusText } from './names.js';
import { when } from './review.js';

const fields = () => [
  { name: 'year', label: t('年度', 'Year'), type: 'number', size: 6 },
  { name: 'agency', label: t('机关', 'Agency'), size: 16 },
  {
    name: 'status',
    label: t('状态', 'Status'),
    options: [
      ['', t('全部', 'all')],
      ['parsed', t('已解析', 'parsed')],
      ['rejected', t('已拒收', 'rejected')],
      ['failed', t('处理失败', 'failed')],
    ],
  },
];

/**
 * A table whose rows come page by page from cursor-paged lists; `more` loads the next page. With
 * `columns[i].sort` (a value of the row), a click on the head sorts the rows loaded so far.
 */
async function pagedTable(columns, load, row) {
  const body = el('tbody');
  const count = el('span', { class: 'count' });
  const more = el('button', { type: 'button', class: 'more', hidden: true }, t('加载更多', 'Load more'));
  const cursors = load.map(() => undefined);
  const done = load.map(() => false);
  const items = [];
  let total;
  let sort = null;
  const render = () => {
    const rows = sort ? [...items].sort((a, b) => compare(sort.by(a), sort.by(b)) * (sort.desc ? -1 : 1)) : items;
    clear(body).append(...rows.map(row));
  };
  const next = async () => {
    for (const [i, fetchPage] of load.entries()) {
      if (done[i]) continue;
      const page = await fetchPage(cursors[i]);
      items.push(...page.items);
      total = page.total ?? total;
      cursors[i] = page.cursor ?? undefined;
      done[i] = !page.cursor;
    }
    render();
    more.hidden = done.every(Boolean);
    count.textContent = more.hidden
      ? t(`共 ${items.length} 份`, `${items.length} reports`)
      : total !== undefined
        ? t(`已显示 ${items.length} / 共 ${total} 份`, `${items.length} of ${total} shown`)
        : t(`已显示 ${items.length} 份，还有更多`, `${items.length} shown, more to load`);
  };
  more.addEventListener('click', next);
  await next();
  const heads = columns.map((c) => {
    if (!c.sort) return el('th', {}, c.label);
    const th = el('th', { class: 'sortable', 'data-sort': c.key, title: t('点击排序', 'Click to sort') }, c.label);
    th.addEventListener('click', () => {
      sort = { key: c.key, by: c.sort, desc: sort?.key === c.key ? !sort.desc : false };
      for (const h of th.parentNode.children) h.removeAttribute('aria-sort');
      th.setAttribute('aria-sort', sort.desc ? 'descending' : 'ascending');
      render();
    });
    return th;
  });
  return {
    count,
    more,
    table: el('div', { class: 'scroll' }, el('table', { class: 'list' }, thead(heads), body)),
    empty: () => items.length === 0,
  };
}

const compare = (a, b) => (typeof a === 'number' && typeof b === 'number' ? a - b : String(a ?? '').localeCompare(String(b ?? ''), 'zh-CN'));

/** Why a report was not parsed, in the chosen language; nothing for a parsed one. */
const reasonOf = (r) => (r.status === 'parsed' ? '' : pick(r.reasonText, r.reason ?? ''));

export async function reportsView(query) {
  const filters = Object.fromEntries([...query.entries()].filter(([, v]) => v));
  // Rejected and failed uploads are listed without a year: most never got one.
  if (!filters.year && !filters.agency && !['rejected', 'failed'].includes(filters.status)) filters.year = DEFAULT_YEAR;
  const n = (r, s) => r.findings?.[s] ?? 0;
  const list = await pagedTable(
    [
      { key: 'agency', label: t('机关', 'Agency'), sort: (r) => r.agency },
      { key: 'year', label: t('年度', 'Year'), sort: (r) => r.year ?? 0 },
      { key: 'format', label: t('格式', 'Format'), sort: (r) => r.format },
      { key: 'status', label: t('状态', 'Status'), sort: (r) => r.status },
      { key: 'error', label: t('错误', 'Errors'), sort: (r) => n(r, 'error') },
      { key: 'warning', label: t('警告', 'Warnings'), sort: (r) => n(r, 'warning') },
      { key: 'info', label: t('提示', 'Info'), sort: (r) => n(r, 'info') },
      { key: 'notAssessable', label: t('无法判断', 'n/a'), sort: (r) => n(r, 'notAssessable') },
      { key: 'reason', label: t('说明', 'Note'), sort: reasonOf },
    ],
    [(cursor) => get('/reports', { ...filters, cursor, limit: 50 })],
    (r) =>
      el(
        'tr',
        { class: 'report-row' },
        el('td', {}, r.agency ? el('a', { href: agencyHref(r.agency) }, r.agency) : t('（未识别）', '(not found)')),
        el('td', {}, el('a', { href: reportHref(r.id) }, r.year ?? '?')),
        el('td', {}, r.format ?? ''),
        el('td', {}, el('span', { class: `status ${r.status}` }, statusText(r.status))),
        ['error', 'warning', 'info', 'notAssessable'].map((s) => el('td', { class: 'num', 'data-count': s }, n(r, s))),
        el('td', { class: 'reason' }, reasonOf(r) ? el('a', { href: reportHref(r.id) }, reasonOf(r)) : ''),
      ),
  );
  return el(
    'section',
    { class: 'reports' },
    el('h2', {}, `${t('报告', 'Reports')} `, list.count),
    filterForm(fields(), new URLSearchParams(filters), (values) => go('reports', values)),
    list.table,
    list.empty() ? el('p', { class: 'empty' }, t('没有报告。', 'No reports.')) : null,
    list.more,
  );
}

/** Uploads that could not be read (rejected) or broke the ingest (failed), across years. */
export async function rejectedView() {
  const list = await pagedTable(
    [
      { key: 'status', label: t('状态', 'Status'), sort: (r) => r.status },
      { key: 'reason', label: t('原因', 'Reason'), sort: reasonOf },
      { key: 'file', label: t('文件', 'File'), sort: (r) => r.id },
      { key: 'uploaded', label: t('上传时间', 'Uploaded'), sort: (r) => r.uploadedAt },
    ],
    ['rejected', 'failed'].map((status) => (cursor) => get('/reports', { status, cursor, limit: 50 })),
    (r) =>
      el(
        'tr',
        { class: `rejected-row status-${r.status}` },
        el('td', {}, el('span', { class: `status ${r.status}` }, statusText(r.status))),
        el('td', {}, reasonOf(r) || '—'),
        el('td', {}, el('a', { href: reportHref(r.id) }, r.id)),
        el('td', {}, when(r.uploadedAt)),
      ),
  );
  return el(
    'section',
    { class: 'rejected' },
    el('h2', {}, `${t('拒收与失败', 'Rejected and failed uploads')} `, list.count),
    el(
      'p',
      { class: 'hint' },
      t('无法读取（拒收）或处理出错（失败）的上传文件，不分年度。', 'Uploads that could not be read or whose processing failed, across years.'),
    ),
    list.table,
    list.empty() ? el('p', { class: 'empty' }, t('没有拒收或失败的上传。', 'No rejected or failed uploads.')) : null,
    list.more,
  );
}
