// One agency's years side by side: metrics as rows, years as columns, every version listed.
import { enc, get } from './api.js';
import { el, number, percent } from './dom.js';
import { filterForm } from './form.js';
import { go, reportHref } from './nav.js';

export async function historyView(agency) {
  const form = filterForm([{ name: 'agency', label: '机关 Agency', size: 24, value: agency }], new URLSearchParams(), ({ agency: a }) => a && go(`agency/${encodeURIComponent(a)}`), '查看 Show');
  if (!agency) return el('section', { class: 'history' }, el('h2', {}, '机关历年 Agency history'), form, el('p', { class: 'hint' }, '输入机关名称，或在问题清单、对比中点击机关。Enter an agency, or click one in a list.'));
  const data = await get(`/agencies/${enc(agency)}/history`);
  return el('section', { class: 'history' },
    el('h2', {}, `${data.agency} · 历年 history`),
    form,
    el('table', { class: 'list history-table' },
      el('thead', {}, el('tr', {}, el('th', {}, '指标 Metric'), data.years.map((y) => el('th', { class: 'num' }, el('a', { href: reportHref(y.report.id) }, `${y.year}`))))),
      el('tbody', {},
        el('tr', {}, el('th', {}, '格式 / 状态'), data.years.map((y) => el('td', { class: 'num' }, `${y.report.format} · ${y.report.status}`))),
        el('tr', {}, el('th', {}, '问题 findings (错误/警告/提示)'), data.years.map((y) => el('td', { class: 'num' }, `${y.report.findings.error} / ${y.report.findings.warning} / ${y.report.findings.info}`))),
        data.metrics.map((m) => el('tr', {},
          el('th', { title: m.definition }, m.label, m.kind === 'count' ? el('code', {}, m.id) : null),
          data.years.map((y, i) => {
            const v = y.values[m.id];
            const prev = i > 0 ? data.years[i - 1].values[m.id] : null;
            const jump = v !== null && prev !== null && prev > 0 && (v / prev > 5 || v / prev < 0.2);
            return el('td', { class: jump ? 'num jump' : 'num', title: jump ? '与上年相比变化超过 5 倍 more than ×5 change' : undefined }, m.kind === 'rate' ? percent(v) : number(v));
          }))))),
    el('h3', {}, '版本 Versions'),
    el('ul', { class: 'versions' }, data.years.flatMap((y) => y.versions.map((v) => el('li', {},
      el('a', { href: reportHref(v.id) }, `${y.year} · ${v.id}`), ` · 上传 ${v.uploadedAt} · ${v.status}`, v.current ? el('strong', {}, ' · 当前 current') : ` · 已被 ${v.supersededBy ?? '?'} 取代`)))));
}
