// A finding's severity badge and its review controls, shared by the findings list and the report view.
import { patch, enc } from './api.js';
import { el, clear } from './dom.js';

const SEVERITY = { error: '错误 error', warning: '警告 warning', info: '提示 info' };
const REVIEW = { confirmed: '已确认 confirmed', dismissed: '已驳回 dismissed' };

export const severityBadge = (severity) => el('span', { class: `badge sev-${severity}` }, SEVERITY[severity] ?? severity);

export function reviewState(review) {
  if (!review) return el('span', { class: 'review pending' }, '待审 open');
  const when = review.at ? new Date(review.at).toLocaleString('zh-CN', { hour12: false }) : '';
  return el(
    'span',
    { class: `review ${review.status}`, title: `${review.by ?? ''} ${when}` },
    REVIEW[review.status] ?? review.status,
    review.note ? el('span', { class: 'note' }, `「${review.note}」`) : null,
    el('span', { class: 'who' }, `${review.by ?? ''} · ${when}`),
  );
}

/** Confirm / dismiss buttons with an optional note; `onDone(finding)` gets the updated finding. */
export function reviewControls(finding, onDone) {
  const state = el('div', { class: 'review-state' }, reviewState(finding.review));
  const note = el('input', { type: 'text', class: 'note-input', placeholder: '备注 note', 'aria-label': '备注 note', value: finding.review?.note ?? '' });
  const send = (review) => async () => {
    try {
      const { finding: updated } = await patch(`/findings/${enc(finding.id)}`, { review, note: note.value });
      Object.assign(finding, updated);
      clear(state).append(reviewState(updated.review));
      onDone?.(updated);
    } catch (err) {
      clear(state).append(el('span', { class: 'error' }, err.message));
    }
  };
  return el(
    'div',
    { class: 'review-controls' },
    state,
    note,
    el('button', { type: 'button', class: 'confirm', onclick: send('confirmed') }, '确认 Confirm'),
    el('button', { type: 'button', class: 'dismiss', onclick: send('dismissed') }, '驳回 Dismiss'),
  );
}
