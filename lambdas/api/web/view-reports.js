// Reports filtered by agency, year and status, with their finding counts, paged with "load more";
// and the uploads that were rejected or failed, across years, with their reasons.
import { get } from './api.js';
import { el, thead } from './dom.js';
import { DEFAULT_YEAR, filterForm } from './form.js';
import { agencyHref, go, reportHref } from './nav.js';
import { statusText } from './names.js';

const FIELDS = [
  { name: 'year', label: '年度 Year', type: 'number', size: 6 },
  { name: 'agency', label: '机关 Agency', size: 16 },
  {
    name: 'status',
    label: '状态 Status',
    options: [
      ['', '全部 all'],
      ['parsed', '已解析 parsed'],
      ['rejected', '已拒收 rejected'],
      ['failed', '失败 failed'],
    ],
  },
];

/** A table whose rows come page by page from a cursor-paged list; `more` loads the next page. */
async function pagedTable(head, load, row) {
  const body = el('tbody');
  const count = el('span', { class: 'count' });
  const more = el('button', { type: 'button', class: 'more', hidden: true }, '加载更多 Load more');
  const cursors = load.map(() => undefined);
  const done = load.map(() => false);
  let shown = 0;
  const next = async () => {
    for (const [i, fetchPage] of load.entries()) {
      if (done[i]) continue;
      const page = await fetchPage(cursors[i]);
      for (const r of page.items) body.append(row(r));
      shown += page.items.length;
      cursors[i] = page.cursor ?? undefined;
      done[i] = !page.cursor;
    }
    more.hidden = done.every(Boolean);
    count.textContent = `${shown} 份${more.hidden ? '' : ' +'}`;
  };
  more.addEventListener('click', next);
  await next();
  return {
    count,
    more,
    table: el('div', { class: 'scroll' }, el('table', { class: 'list' }, thead(head.map((h) => el('th', {}, h))), body)),
    empty: () => shown === 0,
  };
}

export async function reportsView(query) {
  const filters = Object.fromEntries([...query.entries()].filter(([, v]) => v));
  // Rejected and failed uploads are listed without a year: most never got one.
  if (!filters.year && !filters.agency && !['rejected', 'failed'].includes(filters.status)) filters.year = DEFAULT_YEAR;
  const list = await pagedTable(
    ['机关 Agency', '年度', '格式', '状态', '错误', '警告', '提示', '说明'],
    [(cursor) => get('/reports', { ...filters, cursor, limit: 50 })],
    (r) =>
      el(
        'tr',
        { class: 'report-row' },
        el('td', {}, r.agency ? el('a', { href: agencyHref(r.agency) }, r.agency) : '（未识别）'),
        el('td', {}, el('a', { href: reportHref(r.id) }, r.year ?? '?')),
        el('td', {}, r.format ?? ''),
        el('td', {}, el('span', { class: `status ${r.status}` }, statusText(r.status))),
        el('td', { class: 'num' }, r.findings?.error ?? 0),
        el('td', { class: 'num' }, r.findings?.warning ?? 0),
        el('td', { class: 'num' }, r.findings?.info ?? 0),
        el('td', {}, el('a', { href: reportHref(r.id) }, r.reasonText?.zh ?? r.id)),
      ),
  );
  return el(
    'section',
    { class: 'reports' },
    el('h2', {}, '报告 Reports ', list.count),
    filterForm(FIELDS, new URLSearchParams(filters), (values) => go('reports', values)),
    list.table,
    list.empty() ? el('p', { class: 'empty' }, '没有报告。No reports.') : null,
    list.more,
  );
}

/** Uploads that could not be read (rejected) or broke the ingest (failed), across years. */
export async function rejectedView() {
  const list = await pagedTable(
    ['状态 Status', '原因 Reason', '文件 File', '上传 Uploaded'],
    ['rejected', 'failed'].map((status) => (cursor) => get('/reports', { status, cursor, limit: 50 })),
    (r) =>
      el(
        'tr',
        { class: `rejected-row status-${r.status}` },
        el('td', {}, el('span', { class: `status ${r.status}` }, statusText(r.status))),
        el('td', {}, r.reasonText ? [r.reasonText.zh, el('div', { class: 'evidence-text' }, r.reasonText.en)] : '—'),
        el('td', {}, el('a', { href: reportHref(r.id) }, r.id)),
        el('td', {}, r.uploadedAt ? new Date(r.uploadedAt).toLocaleString('zh-CN', { hour12: false }) : ''),
      ),
  );
  return el(
    'section',
    { class: 'rejected' },
    el('h2', {}, '拒收与失败 Rejected and failed uploads ', list.count),
    el(
      'p',
      { class: 'hint' },
      '无法读取（拒收）或处理出错（失败）的上传文件，不分年度。Uploads that could not be read or whose processing failed, across years.',
    ),
    list.table,
    list.empty() ? el('p', { class: 'empty' }, '没有拒收或失败的上传。No rejected or failed uploads.') : null,
    list.more,
  );
}
