// Values waiting for an officer (待核实): rows whose cells ran together and that neither the report
// nor a neighbouring year decides. Every year by default, with the count waiting in each; the
// reviewer picks a reading or types the values, with a note.
import { canReview, enc, get, patch } from './api.js';
import { clear, el, thead } from './dom.js';
import { filterForm } from './form.js';
import { t } from './lang.js';
import { agencyHref, go, href, reportHref } from './nav.js';
import { fieldLabel, fieldName } from './names.js';

export async function pendingView(query) {
  const filters = Object.fromEntries([...query.entries()].filter(([, v]) => v));
  const { items, years } = await get('/pending', filters);
  const all = years.reduce((n, y) => n + y.rows, 0);
  const chip = (year, label, n) =>
    el(
      'a',
      { href: href('pending', { ...filters, year }), class: String(filters.year ?? '') === String(year ?? '') ? 'chip active' : 'chip' },
      label,
      ' ',
      el('span', { class: 'n' }, n),
    );
  return el(
    'section',
    { class: 'pending' },
    el('h2', {}, `${t('待核实', 'Values to confirm')} `, el('span', { class: 'count' }, t(`${items.length} 行`, `${items.length} rows`))),
    el(
      'nav',
      { class: 'years', 'aria-label': t('年度', 'Years') },
      chip(undefined, t('全部年度', 'All years'), all),
      years.map((y) => chip(y.year, String(y.year), y.rows)),
    ),
    filterForm(
      [
        { name: 'year', label: t('年度（留空为全部）', 'Year (blank: all)'), type: 'number', size: 6 },
        { name: 'agency', label: t('机关', 'Agency'), size: 16 },
      ],
      query,
      (values) => go('pending', values),
    ),
    canReview() ? null : el('p', { class: 'hint' }, t('当前为查阅员：只能查看，审核员才能核实取值。', 'You act as an officer: reviewers decide values.')),
    items.length
      ? items.map(pendingRow)
      : el(
          'p',
          { class: 'empty' },
          filters.year
            ? t(`${filters.year} 年度没有待核实的数值。`, `Nothing waits for review in ${filters.year}.`)
            : t('没有待核实的数值。', 'Nothing waits for review.'),
        ),
  );
}

/** One open row: the printed text, each reading with the identities it satisfies, and the decision form. */
function pendingRow(p) {
  const name = `reading-${p.reportId}-${p.row}`;
  const typed = p.keys.map((k) => el('input', { type: 'number', step: 'any', class: 'typed', 'data-key': k, 'aria-label': k, size: 8 }));
  const note = el('input', { type: 'text', class: 'note-input', placeholder: t('依据（必填）', 'note (required)'), 'aria-label': t('备注', 'note'), size: 30 });
  const state = el('div', { class: 'decision-state' });
  const readings = p.readings.map((r, i) =>
    el(
      'tr',
      { class: 'reading' },
      el('td', {}, el('input', { type: 'radio', name, value: String(i), 'aria-label': r.texts.join(' | ') })),
      r.texts.map((x) => el('td', { class: 'num' }, x)),
      el('td', { class: 'satisfies' }, r.satisfies.length ? r.satisfies.map((s) => el('div', {}, `✓ ${s}`)) : '—'),
    ),
  );
  const form = el(
    'form',
    { class: 'decide' },
    el(
      'div',
      { class: 'scroll' },
      el(
        'table',
        { class: 'readings' },
        thead(
          el('th', {}, ''),
          p.keys.map((k) => el('th', {}, fieldName(k))),
          el('th', {}, t('符合的跨年关系', 'Identities satisfied')),
        ),
        el(
          'tbody',
          {},
          readings,
          el(
            'tr',
            { class: 'typed-row' },
            el('td', {}, el('input', { type: 'radio', name, value: 'typed', 'aria-label': t('手动输入', 'type values') })),
            typed.map((input) => el('td', {}, input)),
            el('td', {}, t('按原文手动输入', 'Type the values as printed')),
          ),
        ),
      ),
    ),
    canReview() ? [note, el('button', { type: 'submit', class: 'decide-button' }, t('确认取值', 'Decide')), state] : null,
  );
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const choice = form.querySelector(`input[name="${CSS.escape(name)}"]:checked`)?.value;
    if (!choice) return clear(state).append(el('span', { class: 'error' }, t('请选择一种拆分或手动输入。', 'Pick a reading or type the values.')));
    const body = choice === 'typed' ? { values: typed.map((x) => Number(x.value)), note: note.value } : { reading: Number(choice), note: note.value };
    try {
      const { review } = await patch(`/reports/${enc(p.reportId)}/pending/${enc(p.row)}`, body);
      clear(state).append(el('p', { class: 'applying' }, t('已提交，正在重新核查…', 'Accepted; the values and rules are being re-decided.')));
      const report = await applied(p, review.at);
      if (report)
        clear(form).append(
          el(
            'p',
            { class: 'decided' },
            t('已核实：', 'Decided: '),
            p.keys.map((k) => `${k} = ${report.values[k] ?? '—'}`).join(t('，', ', ')),
            ' ',
            el('a', { href: reportHref(p.reportId) }, t('查看报告与审查记录', 'the report and its trail')),
          ),
        );
      else
        clear(state).append(
          el('p', { class: 'applying' }, t('已保存，重新核查尚未完成，请稍后刷新。', 'Stored; the re-decision has not finished yet: reload later.')),
        );
    } catch (err) {
      clear(state).append(el('span', { class: 'error', role: 'alert' }, err.message));
    }
  });
  return el(
    'article',
    { class: 'pending-row', 'data-report': p.reportId, 'data-row': p.row },
    el(
      'h3',
      {},
      el('a', { href: agencyHref(p.agency ?? '') }, p.agency ?? t('（未识别机关）', '(agency not found)')),
      ' ',
      el('a', { href: reportHref(p.reportId) }, String(p.year ?? '')),
      ' · ',
      p.label,
    ),
    el(
      'p',
      {},
      t('原文：', 'Printed: '),
      el('code', { class: 'printed' }, p.printed),
      ` · ${t('待定', 'open')}: `,
      el('span', { class: 'open-keys', title: p.open.join(', ') }, p.open.map(fieldLabel).join(t('、', ', '))),
    ),
    p.truncated ? el('p', { class: 'note' }, t('拆分过多，未全部列出，请手动输入。', 'More readings than listed: type the values.')) : null,
    form,
  );
}

const POLL_MS = 500;
const POLLS = 60;

/**
 * The API stores the review and answers at once (202); the re-decision runs after it. The report
 * once one of the row's cells carries this review, or null if that takes longer than half a minute.
 */
async function applied(p, at) {
  for (let i = 0; i < POLLS; i++) {
    const { report } = await get(`/reports/${enc(p.reportId)}`);
    if (p.keys.some((k) => report.evidence?.[k]?.review?.at === at)) return report;
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
  return null;
}
