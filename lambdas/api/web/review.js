// A finding's severity badge and its review controls, shared by the findings list and the report
// view: the decision with who, when and why, the trail of earlier ones, and taking one back.
import { canReview, patch, enc } from './api.js';
import { el, clear } from './dom.js';
import { t } from './lang.js';

const SEVERITY = { error: ['错误', 'error'], warning: ['警告', 'warning'], info: ['提示', 'info'] };
const REVIEW = { confirmed: ['已确认', 'confirmed'], dismissed: ['已驳回', 'dismissed'], open: ['已撤销，待审', 'taken back, open'] };

export const severityText = (severity) => (SEVERITY[severity] ? t(...SEVERITY[severity]) : severity);
export const severityBadge = (severity) => el('span', { class: `badge sev-${severity}` }, severityText(severity));

export const when = (at) => (at ? new Date(at).toLocaleString(t('zh-CN', 'en-GB'), { hour12: false }) : '');

/** One decision of a trail: what, who, when, why. */
const step = (r) =>
  el(
    'li',
    { class: `trail-step ${r.status}` },
    el('strong', {}, REVIEW[r.status] ? t(...REVIEW[r.status]) : r.status),
    ` · ${r.by ?? ''} · ${when(r.at)}`,
    r.note ? el('span', { class: 'note' }, ` 「${r.note}」`) : null,
  );

export function reviewState(review) {
  if (!review || (review.status === 'open' && !review.history?.length)) return el('span', { class: 'review pending' }, t('待审', 'open'));
  const history = review.history ?? [];
  return el(
    'span',
    { class: `review ${review.status}` },
    REVIEW[review.status] ? t(...REVIEW[review.status]) : review.status,
    review.note ? el('span', { class: 'note' }, `「${review.note}」`) : null,
    el('span', { class: 'who' }, `${review.by ?? ''} · ${when(review.at)}`),
    history.length > 1
      ? el(
          'details',
          { class: 'trail' },
          el('summary', {}, t(`审查记录（${history.length}）`, `Trail (${history.length})`)),
          el('ol', {}, [...history].reverse().map(step)),
        )
      : null,
  );
}

/** Confirm / dismiss buttons with a note, and undo of the last decision; `onDone(finding)` gets the updated finding. Officers only read. */
export function reviewControls(finding, onDone) {
  const state = el('div', { class: 'review-state' }, reviewState(finding.review));
  if (!canReview())
    return el(
      'div',
      { class: 'review-controls read-only' },
      state,
      el('span', { class: 'hint' }, t('只有审核员可以确认或驳回', 'Only reviewers confirm or dismiss')),
    );
  const note = el('input', { type: 'text', class: 'note-input', placeholder: t('备注', 'note'), 'aria-label': t('备注', 'note'), value: '' });
  const undo = el('button', { type: 'button', class: 'undo link' }, t('撤销', 'Undo'));
  const show = (review) => {
    clear(state).append(reviewState(review));
    undo.hidden = !review || review.status === 'open';
  };
  const send = (review) => async () => {
    try {
      const { finding: updated } = await patch(`/findings/${enc(finding.id)}`, { review, note: note.value });
      Object.assign(finding, updated);
      show(updated.review);
      note.value = '';
      onDone?.(updated);
    } catch (err) {
      clear(state).append(el('span', { class: 'error', role: 'alert' }, err.message));
    }
  };
  undo.addEventListener('click', send('open'));
  show(finding.review);
  return el(
    'div',
    { class: 'review-controls' },
    state,
    note,
    el('button', { type: 'button', class: 'confirm', onclick: send('confirmed') }, t('确认', 'Confirm')),
    el('button', { type: 'button', class: 'dismiss', onclick: send('dismissed') }, t('驳回', 'Dismiss')),
    undo,
  );
}
