// One agency: its reports over the years (every name it printed, merged as the audit matches
// them), its open findings, its position among peers (same kind and level) on the main rates,
// and its metrics side by side with every version listed.
import { enc, get } from './api.js';
import { tr, t } from './lang.js';
import { el, number, percent, thead } from './dom.js';
import { filterForm } from './form.js';
import { agencyHref, go, reportHref } from './nav.js';
import { agencySuggestions, kindText, messageOf, ruleLabel, statusText } from './names.js';
import { severityBadge } from './review.js';

export async function historyView(agency) {
  const form = filterForm(
    [{ name: 'agency', label: tr('机关 Agency'), size: 24, value: agency, suggestions: await agencySuggestions() }],
    new URLSearchParams(),
    ({ agency: a }) => a && go(`agency/${encodeURIComponent(a)}`),
    tr('查看 Show'),
  );
  if (!agency)
    return el(
      'section',
      { class: 'history' },
      el('h2', {}, tr('机关 Agency')),
      form,
      el('p', { class: 'hint' }, tr('输入机关名称，或在总览、问题清单、对比中点击机关。Enter an agency, or click one in a list.')),
    );
  const data = await get(`/agencies/${enc(agency)}/history`);
  if (data.years.length === 0)
    return el(
      'section',
      { class: 'history' },
      el('h2', {}, agency),
      form,
      el('p', { class: 'empty' }, tr('尚未收到此机关的任何报告（缺报见总览 X3）。No report from this agency has been received yet (see X3 on the overview).')),
    );
  const latest = data.years[data.years.length - 1];
  const [open, peers] = await Promise.all([get('/findings', { year: latest.year, agency, review: 'open' }), peerPosition(agency, data.names, latest.year)]);
  const aliases = data.names.filter((n) => n !== data.agency);
  return el(
    'section',
    { class: 'history' },
    el('h2', {}, data.agency, ' ', el('span', { class: 'count' }, tr('机关 agency'))),
    aliases.length ? el('p', { class: 'hint aliases' }, t(`报告中也写作：${aliases.join('、')}`, `also printed as: ${aliases.join(', ')}`)) : null,
    form,
    el('h3', {}, t(`${latest.year} 年度待审问题 `, `Open findings of ${latest.year} `), el('span', { class: 'count' }, `${open.items.length}`)),
    open.items.length
      ? el(
          'ul',
          { class: 'report-findings open-findings' },
          open.items.map((f) =>
            el(
              'li',
              { class: `finding sev-${f.severity}` },
              el(
                'div',
                { class: 'finding-head' },
                severityBadge(f.severity),
                ruleLabel(f.rule),
                el('a', { href: f.reportId ? reportHref(f.reportId) : agencyHref(f.agency ?? agency) }, messageOf(f)),
              ),
            ),
          ),
        )
      : el('p', { class: 'empty' }, tr('没有待审问题。No open findings.')),
    peers,
    el('h3', {}, tr('历年报告与指标 Reports and metrics over the years')),
    el(
      'div',
      { class: 'scroll' },
      el(
        'table',
        { class: 'list history-table' },
        thead(
          el('th', {}, tr('指标 Metric')),
          data.years.map((y) => el('th', { class: 'num' }, el('a', { href: reportHref(y.report.id) }, `${y.year}`))),
        ),
        el(
          'tbody',
          {},
          el(
            'tr',
            {},
            el('th', {}, '格式 / 状态'),
            data.years.map((y) => el('td', { class: 'num' }, `${y.report.format} · ${statusText(y.report.status)}`)),
          ),
          el(
            'tr',
            {},
            el('th', {}, t('问题（错误/警告/提示/无法判断）', 'findings (errors/warnings/info/n/a)')),
            data.years.map((y) =>
              el(
                'td',
                { class: 'num' },
                `${y.report.findings.error} / ${y.report.findings.warning} / ${y.report.findings.info} / ${y.report.findings.notAssessable ?? 0}`,
              ),
            ),
          ),
          data.metrics.map((m) =>
            el(
              'tr',
              {},
              el('th', { title: m.definition }, m.label, m.kind === 'count' ? el('code', {}, m.id) : null),
              data.years.map((y, i) => {
                const v = y.values[m.id];
                const prev = i > 0 ? data.years[i - 1].values[m.id] : null;
                const jump = v !== null && prev !== null && prev > 0 && (v / prev > 5 || v / prev < 0.2);
                return el(
                  'td',
                  { class: jump ? 'num jump' : 'num', title: jump ? tr('与上年相比变化超过 5 倍 more than ×5 change') : undefined },
                  m.kind === 'rate' ? percent(v) : number(v),
                );
              }),
            ),
          ),
        ),
      ),
    ),
    el('h3', {}, tr('版本 Versions')),
    el(
      'ul',
      { class: 'versions' },
      data.years.flatMap((y) =>
        y.versions.map((v) =>
          el(
            'li',
            {},
            el('a', { href: reportHref(v.id) }, `${y.year} · ${v.id}`),
            ` · ${t('上传', 'uploaded')} ${v.uploadedAt} · ${statusText(v.status)}`,
            v.current ? el('strong', {}, tr(' · 当前 current')) : ` · ${supersededText(v, y.versions)}`,
          ),
        ),
      ),
    ),
  );
}

/** Rank on each rate among the agencies of the same kind and level (registry), 1 = highest. */
async function peerPosition(agency, names, year) {
  const { items } = await get('/agencies', { year });
  const self = items.find((a) => a.names.some((n) => names.includes(n)) || a.name === agency);
  if (!self?.kind) return el('p', { class: 'hint' }, tr('名录中没有此机关，无法与同类机关比较。Not in the registry: no peer group.'));
  const peers = items.filter((a) => a.kind === self.kind && a.level === self.level);
  const data = await get('/compare', { year, agencies: peers.flatMap((p) => p.names).join(',') });
  const mine = data.rows.find((r) => names.includes(r.agency));
  if (!mine) return null;
  return el(
    'div',
    { class: 'peers' },
    el(
      'h3',
      {},
      t(`${year} 年度同类机关中的位置 `, `Position among peers in ${year} `),
      el('span', { class: 'count' }, `${self.level} · ${kindText(self.kind)} · ${t(`${data.rows.length} 个机关`, `${data.rows.length} agencies`)}`),
    ),
    el(
      'div',
      { class: 'scroll' },
      el(
        'table',
        { class: 'list peer-table' },
        thead([tr('指标 Metric'), tr('本机关 This agency'), tr('排名 Rank'), tr('中位数 Median')].map((h) => el('th', {}, h))),
        el(
          'tbody',
          {},
          data.metrics
            .filter((m) => m.kind === 'rate')
            .map((m) => {
              const values = data.rows
                .map((r) => r.cells[m.id].value)
                .filter((v) => v !== null)
                .sort((a, b) => b - a);
              const v = mine.cells[m.id].value;
              return el(
                'tr',
                { 'data-metric': m.id },
                el('th', { title: m.definition }, m.label),
                el('td', { class: mine.cells[m.id].outlier ? 'num outlier' : 'num' }, percent(v)),
                el('td', { class: 'num' }, v === null ? '—' : `${values.indexOf(v) + 1} / ${values.length}`),
                el('td', { class: 'num' }, percent(data.spread[m.id]?.median)),
              );
            }),
        ),
      ),
    ),
  );
}

/** Which version superseded this one: the one it names, else (stored before versions named it) the year's current one. */
function supersededText(v, versions) {
  const by = v.supersededBy ?? versions.find((o) => o.current)?.id;
  return by ? t(`已被 ${by} 取代`, `superseded by ${by}`) : t('已被取代', 'superseded');
}
