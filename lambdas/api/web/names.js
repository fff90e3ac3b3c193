// Names instead of codes: rule names, the form's field labels and tables, statuses and review
// states, all from GET /rules (the rule registry and the form), loaded once per page.
import { get } from './api.js';
import { el } from './dom.js';
import { pick, t } from './lang.js';

let dict = { rules: [], findingNames: {}, fields: {}, tables: {}, metrics: [], statuses: {}, reviews: {} };
let byId = new Map();

/** Loads the dictionary; the views render after it, so the lookups below are synchronous. */
export async function loadNames() {
  if (byId.size) return;
  dict = await get('/rules');
  byId = new Map(dict.rules.map((r) => [r.id, r]));
}

/** Pick-list entries for a metric field: the comparison rates, then every value key under its printed label. */
export const metricSuggestions = () => [...dict.metrics.map((m) => [m.id, m.label]), ...Object.entries(dict.fields).filter(([k]) => /^t[234]\.\w+\./.test(k))];
export const familyOf = (rule) => /^([SX]\d+|P)(?:-|$)/.exec(rule ?? '')?.[1] ?? null;
export const ruleInfo = (rule) => byId.get(familyOf(rule)) ?? null;
/** A finding's name: its check's own (X3-LATE 迟报, P-SPLIT-AMBIGUOUS 数字拆分不唯一), else its rule's. */
export const findingName = (rule) => dict.findingNames[rule] ?? ruleInfo(rule)?.name ?? null;

/** The standard tables of a format (`2019`, `2021`) as the page draws them. */
export const formTables = (format) => dict.tables[format] ?? [];

/** `表三 · 本年新收 · 总计`, or the key itself when the form does not print it. */
export const fieldLabel = (key) => dict.fields[key] ?? key;

/**
 * Keys a message stored before messages named cells by their labels (`正文称t3.newReceived.total为219`)
 * replaced by those labels; a key already standing after its label (`… (t3.x.y)`) stays as it is.
 */
export const readable = (text) => String(text ?? '').replace(/(?<!\()\bt[234](?:\.[A-Za-z]+)+/g, (key) => (dict.fields[key] ? `「${dict.fields[key]}」` : key));

/** A finding's message in the chosen language (the English one where the rule wrote it). */
export const messageOf = (f) => readable(t(f.message, f.messageEn || f.message));

export const statusText = (status) => pick(dict.statuses[status], status);
export const reviewText = (review) => pick(dict.reviews[review], review);

/** The finding's name with its rule id as secondary text, the rule's description as the tooltip. */
export function ruleLabel(rule) {
  const info = ruleInfo(rule);
  const name = findingName(rule);
  return el(
    'span',
    { class: 'rule-name', title: info ? pick(info.description) : undefined },
    name ? el('span', { class: 'name' }, pick(name)) : null,
    el('code', { class: 'rule' }, rule),
  );
}

/** A field's label with its key as secondary text. */
export const fieldName = (key) => el('span', { class: 'field' }, fieldLabel(key), fieldLabel(key) === key ? null : el('code', {}, key));

/** Pick-list entries for a rule field: each family, then the rule ids seen under it are typed freely. */
export const ruleSuggestions = () => dict.rules.map((r) => [r.id, pick(r.name)]);

/** Pick-list entries for an agency field, from GET /agencies (the registry and the year's reports). */
export async function agencySuggestions(year) {
  const { items } = await get('/agencies', { year });
  return items.map((a) => [a.name, [a.region, a.level, kindText(a.kind)].filter(Boolean).join(' · ')]);
}

/** The registry's agency kinds as an officer names them. */
export const kindText = (kind) => (kind === 'government' ? t('政府', 'government') : kind === 'department' ? t('部门', 'department') : (kind ?? ''));
