// One report: metadata, findings with review, the three standard tables with the cells that
// findings point to highlighted and their evidence on hover or click, and the report's text.
import { canReview, enc, get, patch } from './api.js';
import { append, clear, el, number, thead } from './dom.js';
import { layouts } from './layouts.js';
import { pick, t } from './lang.js';
import { agencyHref } from './nav.js';
import { fieldLabel, fieldName, messageOf, ruleLabel, statusText } from './names.js';
import { cellBox, renderPdfPage } from './pdf-page.js';
import { reviewControls, severityBadge, when } from './review.js';
import { evidenceList } from './view-findings.js';

const SEVERITY_RANK = { error: 3, warning: 2, info: 1 };

export async function reportView(id) {
  const { report, findings, valueReviews = [] } = await get(`/reports/${enc(id)}`);
  trails = new Map(valueReviews.map((r) => [r.row, r]));
  const flagged = flaggedKeys(findings);
  const tables = el(
    'div',
    { class: 'tables' },
    layouts(report.format).map((layout) => table(layout, report, flagged)),
  );
  const refresh = () => {
    const next = flaggedKeys(findings);
    for (const td of tables.querySelectorAll('td[data-key]')) setFlag(td, next.get(td.dataset.key));
  };
  return el(
    'section',
    { class: 'report' },
    header(report),
    report.reasonText ? el('p', { class: `reason status ${report.status}` }, pick(report.reasonText)) : null,
    el('h3', {}, t(`问题（${findings.length}）`, `Findings (${findings.length})`)),
    findings.length
      ? el(
          'ul',
          { class: 'report-findings' },
          findings.map((f) => findingItem(f, tables, refresh)),
        )
      : el('p', { class: 'empty' }, t('未发现问题。', 'No findings.')),
    reviewedRows(report, valueReviews),
    el('h3', {}, `${t('标准表格', 'Standard tables')} `, el('small', {}, t('点击单元格查看证据', 'click a cell for its evidence'))),
    tables,
    el('figure', { class: 'source-page', hidden: true }),
    narrative(report),
    sections(report),
  );
}

/** Key → worst severity among findings not dismissed; dismissed findings no longer mark cells. */
function flaggedKeys(findings) {
  const keys = new Map();
  for (const f of findings) {
    if (f.review?.status === 'dismissed') continue;
    for (const k of f.keys ?? []) {
      const prev = keys.get(k);
      if (!prev || (SEVERITY_RANK[f.severity] ?? 0) > (SEVERITY_RANK[prev.severity] ?? 0)) keys.set(k, f);
    }
  }
  return keys;
}

function header(r) {
  const source = el('button', { type: 'button', class: 'source' }, t('原始文件', 'Original file'));
  source.addEventListener('click', async () => {
    try {
      const { url } = await get(`/reports/${enc(r.id)}/source`);
      window.open(url, '_blank', 'noopener');
    } catch (err) {
      source.replaceWith(el('span', { class: 'error' }, err.message));
    }
  });
  return el(
    'div',
    { class: 'report-head' },
    el(
      'h2',
      {},
      r.agency ? el('a', { href: agencyHref(r.agency) }, r.agency) : t('（未识别机关）', '(agency not found)'),
      ' ',
      el('span', { class: 'year' }, t(`${r.year ?? '?'} 年度`, `${r.year ?? '?'}`)),
    ),
    el(
      'dl',
      { class: 'meta' },
      meta(t('编号', 'id'), r.id),
      meta(t('状态', 'status'), statusText(r.status)),
      meta(
        t('版本', 'version'),
        r.current ? t('当前版本', 'current') : r.supersededBy ? t(`已被 ${r.supersededBy} 取代`, `superseded by ${r.supersededBy}`) : '—',
      ),
      meta(t('格式', 'format'), r.format),
      meta(t('发布日期', 'published'), r.publishedAt ?? '—'),
      meta(t('文件', 'input'), `${r.input?.kind ?? ''} · ${number(r.input?.bytes)} bytes · ${r.input?.encoding ?? ''}`),
    ),
    source,
  );
}

const meta = (k, v) => [el('dt', {}, k), el('dd', {}, v)];

function findingItem(f, tables, refresh) {
  const show = () => {
    for (const td of tables.querySelectorAll('td.focus')) td.classList.remove('focus');
    const cells = (f.keys ?? []).map((k) => tables.querySelector(`td[data-key="${CSS.escape(k)}"]`)).filter(Boolean);
    for (const td of cells) td.classList.add('focus');
    cells[0]?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  };
  return el(
    'li',
    { class: `finding sev-${f.severity}`, 'data-id': f.id },
    el('div', { class: 'finding-head' }, severityBadge(f.severity), ruleLabel(f.rule), el('span', { class: 'message' }, messageOf(f))),
    f.basis ? el('div', { class: 'basis' }, `${t('依据', 'Basis')}: ${f.basis}`) : null,
    f.evidence ? evidenceList(f.evidence) : null,
    cellKeys(f).length
      ? el(
          'button',
          { type: 'button', class: 'link show-cells', onclick: show, title: cellKeys(f).join(', ') },
          t('在表中显示：', 'Show in the table: '),
          shownCells(cellKeys(f)),
        )
      : null,
    reviewControls(f, refresh),
  );
}

function table(layout, report, flagged) {
  return el(
    'figure',
    { class: 'std-table', id: layout.id },
    el(
      'figcaption',
      {},
      layout.title,
      report.tables?.includes(layout.id) ? '' : el('span', { class: 'missing' }, t(' （报告中未找到此表）', ' (table not found in the report)')),
    ),
    el(
      'table',
      {},
      thead(
        el('th', {}, ''),
        layout.columns.map(([, label]) => el('th', {}, label)),
      ),
      el(
        'tbody',
        {},
        layout.rows.map(([prefix, label, kind]) =>
          el(
            'tr',
            { class: kind ?? '' },
            el('th', { scope: 'row' }, label),
            layout.columns.map(([suffix]) => cell(`${prefix}.${suffix}`, kind, report, flagged)),
          ),
        ),
      ),
    ),
  );
}

function cell(key, kind, report, flagged) {
  const value = kind === 'derived' ? report.derived?.[key] : report.values?.[key];
  const flag = flagged.get(key);
  if (value === undefined && !flag) return el('td', { class: 'empty' });
  const td = el('td', { 'data-key': key, tabindex: 0 }, value === undefined ? '？' : number(value));
  setFlag(td, flag);
  const open = (pin) => () => {
    showEvidence(td, key, value, report, kind, pin);
    if (pin) showSourcePage(td, key, report);
    if (pin) showSourceText(key, report);
  };
  td.addEventListener('mouseenter', open(false));
  td.addEventListener('mouseleave', hideEvidence);
  td.addEventListener('click', open(true));
  td.addEventListener('focus', open(true));
  return td;
}

function setFlag(td, finding) {
  td.classList.remove('flag-error', 'flag-warning', 'flag-info', 'flagged');
  td.findings = finding;
  if (finding) td.classList.add('flagged', `flag-${finding.severity}`);
}

let pinned = null;

function showEvidence(td, key, value, report, kind, pin) {
  if (pinned && !pin && pinned !== td) return;
  const evidence = report.evidence?.[key];
  pinned = pin ? td : pinned;
  const panel = clear(document.getElementById('evidence'));
  append(panel, [
    el(
      'button',
      {
        type: 'button',
        class: 'close',
        'aria-label': t('关闭', 'close'),
        onclick: () => {
          pinned = null;
          panel.hidden = true;
        },
      },
      '×',
    ),
    el('div', { class: 'ev-key' }, fieldName(key)),
    el('div', { class: 'ev-value' }, value === undefined ? t('（无数值）', '(no value)') : number(value)),
    kind === 'derived'
      ? el('div', {}, t('计算所得的小计（非表格原文）', 'derived subtotal, not read from a cell'))
      : evidence
        ? el(
            'dl',
            {},
            evidence.page ? [el('dt', {}, t('页码', 'page')), el('dd', {}, evidence.page)] : null,
            el('dt', {}, t('位置', 'locator')),
            el('dd', {}, evidence.locator ?? ''),
            el('dt', {}, t('原文', 'raw')),
            el('dd', { class: 'raw' }, evidence.raw ?? ''),
            decidedBy(evidence),
          )
        : el('div', {}, t('无证据', 'no evidence')),
    evidence?.decidedBy === 'review' ? valueTrail(report, key) : null,
    kind === 'derived' ? null : printedRow(report, key),
    td.findings ? el('div', { class: `ev-finding sev-${td.findings.severity}` }, `${td.findings.rule}: ${messageOf(td.findings)}`) : null,
  ]);
  const box = td.getBoundingClientRect();
  panel.style.top = `${Math.round(box.bottom + window.scrollY + 4)}px`;
  panel.style.left = `${Math.round(Math.min(box.left + window.scrollX, window.scrollX + document.documentElement.clientWidth - 340))}px`;
  panel.hidden = false;
}

/**
 * The row as printed around the value: every cell read from the same table row (by its locator),
 * in column order, under the form's label of the row, with this value's cell marked.
 */
function printedRow(report, key) {
  const at = report.evidence?.[key]?.loc;
  if (at?.table === undefined || at?.row === undefined) return null;
  const cells = Object.entries(report.evidence)
    .filter(([, e]) => e.loc?.table === at.table && e.loc?.row === at.row && (e.loc?.page ?? e.page) === (at.page ?? report.evidence[key].page))
    .sort(([, a], [, b]) => (a.loc.col ?? 0) - (b.loc.col ?? 0));
  const rowLabel = fieldLabel(key).split(' · ').slice(0, -1).join(' · ');
  return el(
    'div',
    { class: 'printed-row' },
    el('div', { class: 'hint' }, t('原表此行', 'the printed row')),
    el(
      'table',
      {},
      el(
        'tbody',
        {},
        el(
          'tr',
          {},
          el('th', {}, rowLabel),
          cells.map(([k, e]) => el('td', { class: k === key ? 'this' : undefined, title: fieldLabel(k) }, e.raw)),
        ),
      ),
    ),
  );
}

/** For a PDF, the original page with the cell's box, below the tables. */
function showSourcePage(td, key, report) {
  const evidence = report.evidence?.[key];
  const figure = td.closest('section.report')?.querySelector('figure.source-page');
  const page = evidence?.page ?? evidence?.loc?.page;
  if (!figure || report.input?.kind !== 'pdf' || !page) return;
  figure.hidden = false;
  renderPdfPage(figure, report.id, page, cellBox(evidence.loc), `${fieldLabel(key)} = ${evidence.raw}`).catch((err) =>
    clear(figure).append(el('p', { class: 'error' }, `${t('无法显示原文页面', 'Cannot show the page')}: ${err.message}`)),
  );
}

/** The cell as printed: a split run is quoted as `run → value`, and the run is what stands in the text. */
const printedText = (raw) => String(raw ?? '').split(' → ')[0];

/**
 * For HTML and text, the report's own text around the cell (read again by the API with the parse's
 * decoder, so the offset names the same character), the cell marked; appended to the open panel.
 */
async function showSourceText(key, report) {
  const evidence = report.evidence?.[key];
  const at = evidence?.loc?.offset;
  if (!['html', 'text'].includes(report.input?.kind) || typeof at !== 'number') return;
  const panel = document.getElementById('evidence');
  const box = el(
    'div',
    { class: 'source-text' },
    el('div', { class: 'hint' }, t('原文上下文', 'the source text')),
    el('p', { class: 'loading' }, t('载入中…', 'Loading…')),
  );
  panel.append(box);
  const raw = printedText(evidence.raw);
  try {
    const w = await get(`/reports/${enc(report.id)}/text`, { at, len: raw.length || 1 });
    const marked = w.text.slice(w.mark.start, w.mark.end);
    append(clear(box), [
      el('div', { class: 'hint' }, t(`原文上下文 · 第 ${w.start + w.mark.start} 字符`, `the source text · offset ${w.start + w.mark.start}`)),
      el('pre', {}, w.before ? '…' : '', w.text.slice(0, w.mark.start), el('mark', {}, marked), w.text.slice(w.mark.end), w.after ? '…' : ''),
      marked === raw
        ? null
        : el(
            'p',
            { class: 'error' },
            t(
              `此处原文为“${marked}”，与证据“${raw}”不符：记录来自另一次解析。`,
              `The text here (“${marked}”) differs from the evidence (“${raw}”): the record comes from another parse.`,
            ),
          ),
    ]);
  } catch (err) {
    clear(box).append(el('p', { class: 'error' }, `${t('无法显示原文', 'Cannot show the source text')}: ${err.message}`));
  }
}

function hideEvidence() {
  if (!pinned) document.getElementById('evidence').hidden = true;
}

function narrative(report) {
  if (!report.narrative?.length) return null;
  return el(
    'details',
    { class: 'narrative' },
    el('summary', {}, t(`正文中的数字（${report.narrative.length}）`, `Figures in the text (${report.narrative.length})`)),
    el(
      'table',
      { class: 'list' },
      el(
        'tbody',
        {},
        report.narrative.map((n) =>
          el('tr', {}, el('td', { class: 'key' }, fieldName(n.key)), el('td', { class: 'num' }, number(n.value)), el('td', {}, n.sentence)),
        ),
      ),
    ),
  );
}

function sections(report) {
  if (!report.sections?.length) return null;
  return el(
    'details',
    { class: 'sections' },
    el('summary', {}, t(`报告正文（${report.sections.length} 节）`, `Report text (${report.sections.length} sections)`)),
    report.sections.map((s) => el('section', { class: 'report-text' }, el('h4', {}, s.title), el('p', {}, s.text))),
  );
}

/** Value-review trails of this report, by the row's first key (set when the report is shown). */
let trails = new Map();

/** The keys a finding points to that are cells of the tables (not `t3`, `section.5` …). */
const cellKeys = (f) => (f.keys ?? []).filter((k) => /^t[234]\.[A-Za-z]+\./.test(k));

/** The cells a finding points to, by their labels: the first few, then how many more. */
function shownCells(keys) {
  const names = keys.slice(0, 3).map((k) => fieldLabel(k));
  return keys.length > 3 ? t(`${names.join('、')} 等 ${keys.length} 格`, `${names.join(', ')} and ${keys.length - 3} more`) : names.join(t('、', ', '));
}

/** Who decided a value the report left open: a neighbouring year (which, by which identity) or an officer. */
function decidedBy(evidence) {
  if (evidence.decidedBy === 'neighbour' && evidence.neighbour)
    return [
      el('dt', {}, t('取值依据', 'decided by')),
      el(
        'dd',
        {},
        t(
          `相邻年度 ${evidence.neighbour.reportId}（${evidence.neighbour.identity}）`,
          `neighbouring year ${evidence.neighbour.reportId} (${evidence.neighbour.identity})`,
        ),
      ),
    ];
  if (evidence.decidedBy === 'review' && evidence.review)
    return [
      el('dt', {}, t('核实', 'reviewed')),
      el(
        'dd',
        { class: 'value-review' },
        `${evidence.review.by} · ${when(evidence.review.at)}`,
        evidence.review.note ? el('span', { class: 'note' }, ` 「${evidence.review.note}」`) : null,
      ),
    ];
  return null;
}

/** The reviewed row a value belongs to, by its keys. */
const trailOf = (key) => [...trails.values()].find((r) => r.keys.includes(key));

const shownValues = (values) => (values?.length ? values.map((v) => (v === null ? '—' : number(v))).join(' | ') : t('待核实', 'open'));

/** Every decision on the value's row (who, when, why, before → after) and, for a reviewer, taking the last one back. */
function valueTrail(report, key) {
  const trail = trailOf(key);
  if (!trail) return null;
  const steps = [...(trail.history ?? [])].reverse();
  return el(
    'div',
    { class: 'value-trail' },
    el('div', { class: 'hint' }, t('核实记录', 'review trail')),
    el(
      'ol',
      {},
      steps.map((s) =>
        el(
          'li',
          { class: s.reverted ? 'trail-step reverted' : 'trail-step' },
          el('strong', {}, s.reverted ? t('撤销核实', 'reverted') : t('核实取值', 'decided')),
          ` · ${s.by} · ${when(s.at)} · `,
          el('span', { class: 'before-after' }, `${shownValues(s.before)} → ${s.reverted ? t('待核实', 'open') : shownValues(s.values)}`),
          s.note ? el('span', { class: 'note' }, ` 「${s.note}」`) : null,
        ),
      ),
    ),
    canReview() && !trail.reverted ? revertForm(report, trail) : null,
  );
}

/** Takes the row's decision back (with a note): the row waits for review again. */
function revertForm(report, trail) {
  const note = el('input', { type: 'text', class: 'note-input', placeholder: t('撤销原因（必填）', 'why (required)'), 'aria-label': t('撤销原因', 'why') });
  const state = el('span', { class: 'revert-state' });
  const form = el('form', { class: 'revert' }, note, el('button', { type: 'submit', class: 'revert-button' }, t('撤销核实', 'Revert')), state);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    try {
      await patch(`/reports/${enc(report.id)}/pending/${enc(trail.row)}`, { revert: true, note: note.value });
      clear(state).append(t('已撤销，该行重新等待核实。', 'Reverted: the row waits for review again.'));
    } catch (err) {
      clear(state).append(el('span', { class: 'error', role: 'alert' }, err.message));
    }
  });
  return form;
}

/** The rows an officer decided, with the last decision, above the tables. */
function reviewedRows(report, valueReviews) {
  if (!valueReviews.length) return null;
  return el(
    'div',
    { class: 'reviewed-rows' },
    el('h3', {}, t(`人工核实的数值（${valueReviews.length} 行）`, `Values decided by review (${valueReviews.length} rows)`)),
    el(
      'ul',
      {},
      valueReviews.map((r) =>
        el(
          'li',
          { class: r.reverted ? 'reviewed-row reverted' : 'reviewed-row', 'data-row': r.row },
          el('code', {}, r.printed),
          ` → ${r.reverted ? t('已撤销，待核实', 'reverted, open') : shownValues(r.values)} · ${r.by} · ${when(r.at)}`,
          r.note ? el('span', { class: 'note' }, ` 「${r.note}」`) : null,
        ),
      ),
    ),
  );
}
