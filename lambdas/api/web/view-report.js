// One report: metadata, findings with review, the three standard tables with the cells that
// findings point to highlighted and their evidence on hover or click, and the report's text.
import { enc, get } from './api.js';
import { append, clear, el, number, thead } from './dom.js';
import { layouts } from './layouts.js';
import { agencyHref } from './nav.js';
import { fieldLabel, fieldName, readable, ruleLabel, statusText } from './names.js';
import { cellBox, renderPdfPage } from './pdf-page.js';
import { reviewControls, severityBadge } from './review.js';

const SEVERITY_RANK = { error: 3, warning: 2, info: 1 };

export async function reportView(id) {
  const { report, findings } = await get(`/reports/${enc(id)}`);
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
    report.reasonText ? el('p', { class: `reason status ${report.status}` }, report.reasonText.zh, ' ', el('small', {}, report.reasonText.en)) : null,
    el('h3', {}, `问题 Findings (${findings.length})`),
    findings.length
      ? el(
          'ul',
          { class: 'report-findings' },
          findings.map((f) => findingItem(f, tables, refresh)),
        )
      : el('p', { class: 'empty' }, '未发现问题。No findings.'),
    el('h3', {}, '标准表格 Standard tables ', el('small', {}, '点击单元格查看证据 · click a cell for its evidence')),
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
  const source = el('button', { type: 'button', class: 'source' }, '原始文件 Original file');
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
    el('h2', {}, r.agency ? el('a', { href: agencyHref(r.agency) }, r.agency) : '（未识别机关）', ' ', el('span', { class: 'year' }, `${r.year ?? '?'} 年度`)),
    el(
      'dl',
      { class: 'meta' },
      meta('编号 id', r.id),
      meta('状态 status', statusText(r.status)),
      meta('格式 format', r.format),
      meta('发布日期 published', r.publishedAt ?? '—'),
      meta('文件 input', `${r.input?.kind ?? ''} · ${number(r.input?.bytes)} bytes · ${r.input?.encoding ?? ''}`),
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
    el('div', { class: 'finding-head' }, severityBadge(f.severity), ruleLabel(f.rule), el('span', { class: 'message' }, readable(f.message))),
    f.basis ? el('div', { class: 'basis' }, `依据 basis: ${f.basis}`) : null,
    f.evidence ? el('div', { class: 'evidence-text' }, readable(f.evidence)) : null,
    (f.keys ?? []).length ? el('button', { type: 'button', class: 'link', onclick: show }, `在表中显示 show in table: ${f.keys.join(', ')}`) : null,
    reviewControls(f, refresh),
  );
}

function table(layout, report, flagged) {
  return el(
    'figure',
    { class: 'std-table', id: layout.id },
    el('figcaption', {}, layout.title, report.tables?.includes(layout.id) ? '' : el('span', { class: 'missing' }, ' （报告中未找到此表 table not found）')),
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
        'aria-label': '关闭 close',
        onclick: () => {
          pinned = null;
          panel.hidden = true;
        },
      },
      '×',
    ),
    el('div', { class: 'ev-key' }, fieldName(key)),
    el('div', { class: 'ev-value' }, value === undefined ? '（无数值 no value）' : number(value)),
    kind === 'derived'
      ? el('div', {}, '计算所得的小计（非表格原文） derived subtotal, not read from a cell')
      : evidence
        ? el(
            'dl',
            {},
            evidence.page ? [el('dt', {}, '页码 page'), el('dd', {}, evidence.page)] : null,
            el('dt', {}, '位置 locator'),
            el('dd', {}, evidence.locator ?? ''),
            el('dt', {}, '原文 raw'),
            el('dd', { class: 'raw' }, evidence.raw ?? ''),
          )
        : el('div', {}, '无证据 no evidence'),
    kind === 'derived' ? null : printedRow(report, key),
    td.findings ? el('div', { class: `ev-finding sev-${td.findings.severity}` }, `${td.findings.rule}: ${readable(td.findings.message)}`) : null,
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
    el('div', { class: 'hint' }, '原表此行 the printed row'),
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

/** For a PDF or a scanned image (served as a PDF of its pages), the original page with the cell's box, below the tables. */
function showSourcePage(td, key, report) {
  const evidence = report.evidence?.[key];
  const figure = td.closest('section.report')?.querySelector('figure.source-page');
  const page = evidence?.page ?? evidence?.loc?.page;
  if (!figure || !['pdf', 'image'].includes(report.input?.kind) || !page) return;
  figure.hidden = false;
  renderPdfPage(figure, report.id, page, cellBox(evidence.loc), `${fieldLabel(key)} = ${evidence.raw}`).catch((err) =>
    clear(figure).append(el('p', { class: 'error' }, `无法显示原文页面 Cannot show the page: ${err.message}`)),
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
  const box = el('div', { class: 'source-text' }, el('div', { class: 'hint' }, '原文上下文 the source text'), el('p', { class: 'loading' }, '载入中… Loading'));
  panel.append(box);
  const raw = printedText(evidence.raw);
  try {
    const w = await get(`/reports/${enc(report.id)}/text`, { at, len: raw.length || 1 });
    const marked = w.text.slice(w.mark.start, w.mark.end);
    append(clear(box), [
      el('div', { class: 'hint' }, `原文上下文 the source text · 第 ${w.start + w.mark.start} 字符 offset`),
      el('pre', {}, w.before ? '…' : '', w.text.slice(0, w.mark.start), el('mark', {}, marked), w.text.slice(w.mark.end), w.after ? '…' : ''),
      marked === raw
        ? null
        : el(
            'p',
            { class: 'error' },
            `此处原文为“${marked}”，与证据“${raw}”不符：记录来自另一次解析。The text here differs from the evidence: the record comes from another parse.`,
          ),
    ]);
  } catch (err) {
    clear(box).append(el('p', { class: 'error' }, `无法显示原文 Cannot show the source text: ${err.message}`));
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
    el('summary', {}, `正文中的数字 Figures in the text (${report.narrative.length})`),
    el(
      'table',
      { class: 'list' },
      el(
        'tbody',
        {},
        report.narrative.map((n) => el('tr', {}, el('td', { class: 'key' }, n.key), el('td', { class: 'num' }, number(n.value)), el('td', {}, n.sentence))),
      ),
    ),
  );
}

function sections(report) {
  if (!report.sections?.length) return null;
  return el(
    'details',
    { class: 'sections' },
    el('summary', {}, `报告正文 Report text (${report.sections.length} 节)`),
    report.sections.map((s) => el('section', { class: 'report-text' }, el('h4', {}, s.title), el('p', {}, s.text))),
  );
}
