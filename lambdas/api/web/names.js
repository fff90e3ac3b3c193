// Names instead of codes: rule names, the form's field labels and tables, statuses and review
// states, all from GET /rules (the rule registry and the form), loaded once per page.
import { get } from './api.js';
import { el } from './dom.js';

let dict = { rules: [], fields: {}, tables: {}, metrics: [], statuses: {}, reviews: {} };
let byId = new Map();

/** Loads the dictionary; the views render after it, so the lookups below are synchronous. */
export async function loadNames() {
  if (byId.size) return;
  dict = await get('/rules');
  byId = new Map(dict.rules.map((r) => [r.id, r]));
}

/** Pick-list entries for a metric field: the comparison rates, then every value key under its printed label. */
export const metricSuggestions = () => [...dict.metrics.map((m) => [m.id, m.label]), ...Object.entries(dict.fields).filter(([k]) => /^t[234]\.\w+\./.test(k))];
export const familyOf = (rule) => /^([SX]\d+)(?:-|$)/.exec(rule ?? '')?.[1] ?? null;
export const ruleInfo = (rule) => byId.get(familyOf(rule)) ?? null;

/** The standard tables of a format (`2019`, `2021`) as the page draws them. */
export const formTables = (format) => dict.tables[format] ?? [];

/** `表三 · 本年新收 · 总计`, or the key itself when the form does not print it. */
export const fieldLabel = (key) => dict.fields[key] ?? key;

/** Keys inside a message (`正文称t3.newReceived.total为219`) replaced by their printed labels. */
export const readable = (text) => String(text ?? '').replace(/\bt[234](?:\.[A-Za-z]+)+/g, (key) => (dict.fields[key] ? `「${dict.fields[key]}」` : key));

const both = (t, fallback) => (t ? `${t.zh} ${t.en}` : fallback);
export const statusText = (status) => both(dict.statuses[status], status);
export const reviewText = (review) => both(dict.reviews[review], review);

/** The rule's name with its id as secondary text, its description as the tooltip. */
export function ruleLabel(rule) {
  const info = ruleInfo(rule);
  return el(
    'span',
    { class: 'rule-name', title: info ? `${info.description.zh}\n${info.description.en}` : undefined },
    info ? el('span', { class: 'name' }, info.name.zh, ' ', el('small', {}, info.name.en)) : null,
    el('code', { class: 'rule' }, rule),
  );
}

/** A field's label with its key as secondary text. */
export const fieldName = (key) => el('span', { class: 'field' }, fieldLabel(key), fieldLabel(key) === key ? null : el('code', {}, key));

/** Pick-list entries for a rule field: each family, then the rule ids seen under it are typed freely. */
export const ruleSuggestions = () => dict.rules.map((r) => [r.id, `${r.name.zh} ${r.name.en}`]);

/** Pick-list entries for an agency field, from GET /agencies (the registry and the year's reports). */
export async function agencySuggestions(year) {
  const { items } = await get('/agencies', { year });
  return items.map((a) => [a.name, [a.region, a.level, a.kind].filter(Boolean).join(' · ')]);
}
