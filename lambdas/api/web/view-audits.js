// The audit runs of a year with their counts and the run's report files (presigned links).
import { get } from './api.js';
import { pick, tr, t } from './lang.js';
import { findingName } from './names.js';
import { el, number, thead } from './dom.js';
import { DEFAULT_YEAR, filterForm } from './form.js';
import { go } from './nav.js';
import { when } from './review.js';

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
            thead([tr('完成时间 Finished'), tr('报告 Reports'), tr('问题 Findings'), tr('文件 Files')].map((h) => el('th', {}, h))),
            el(
              'tbody',
              {},
              items.map((run, i) =>
                el(
                  'tr',
                  { class: 'audit-run' },
                  el('td', {}, when(run.finishedAt), i === 0 ? el('strong', {}, tr(' · 最新 latest')) : null),
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
                    ['html', 'csv', 'json'].map((f) => [
                      el('a', { href: run.files[f].url, target: '_blank', rel: 'noopener', class: `file-${f}` }, f.toUpperCase()),
                      ' ',
                    ]),
                  ),
                ),
              ),
            ),
          ),
        )
      : el('p', { class: 'empty' }, t(`${year} 年度尚未运行审计。`, `No audit run for ${year} yet.`)),
  );
}
