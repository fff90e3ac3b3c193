import {
  columnName,
  instanceAt,
  instanceHolds,
  instancesById,
  isFormFormat,
  labelOf,
  labelWithKey,
  reportIdentity,
  T3_APPLICANTS,
  T3_ROWS,
  t3LayoutOfKeys,
  t2Rows,
  type IdentityInstance,
  type T3Layout,
} from '../form';
import { memoPair } from '../memo';
import { openKeys } from '../tables/undecided';
import type { Format, Report } from '../types';
import { BASIS } from './basis';
import { checkIdentity } from './identity';
import { failed, notAssessable, type Issue, type Rule } from './rule';
import { tableShape } from './table-shape';

/** Table 3's printed rows by key part (`t3.denied.stateSecret.natural` → `denied.stateSecret`), in the order first printed. */
function t3Rows(keys: string[]): string[] {
  const rows = new Set<string>();
  for (const k of keys) {
    // The row part, between the table and the column, without splitting the key: `t3.a.b.c` → `a.b`.
    const col = k.startsWith('t3.') ? k.lastIndexOf('.') : -1;
    if (col >= 3) rows.add(k.slice(3, col));
  }
  return [...rows];
}

interface Check {
  rule: string;
  /** The identity as the form states it, for every part it is checked on. */
  what: string;
  whatEn: string;
  /** The row, column or group it is checked on here (`表三“自然人”列`). */
  part: string;
  partEn: string;
  left: readonly string[];
  right: readonly string[];
  basis: string;
}

/** One instance of the form's identities as the check a finding reports: the identity, and where it applies (built once per instance and rule). */
const checkOf = memoPair((inst: IdentityInstance, rule: string): Check => ({
  rule,
  what: inst.identity.statement.zh,
  whatEn: inst.identity.statement.en,
  part: inst.where.zh,
  partEn: inst.where.en,
  left: inst.left,
  right: inst.right,
  basis: inst.identity.basis,
}));

/** What every check of one record reads, taken from its values once: their keys, table 3's printed rows, the layout. */
interface Printed {
  keys: string[];
  t3Rows: string[];
  shape: Format;
  layout: T3Layout;
}

function printedOf(report: Report): Printed {
  const keys = Object.keys(report.values);
  const shape = tableShape(report);
  return { keys, t3Rows: t3Rows(keys), shape, layout: t3LayoutOfKeys(isFormFormat(shape) ? shape : '2021', keys) };
}

/** What the prose says a blank cell of a broken identity holds: it tells a lost cell from a wrong one. */
function proseForBlanks(report: Report, keys: string[]) {
  const stated = report.narrative.filter((f) => keys.includes(f.key) && !(f.key in report.values));
  return {
    sentences: stated.length ? [...new Set(stated.map((f) => f.sentence))] : undefined,
    note: stated.map((f) => `; prose states blank ${labelWithKey(f.key)}=${f.value}`).join(''),
  };
}

/** The printed values with table 3's blank row totals filled by their derived sums (values/derived.ts). */
function withDerivedRowTotals(report: Report, printed: Printed): Record<string, number> {
  const out = { ...report.values };
  for (const row of printed.t3Rows) {
    const key = `t3.${row}.total`;
    if (!(key in out) && key in report.derived) out[key] = report.derived[key];
  }
  return out;
}

/**
 * Each identity on each of its parts: a broken one is a finding of its own; the parts one side of
 * which is blank are one cause, so one not-assessable finding per identity lists them all.
 */
/** A part of an identity one cause keeps from being checked, and the keys it concerns. */
interface Part {
  check: Check;
  keys: string[];
}

/** One not-assessable finding per rule for the parts one cause keeps from being checked. */
function oneFindingEach(groups: Map<string, Part[]>, say: (check: Check, parts: Part[]) => { message: string; messageEn: string; detail?: string }): Issue[] {
  return [...groups.values()].map((parts) => {
    const { check } = parts[0];
    return notAssessable(check.rule, { ...say(check, parts), keys: [...new Set(parts.flatMap((p) => p.keys))], basis: check.basis });
  });
}

function judge(report: Report, values: Record<string, number>, checks: Check[], open: ReadonlySet<string>): Issue[] {
  const issues: Issue[] = [];
  const gaps = new Map<string, Part[]>();
  const waiting = new Map<string, Part[]>();
  const unread = new Map<string, Part[]>();
  const add = (groups: Map<string, Part[]>, part: Part) => groups.set(part.check.rule, [...(groups.get(part.check.rule) ?? []), part]);
  // On a scan a cell OCR read no figure in may hold one too faint to read (a lone `1` a blur left light): a break
  // through such a cell is no evidence against the report until an officer has looked at it on the page.
  const scanned = report.input.encoding === 'ocr';
  for (const c of checks) {
    // A cell waiting for a decision (待核实) is not blank: the identity waits with it.
    const pending = [...c.left, ...c.right].filter((k) => open.has(k));
    if (pending.length) {
      add(waiting, { check: c, keys: pending });
      continue;
    }
    const r = checkIdentity(values, c.left, c.right);
    const blanks = r.status === 'broken' && scanned ? r.keys.filter((k) => !(k in report.values)) : [];
    if (blanks.length) add(unread, { check: c, keys: blanks });
    else if (r.status === 'broken') {
      const prose = proseForBlanks(report, r.keys);
      issues.push(
        failed(c.rule, 'error', {
          message: `${c.part}：${c.what}不平衡：${r.left} ≠ ${r.right}。`,
          messageEn: `${c.partEn}: ${c.whatEn} does not hold: ${r.left} ≠ ${r.right}.`,
          keys: r.keys,
          detail: r.detail + prose.note,
          sentences: prose.sentences,
          basis: c.basis,
        }),
      );
    } else if (r.status === 'incomplete') add(gaps, { check: c, keys: r.keys });
  }
  const partsOf = (parts: Part[]) => ({
    zh: parts.map((p) => p.check.part).join('、'),
    en: parts.map((p) => p.check.partEn).join(', '),
    many: parts.length > 1,
  });
  issues.push(
    ...oneFindingEach(gaps, (check, parts) => ({
      message: `${check.what}：${partsOf(parts).zh}缺少一侧的数值，无法核对。`,
      messageEn: `${check.whatEn}: ${partsOf(parts).en} ${partsOf(parts).many ? 'have' : 'has'} no printed value on one side, so it cannot be checked.`,
      detail: `${parts.length} of ${checks.filter((c) => c.rule === check.rule).length} checked on one side only`,
    })),
    ...oneFindingEach(waiting, (check, parts) => ({
      message: `${check.what}：${partsOf(parts).zh}中有待核实的数值，核实后再核对。`,
      messageEn: `${check.whatEn}: ${partsOf(parts).en} ${partsOf(parts).many ? 'hold' : 'holds'} a figure pending review, checked once decided.`,
    })),
    ...oneFindingEach(unread, (check, parts) => ({
      message: `${check.what}：扫描件${partsOf(parts).zh}不成立，但其中有未识别出数字的空白格，可能是字迹过淡的数字，请对照扫描件核实后再核对。`,
      messageEn: `${check.whatEn}: ${partsOf(parts).en} ${partsOf(parts).many ? 'do' : 'does'} not hold on the scan, but through cells OCR read no figure in, which may hold one too faint to read: check them on the page, then it is checked.`,
      detail: `${parts.length} broken through cells read blank on a scan`,
    })),
  );
  return issues;
}

const ROW_SUM = reportIdentity('t3.row-sum');

function table3Checks(report: Report, { layout, t3Rows: rows }: Printed): Check[] {
  const printed = new Set(rows);
  return [
    ...instancesById('t3.balance', layout).map((inst) => checkOf(inst, 'S5-balance')),
    ...instancesById('t3.processed', layout).map((inst) => checkOf(inst, 'S5-processed')),
    // A derived row total is the row sum itself: only printed totals are checked against their row.
    ...T3_ROWS.filter((r) => printed.has(r.key) && `t3.${r.key}.total` in report.values).map((r) => checkOf(instanceAt(ROW_SUM, r)!, 'S5-row-sum')),
  ];
}

const table4Checks = ({ layout }: Printed): Check[] => instancesById('t4.group-sum', layout).map((inst) => checkOf(inst, 'S5-t4'));

/** 2019 table 2: this year's items (上一年 + 增/减) cannot be negative, and decisions need items to decide on. */
function table2Of2019(report: Report): Issue[] {
  const v = report.values;
  const valueOf = (k: string) => v[k];
  const col = (c: string) => columnName('t2', c);
  const issues: Issue[] = [];
  for (const row of t2Rows('2019')) {
    const items = instanceAt(reportIdentity('t2.items'), row);
    if (!items || instanceHolds(items, valueOf) === undefined) continue;
    const [prev, change] = items.left.map(valueOf);
    const keys = row.keys.filter((k) => k in v);
    const decisions = instanceAt(reportIdentity('t2.decisions-need-items'), row);
    if (!instanceHolds(items, valueOf))
      issues.push(
        failed('S5-t2', 'error', {
          message: `「${labelOf(`t2.${row.key}`)}」：${col('prev')}${prev}加${col('change')}${change}为负数。`,
          messageEn: `${labelWithKey(`t2.${row.key}`)}: last year's items ${prev} plus this year's change ${change} is negative.`,
          keys,
          detail: `${prev} + ${change} = ${prev + change}`,
          basis: items.identity.basis,
        }),
      );
    else if (decisions && instanceHolds(decisions, valueOf) === false)
      issues.push(
        failed('S5-t2', 'warning', {
          message: `「${labelOf(`t2.${row.key}`)}」：本年项目数量为0，却有${v[decisions.left[0]]}个处理决定。`,
          messageEn: `${labelWithKey(`t2.${row.key}`)}: no items this year, yet ${v[decisions.left[0]]} decisions.`,
          keys,
          detail: `${prev} + ${change} = 0; decisions ${v[decisions.left[0]]}`,
          basis: decisions.identity.basis,
        }),
      );
  }
  return issues;
}

/**
 * Rows printed without their 总计 cell: one cause, so one finding listing the rows. When no row has
 * one, the agency left the column blank on purpose: one note says so.
 */
function blankTotals(report: Report, { t3Rows: rows }: Printed): Issue[] {
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
  const named = (row: string) => `「${labelOf(`t3.${row}`)}」行`;
  return [
    notAssessable('S5-row-sum', {
      message: `表三${blank.map(named).join('、')}的总计空白，无法核对${blank.length > 1 ? `这 ${blank.length} 行` : '该行'}之和（按各申请人列之和推算后参与其他核对）。`,
      messageEn: `Table 3 leaves the total of ${blank.length} row${blank.length > 1 ? 's' : ''} blank (${blank.map((row) => labelWithKey(`t3.${row}`)).join(', ')}), so ${blank.length > 1 ? 'their' : 'its'} row sum cannot be checked (derived from the applicant columns for the other checks).`,
      keys: blank.flatMap((row) => [`t3.${row}.total`, ...T3_APPLICANTS.map((col) => `t3.${row}.${col.key}`).filter((k) => k in report.values)]),
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
 * S5: the identities the form itself states (core/form), per column of table 3, per group of table 4,
 * and table 2 of 2019. A table-3 row total left blank takes its derived sum (never a printed value).
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
    const printed = printedOf(report);
    const has = (prefix: string) => printed.keys.some((k) => k.startsWith(prefix));
    const open = new Set((report.undecided ?? []).flatMap((row) => openKeys(row, report.values)));
    const issues: Issue[] = [];
    if (has('t3.')) {
      const values = withDerivedRowTotals(report, printed);
      issues.push(...blankTotals(report, printed), ...judge(report, values, table3Checks(report, printed), open));
    } else issues.push(...['S5-balance', 'S5-processed', 'S5-row-sum'].map((rule) => absent(rule, 't3', '表三', 'table 3')));
    if (has('t4.')) issues.push(...judge(report, report.values, table4Checks(printed), open));
    else issues.push(absent('S5-t4', 't4', '表四', 'table 4'));
    if (printed.shape === '2019') {
      if (has('t2.')) issues.push(...table2Of2019(report));
      else issues.push(absent('S5-t2', 't2', '表二', 'table 2'));
    }
    return issues;
  },
};
