// The audit runs of a year with their status, counts and the run's report files (presigned links).
import { get } from './api.js';
import { pick, tr, t } from './lang.js';
import { findingName } from './names.js';
import { el, number, thead } from './dom.js';
import { DEFAULT_YEAR, filterForm } from './form.js';
import { go } from './nav.js';
import { when } from './review.js';

/** A run's status as the view says it (runs recorded before the state machine have none: they succeeded). */
const STATUS = {
  running: '运行中 running',
  succeeded: '完成 succeeded',
  failed: '失败 failed',
  'timed-out': '超时 timed out',
  aborted: '中止 aborted',
};

export async function auditsView(query) {
  const year = query.get('year') || DEFAULT_YEAR;
  const { items } = await get('/audits', { year });
  return el(
    'section',
    { class: 'audits' },
    el('h2', {}, `${t('审计运行', 'Audit runs')} · ${year} `, el('span', { class: 'count' }, t(`${items.length} 次`, `${items.length} runs`))),
    filterForm([{ name: 'year', label: tr('年度 Year'), type: 'number', size: 6, value: year }], query, (values) => go('audits', values)),
    items.length
      ? el(
          'div',
          { class: 'scroll' },
          el(
            'table',
            { class: 'list audit-runs' },
            thead([tr('开始时间 Started'), tr('状态 Status'), tr('报告 Reports'), tr('问题 Findings'), tr('文件 Files')].map((h) => el('th', {}, h))),
            el(
              'tbody',
              {},
              items.map((run, i) =>
                el(
                  'tr',
                  { class: `audit-run status-${run.status ?? 'succeeded'}` },
                  el('td', {}, when(run.startedAt), i === 0 ? el('strong', {}, tr(' · 最新 latest')) : null),
                  el(
                    'td',
                    { class: 'run-status' },
                    tr(STATUS[run.status ?? 'succeeded'] ?? run.status),
                    run.finishedAt ? el('small', {}, ` ${when(run.finishedAt)}`) : null,
                    run.error ? el('div', { class: 'run-error' }, run.error) : null,
                  ),
                  el('td', { class: 'num' }, number(run.counts?.reports)),
                  el(
                    'td',
                    {},
                    number(run.counts?.findings),
                    ' ',
                    el(
                      'small',
                      {},
                      Object.entries(run.counts?.byRule ?? {})
                        .map(([rule, n]) => `${findingName(rule) ? `${pick(findingName(rule))} ` : ''}${rule} ${n}`)
                        .join(' · '),
                    ),
                  ),
                  el(
                    'td',
                    { class: 'files' },
                    run.files
                      ? ['html', 'csv', 'json'].map((f) => [
                          el('a', { href: run.files[f].url, target: '_blank', rel: 'noopener', class: `file-${f}` }, f.toUpperCase()),
                          ' ',
                        ])
                      : '—',
                  ),
                ),
              ),
            ),
          ),
        )
      : el('p', { class: 'empty' }, t(`${year} 年度尚未运行审计。`, `No audit run for ${year} yet.`)),
  );
}
