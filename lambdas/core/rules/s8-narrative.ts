import { labelOf, labelWithKey, MONEY_KEYS, parseIdentity, reportIdentity, TOLERANCE } from '../form';
import type { NarrativeFigure, Report, TableId } from '../types';
import { BASIS } from './basis';
import { failed, notAssessable, type Issue, type Rule } from './rule';

/** `共收到/受理/办理…申请N件` names no row: it may be the new applications or new + carried over (or, said as 办理, those processed). */
const AMBIGUOUS_RECEIVED = /共收到|共受理|收到|受理|办理/;

/** Equal as the prose states it: a money figure is as precise as its printed decimals (7539.44 matches 7539.443252). */
function same(key: string, stated: number, table: number): boolean {
  if (!MONEY_KEYS.has(key)) return stated === table;
  const decimals = (String(stated).split('.')[1] ?? '').length;
  return Math.abs(stated - table) <= 0.5 * 10 ** -decimals + TOLERANCE;
}

const tableOf = (key: string) => key.slice(0, 2) as TableId;

/** The table values (or derived sums) a figure may stand for: each key of an ambiguous phrase, or its key and what 收到/办理 may mean. */
function readings(report: Report, f: NarrativeFigure): { keys: string[]; value: number }[] {
  const get = (k: string) => report.values[k] ?? report.derived[k];
  if (f.ambiguous) return f.ambiguous.flatMap((k) => (get(k) === undefined ? [] : [{ keys: [k], value: get(k) }]));
  const direct = get(f.key);
  if (direct === undefined) return [];
  const out = [{ keys: [f.key], value: direct }];
  const m = f.key.match(/^t3\.newReceived\.(\w+)$/);
  if (m && AMBIGUOUS_RECEIVED.test(f.sentence)) {
    const col = m[1];
    const carried = get(`t3.carriedOver.${col}`);
    if (carried !== undefined) out.push({ keys: [f.key, `t3.carriedOver.${col}`], value: direct + carried });
    const processed = get(`t3.totalProcessed.${col}`);
    if (/办理/.test(f.sentence) && processed !== undefined) out.push({ keys: [`t3.totalProcessed.${col}`], value: processed });
  }
  return out;
}

/** Figures compared with their table: one finding per key that matches no reading. */
function againstTables(report: Report, figures: NarrativeFigure[]): { issues: Issue[]; compared: number } {
  const issues: Issue[] = [];
  let compared = 0;
  const byKey = new Map<string, NarrativeFigure[]>();
  for (const f of figures) byKey.set(f.key, [...(byKey.get(f.key) ?? []), f]);
  for (const [key, stated] of byKey) {
    const wrong = stated.filter((f) => {
      const options = readings(report, f);
      if (options.length === 0) return false;
      compared++;
      return !options.some((o) => same(key, f.value, o.value));
    });
    if (wrong.length === 0) continue;
    const options = readings(report, wrong[0]);
    const tableValues = [...new Set(options.map((o) => o.value))];
    const keys = [...new Set(options.flatMap((o) => o.keys))];
    issues.push(
      failed('S8-mismatch', 'error', {
        message: `正文称「${labelOf(key)}」为${wrong.map((f) => f.value).join('、')}，与表格数值${tableValues.join('或')}不符。`,
        messageEn: `The prose states ${labelWithKey(key)} = ${wrong.map((f) => f.value).join(', ')}, the tables give ${tableValues.join(' or ')}.`,
        keys,
        sentences: [...new Set(wrong.map((f) => f.sentence))],
        detail: `stated ${wrong.map((f) => f.value).join(', ')} vs table ${options.map((o) => `${o.keys.map(labelWithKey).join(' + ')}=${o.value}`).join(' | ')}`,
      }),
    );
  }
  return { issues, compared };
}

/** The outcome terms of the form's processed identity (granted, partial and the group subtotals), as the prose states them. */
const OUTCOME_GROUPS = parseIdentity(reportIdentity('t3.processed').text).right.map((g) => `t3.${g}.total`);
/** A part the prose states can never exceed its whole. */
const PARTS_OF: [string, string][] = [
  ['t3.unable.noInfo.total', 't3.unable.sum.total'],
  ['t4.litigation.sum.corrected', 't4.litigation.sum.total'],
];

/** Where table 3 or 4 is lost, the prose is checked against itself (the seed: 90 + 5 = 95; 29 + 4 + 0 + 57 + 0 + 5 = 95). */
function ownArithmetic(figures: NarrativeFigure[]): { issues: Issue[]; checked: number } {
  const stated = new Map<string, NarrativeFigure>();
  for (const f of figures) if (!stated.has(f.key)) stated.set(f.key, f);
  const val = (k: string) => stated.get(k)?.value;
  const sentences = (ks: string[]) => [...new Set(ks.flatMap((k) => (stated.has(k) ? [stated.get(k)!.sentence] : [])))];
  const issues: Issue[] = [];
  let checked = 0;
  const fail = (keys: string[], detail: string, message: string, messageEn: string) =>
    issues.push(failed('S8-arithmetic', 'error', { message, messageEn, keys, detail, sentences: sentences(keys) }));

  const applicants = ['t3.newReceived.natural', 't3.newReceived.legalPersons', 't3.newReceived.total'];
  const [natural, legal, received] = applicants.map(val);
  if (natural !== undefined && legal !== undefined && received !== undefined) {
    checked++;
    if (natural + legal !== received)
      fail(
        applicants,
        `${natural} + ${legal} ≠ ${received}`,
        `正文自相矛盾：自然人${natural}件加法人或其他组织${legal}件不等于共${received}件。`,
        `The prose contradicts itself: ${natural} natural persons + ${legal} organisations ≠ ${received}.`,
      );
  }

  const groups = OUTCOME_GROUPS.filter((k) => stated.has(k));
  const totals = [val('t3.totalProcessed.total'), val('t3.newReceived.total')].filter((n) => n !== undefined);
  const carried = val('t3.carriedOver.total');
  if (carried !== undefined && val('t3.newReceived.total') !== undefined) totals.push(val('t3.newReceived.total')! + carried);
  if (groups.length >= 2 && totals.length > 0) {
    checked++;
    const sum = groups.reduce((s, k) => s + val(k)!, 0);
    const complete = groups.length === OUTCOME_GROUPS.length;
    const fits = complete ? totals.includes(sum) : totals.some((t) => sum <= t);
    if (!fits) {
      const keys = [...groups, ...['t3.totalProcessed.total', 't3.newReceived.total', 't3.carriedOver.total'].filter((k) => stated.has(k))];
      fail(
        keys,
        `${groups.map(val).join(' + ')} = ${sum} vs ${totals.join(' | ')}`,
        `正文所述各办理结果之和${sum}件与所述申请总数${totals.join('或')}件不符。`,
        `The outcomes the prose states add up to ${sum}, not to the ${totals.join(' or ')} applications it states.`,
      );
    }
  }

  for (const [part, whole] of PARTS_OF) {
    const p = val(part);
    const w = val(whole);
    if (p === undefined || w === undefined) continue;
    checked++;
    if (p > w)
      fail(
        [part, whole],
        `${p} > ${w}`,
        `正文自相矛盾：「${labelOf(part)}」（${p}）大于其所属的「${labelOf(whole)}」（${w}）。`,
        `The prose contradicts itself: ${labelWithKey(part)} (${p}) exceeds ${labelWithKey(whole)} (${w}).`,
      );
  }
  return { issues, checked };
}

/** S8: every figure the prose states equals its table (or derived) value; without the table, the prose must add up. */
export const s8: Rule = {
  id: 'S8',
  name: { zh: '正文与表格一致', en: 'Prose matches tables' },
  description: {
    zh: '正文所述数字与表格一致；无表格时正文自身不矛盾。',
    en: 'Every figure the prose states equals its table value; without the table the prose must add up.',
  },
  basis: `${BASIS.art50}（报告内容应真实、一致）；${BASIS.t3Identity}`,
  check(report) {
    if (report.narrative.length === 0)
      return [
        notAssessable('S8', {
          message: '正文中没有识别出可与表格核对的数字。',
          messageEn: 'The prose states no figure that maps to a table key.',
          keys: ['narrative'],
        }),
      ];
    const tabled = report.narrative.filter((f) => report.tables.includes(tableOf(f.key)));
    // An ambiguous figure cannot contradict the prose's own sums: it is compared with tables only.
    const orphaned = report.narrative.filter((f) => !report.tables.includes(tableOf(f.key)) && !f.ambiguous);
    const direct = againstTables(report, tabled);
    const own = ownArithmetic(orphaned);
    if (direct.compared === 0 && own.checked === 0)
      return [
        notAssessable('S8', {
          message: '正文数字既无对应的表格数值，也不足以自行核算。',
          messageEn: 'No prose figure has a table value to compare with, and too few to check their own arithmetic.',
          keys: [...new Set(report.narrative.map((f) => f.key))],
        }),
      ];
    return [...direct.issues, ...own.issues];
  },
};
