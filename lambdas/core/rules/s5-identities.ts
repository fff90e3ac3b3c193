import { labelOf, labelWithKey } from '../audit/labels';
import { T3_COL_NAMES, T3_COLS, T4_COLS, T4_GROUP_NAMES, T4_GROUPS } from '../tables/row-defs';
import type { Report } from '../types';
import { BASIS } from './basis';
import { checkIdentity } from './identity';
import { failed, notAssessable, type Issue, type Rule } from './rule';
import { tableShape } from './table-shape';

const T3_FRAME = new Set(['newReceived', 'carriedOver', 'totalProcessed', 'carriedForward']);
const APPLICANTS = T3_COLS.filter((c) => c !== 'total');

/** Table 3's printed rows as `<row>` → the columns printed in it (`t3.denied.stateSecret.natural` → row `denied.stateSecret`). */
function t3Rows(values: Record<string, number>): string[] {
  const rows = Object.keys(values)
    .filter((k) => k.startsWith('t3.'))
    .map((k) => k.split('.').slice(1, -1).join('.'));
  return [...new Set(rows)];
}

interface Check {
  rule: string;
  /** The identity as the form states it, for every part it is checked on. */
  what: string;
  whatEn: string;
  /** The row, column or group it is checked on here (`“自然人”列`). */
  part: string;
  partEn: string;
  left: string[];
  right: string[];
  basis: string;
}

/** `表三 · 予以公开`: a table-3 row as the form names it. */
const t3Row = (row: string) => `「${labelOf(`t3.${row}`)}」`;
const t3Col = (col: string) => `“${T3_COL_NAMES[col]}”列`;
const t3ColEn = (col: string) => `column ${T3_COL_NAMES[col]} (${col})`;

/** What the prose says a blank cell of a broken identity holds: it tells a lost cell from a wrong one. */
function proseForBlanks(report: Report, keys: string[]) {
  const stated = report.narrative.filter((f) => keys.includes(f.key) && !(f.key in report.values));
  return {
    sentences: stated.length ? [...new Set(stated.map((f) => f.sentence))] : undefined,
    note: stated.map((f) => `; prose states blank ${labelWithKey(f.key)}=${f.value}`).join(''),
  };
}

/** The printed values with table 3's blank row totals filled by their derived sums (values/derived.ts). */
function withDerivedRowTotals(report: Report): Record<string, number> {
  const out = { ...report.values };
  for (const row of t3Rows(report.values)) {
    const key = `t3.${row}.total`;
    if (!(key in out) && key in report.derived) out[key] = report.derived[key];
  }
  return out;
}

/**
 * Each identity on each of its parts: a broken one is a finding of its own; the parts one side of
 * which is blank are one cause, so one not-assessable finding per identity lists them all.
 */
function judge(report: Report, values: Record<string, number>, checks: Check[]): Issue[] {
  const issues: Issue[] = [];
  const gaps = new Map<string, { check: Check; keys: string[] }[]>();
  for (const c of checks) {
    const r = checkIdentity(values, c.left, c.right);
    if (r.status === 'broken') {
      const prose = proseForBlanks(report, r.keys);
      issues.push(
        failed(c.rule, 'error', {
          message: `${c.what}（${c.part}）不平衡：${r.left} ≠ ${r.right}。`,
          messageEn: `${c.whatEn} (${c.partEn}) does not hold: ${r.left} ≠ ${r.right}.`,
          keys: r.keys,
          detail: r.detail + prose.note,
          sentences: prose.sentences,
          basis: c.basis,
        }),
      );
    } else if (r.status === 'incomplete') gaps.set(c.rule, [...(gaps.get(c.rule) ?? []), { check: c, keys: r.keys }]);
  }
  for (const parts of gaps.values()) {
    const { check } = parts[0];
    issues.push(
      notAssessable(check.rule, {
        message: `${check.what}：${parts.map((p) => p.check.part).join('、')}缺少一侧的数值，无法核对。`,
        messageEn: `${check.whatEn}: ${parts.map((p) => p.check.partEn).join(', ')} ${parts.length > 1 ? 'have' : 'has'} no printed value on one side, so it cannot be checked.`,
        keys: [...new Set(parts.flatMap((p) => p.keys))],
        detail: `${parts.length} of ${checks.filter((c) => c.rule === check.rule).length} checked on one side only`,
        basis: check.basis,
      }),
    );
  }
  return issues;
}

function table3Checks(report: Report): Check[] {
  const rows = t3Rows(report.values);
  const outcomes = rows.filter((r) => !T3_FRAME.has(r));
  const k = (row: string, col: string) => `t3.${row}.${col}`;
  return [
    ...T3_COLS.map((col) => ({
      rule: 'S5-balance',
      what: '表三：本年新收 + 上年结转 = 办理结果总计 + 结转下年度',
      whatEn: 'Table 3: new + carried over = processed + carried forward',
      part: t3Col(col),
      partEn: t3ColEn(col),
      left: [k('newReceived', col), k('carriedOver', col)],
      right: [k('totalProcessed', col), k('carriedForward', col)],
      basis: BASIS.t3Identity,
    })),
    ...T3_COLS.map((col) => ({
      rule: 'S5-processed',
      what: '表三：（七）总计 = 各办理结果之和',
      whatEn: 'Table 3: total processed = sum of outcomes',
      part: t3Col(col),
      partEn: t3ColEn(col),
      left: [k('totalProcessed', col)],
      right: outcomes.map((row) => k(row, col)),
      basis: BASIS.t3Identity,
    })),
    // A derived row total is the row sum itself: only printed totals are checked against their row.
    ...rows
      .filter((row) => k(row, 'total') in report.values)
      .map((row) => ({
        rule: 'S5-row-sum',
        what: '表三：总计 = 各申请人列之和',
        whatEn: 'Table 3: total = sum of the applicant columns',
        part: `${t3Row(row)}行`,
        partEn: `row ${labelWithKey(`t3.${row}`)}`,
        left: [k(row, 'total')],
        right: APPLICANTS.map((col) => k(row, col)),
        basis: BASIS.t3Identity,
      })),
  ];
}

function table4Checks(): Check[] {
  return T4_GROUPS.map((group) => ({
    rule: 'S5-t4',
    what: '表四：结果维持 + 结果纠正 + 其他结果 + 尚未审结 = 总计',
    whatEn: 'Table 4: upheld + corrected + other + pending = total',
    part: `“${T4_GROUP_NAMES[group]}”`,
    partEn: `${T4_GROUP_NAMES[group]} (${group})`,
    left: T4_COLS.filter((c) => c !== 'total').map((c) => `t4.${group}.${c}`),
    right: [`t4.${group}.total`],
    basis: BASIS.t4Identity,
  }));
}

const PROJECT_ROWS = ['licensing', 'otherServices', 'penalty', 'coercion', 'fees'];

/** 2019 table 2: this year's items (上一年 + 增/减) cannot be negative, and decisions need items to decide on. */
function table2Of2019(report: Report): Issue[] {
  const v = report.values;
  const issues: Issue[] = [];
  for (const row of PROJECT_ROWS) {
    const [prev, change, decisions] = ['prev', 'change', 'decisions'].map((c) => `t2.${row}.${c}`);
    if (!(prev in v) || !(change in v)) continue;
    const items = v[prev] + v[change];
    const keys = decisions in v ? [prev, change, decisions] : [prev, change];
    if (items < 0)
      issues.push(
        failed('S5-t2', 'error', {
          message: `「${labelOf(`t2.${row}`)}」：上一年项目数量${v[prev]}加本年增/减${v[change]}为负数。`,
          messageEn: `${labelWithKey(`t2.${row}`)}: last year's items ${v[prev]} plus this year's change ${v[change]} is negative.`,
          keys,
          detail: `${v[prev]} + ${v[change]} = ${items}`,
          basis: BASIS.t2Identity,
        }),
      );
    else if (items === 0 && (v[decisions] ?? 0) > 0)
      issues.push(
        failed('S5-t2', 'warning', {
          message: `「${labelOf(`t2.${row}`)}」：本年项目数量为0，却有${v[decisions]}个处理决定。`,
          messageEn: `${labelWithKey(`t2.${row}`)}: no items this year, yet ${v[decisions]} decisions.`,
          keys,
          detail: `${v[prev]} + ${v[change]} = 0; decisions ${v[decisions]}`,
          basis: BASIS.t2Identity,
        }),
      );
  }
  return issues;
}

/**
 * Rows printed without their 总计 cell: one cause, so one finding listing the rows. When no row has
 * one, the agency left the column blank on purpose: one note says so.
 */
function blankTotals(report: Report): Issue[] {
  const rows = t3Rows(report.values);
  const blank = rows.filter((row) => !(`t3.${row}.total` in report.values));
  if (blank.length === 0) return [];
  if (blank.length === rows.length)
    return [
      failed('S5-total-column-blank', 'info', {
        message: '表三“总计”列全部空白：各行总计按各申请人列之和推算后参与核对。',
        messageEn: 'Table 3 leaves its total column blank: each row total is derived as the sum of the applicant columns for the checks.',
        keys: ['t3'],
        detail: `${rows.length} rows, total column blank`,
        basis: BASIS.t3Identity,
      }),
    ];
  return [
    notAssessable('S5-row-sum', {
      message: `表三${blank.map((row) => `${t3Row(row)}行`).join('、')}的总计空白，无法核对${blank.length > 1 ? `这 ${blank.length} 行` : '该行'}之和（按各申请人列之和推算后参与其他核对）。`,
      messageEn: `Table 3 leaves the total of ${blank.length} row${blank.length > 1 ? 's' : ''} blank (${blank.map((row) => labelWithKey(`t3.${row}`)).join(', ')}), so ${blank.length > 1 ? 'their' : 'its'} row sum cannot be checked (derived from the applicant columns for the other checks).`,
      keys: blank.flatMap((row) => [`t3.${row}.total`, ...APPLICANTS.map((col) => `t3.${row}.${col}`).filter((k) => k in report.values)]),
      detail: `${blank.length} of ${rows.length} rows without a printed total`,
      basis: BASIS.t3Identity,
    }),
  ];
}

const absent = (rule: string, table: string, what: string, whatEn: string) =>
  notAssessable(rule, {
    message: `没有${what}的数值，无法核对勾稽关系。`,
    messageEn: `No values in ${whatEn}: its identities cannot be checked.`,
    keys: [table],
  });

/**
 * S5: the identities the form itself states, per column of table 3, per group of table 4, and table 2
 * of 2019. A table-3 row total left blank takes its derived sum (never a printed value).
 */
export const s5: Rule = {
  id: 'S5',
  name: { zh: '表内勾稽关系', en: 'Table identities' },
  description: {
    zh: '表格自身规定的勾稽关系成立（如表三收支平衡、表四合计）。',
    en: 'The identities the form states hold (table 3 balance, table 4 totals, table 2 of 2019).',
  },
  basis: BASIS.t3Identity,
  check(report) {
    const has = (prefix: string) => Object.keys(report.values).some((k) => k.startsWith(prefix));
    const issues: Issue[] = [];
    if (has('t3.')) {
      const values = withDerivedRowTotals(report);
      issues.push(...blankTotals(report), ...judge(report, values, table3Checks(report)));
    } else issues.push(...['S5-balance', 'S5-processed', 'S5-row-sum'].map((rule) => absent(rule, 't3', '表三', 'table 3')));
    if (has('t4.')) issues.push(...judge(report, report.values, table4Checks()));
    else issues.push(absent('S5-t4', 't4', '表四', 'table 4'));
    if (tableShape(report) === '2019') {
      if (has('t2.')) issues.push(...table2Of2019(report));
      else issues.push(absent('S5-t2', 't2', '表二', 'table 2'));
    }
    return issues;
  },
};
