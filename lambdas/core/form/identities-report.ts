import type { TableId } from '../types';
import { T3_COLUMNS } from './columns';
import { derivedRow } from './derived';
import type { FormFormat } from './formats';
import { cellKey } from './keys';
import { labelOf, labelWithKey } from './labels';
import { formRows, t3Layout, type FormRow, type LayoutOrFormat, type T3Layout } from './rows';
import { tableInfo } from './tables';
import { sameNumber, TOLERANCE } from './tolerance';
import { memoPair } from '../memo';

/**
 * `eq`: Σ left = Σ right. `ge`: Σ left ≥ Σ right. `zero-forces-zero`: Σ left is 0 where Σ right is 0
 * (no decisions without items).
 */
export type Relation = 'eq' | 'ge' | 'zero-forces-zero';

/** `error`: a correct table never breaks it. `warning`: often broken by real reports, a break is worth a look. */
export type Strength = 'error' | 'warning';

/** An identity that holds within one report (fields.md), written once over key parts and instantiated per column or row. */
export interface ReportIdentity {
  id: string;
  table: TableId;
  /**
   * `columns`: once per column of the table, its terms naming rows (derived subtotals expand to
   * their rows); `rows`: once per row of the table that has every column its terms name.
   */
  over: 'columns' | 'rows';
  /** The identity as fields.md states it, over key parts: `newReceived + carriedOver = totalProcessed + carriedForward`. */
  text: string;
  strength: Strength;
  /** `form`: the form states it. `bound`: a logical bound no correct table crosses, which prunes impossible readings. */
  source: 'form' | 'bound';
  /** The identity in a message, after where it applies (`表三“自然人”列：…`). */
  statement: { zh: string; en: string };
  basis: string;
}

/** The texts findings cite for the identities of each table. */
export const IDENTITY_BASIS = {
  t2: '表二（2019年格式）：上一年项目数量 + 本年增/减 = 本年项目数量',
  t3: '表三勾稽关系：第一项加第二项之和等于第三项加第四项之和；（七）总计等于各办理结果之和；总计列等于各申请人列之和',
  t4: '表四勾稽关系：结果维持 + 结果纠正 + 其他结果 + 尚未审结 = 总计',
} as const;

export const REPORT_IDENTITIES: readonly ReportIdentity[] = [
  {
    id: 't3.balance',
    table: 't3',
    over: 'columns',
    text: 'newReceived + carriedOver = totalProcessed + carriedForward',
    strength: 'error',
    source: 'form',
    statement: { zh: '本年新收 + 上年结转 = 办理总计 + 结转下年度', en: 'new + carried over = processed + carried forward' },
    basis: IDENTITY_BASIS.t3,
  },
  {
    id: 't3.processed',
    table: 't3',
    over: 'columns',
    text: 'totalProcessed = granted + partial + denied.sum + unable.sum + notProcessed.sum + otherHandling.sum',
    strength: 'error',
    source: 'form',
    statement: { zh: '（七）总计 = 各办理结果之和', en: 'total processed = sum of outcomes' },
    basis: IDENTITY_BASIS.t3,
  },
  {
    id: 't3.row-sum',
    table: 't3',
    over: 'rows',
    text: 'total = natural + commercial + research + social + legal + other',
    strength: 'error',
    source: 'form',
    statement: { zh: '总计 = 各申请人列之和', en: 'total = sum of applicant columns' },
    basis: IDENTITY_BASIS.t3,
  },
  {
    id: 't4.group-sum',
    table: 't4',
    over: 'rows',
    text: 'upheld + corrected + other + pending = total',
    strength: 'error',
    source: 'form',
    statement: { zh: '维持 + 纠正 + 其他 + 尚未审结 = 总计', en: 'upheld + corrected + other + pending = total' },
    basis: IDENTITY_BASIS.t4,
  },
  {
    id: 't2.in-force',
    table: 't2',
    over: 'rows',
    text: 'valid ≥ issued',
    strength: 'error',
    source: 'bound',
    statement: { zh: '现行有效件数包括本年制发的文件', en: 'documents in force include those issued this year' },
    basis: '表二（2021年格式）：现行有效件数',
  },
  {
    id: 't2.published-in-total',
    table: 't2',
    over: 'rows',
    text: 'total ≥ published',
    strength: 'error',
    source: 'bound',
    statement: { zh: '对外公开总数量包括本年新公开的文件', en: 'documents published in all include those newly published' },
    basis: '表二（2019年格式）：对外公开总数量',
  },
  {
    id: 't2.items',
    table: 't2',
    over: 'rows',
    text: 'prev + change ≥ 0',
    strength: 'error',
    source: 'bound',
    statement: { zh: '上一年项目数量加本年增/减不为负数', en: "last year's items plus this year's change is not negative" },
    basis: IDENTITY_BASIS.t2,
  },
  {
    id: 't2.decisions-need-items',
    table: 't2',
    over: 'rows',
    text: 'decisions = 0 where prev + change = 0',
    strength: 'warning',
    source: 'bound',
    statement: { zh: '本年项目数量为0时没有处理决定', en: 'no decisions without items' },
    basis: IDENTITY_BASIS.t2,
  },
];

/** One identity where it applies: the keys on each side, summed. */
export interface IdentityInstance {
  identity: ReportIdentity;
  left: readonly string[];
  right: readonly string[];
  relation: Relation;
  /** The column (`natural`) or row (`denied.stateSecret`, `review`) it runs over. */
  at: string;
  /** Where it applies, for messages: `表三“自然人”列`, `Table 3 column natural`. */
  where: { zh: string; en: string };
}

/** The sides and relation of an identity's text: `a + b = c`, `a ≥ b`, `a = 0 where b + c = 0` (a literal 0 is no term). */
export function parseIdentity(text: string): { left: string[]; right: string[]; relation: Relation } {
  const terms = (side: string) => side.split(' + ').filter((t) => t !== '0');
  const zero = /^(.+) = 0 where (.+) = 0$/.exec(text);
  if (zero) return { left: terms(zero[1]), right: terms(zero[2]), relation: 'zero-forces-zero' };
  const [left, right] = text.includes(' ≥ ') ? text.split(' ≥ ') : text.split(' = ');
  return { left: terms(left), right: terms(right), relation: text.includes(' ≥ ') ? 'ge' : 'eq' };
}

/** A `columns` identity's term as the rows it stands for in a layout (a group subtotal: its rows, or the one row printed instead). */
function rowsOfTerm(table: TableId, term: string, layout: T3Layout): string[] {
  const derived = derivedRow(table, term);
  if (!derived) return [term];
  if (derived.single && layout.otherHandling === 'single') return [derived.single];
  return [...derived.parts];
}

/** Where an instance applies, named as the form prints it (the key part only as secondary text in English). */
const whereOf = (identity: ReportIdentity, at: string, row?: FormRow) => {
  const table = tableInfo(identity.table);
  if (identity.over === 'columns') {
    const col = T3_COLUMNS.find((c) => c.key === at)!.zh;
    return { zh: `${table.zh}“${col}”列`, en: `${table.en} column ${col} (${at})` };
  }
  if (identity.table === 't4') return { zh: `${table.zh}“${row!.zh}”`, en: `${table.en} ${row!.zh} (${at})` };
  const name = labelOf(`${identity.table}.${at}`);
  return { zh: `「${name}」${identity.table === 't3' ? '行' : ''}`, en: `${identity.table === 't3' ? 'row ' : ''}${labelWithKey(`${identity.table}.${at}`)}` };
};

/**
 * What is derived from an identity (its parsed text, its instances per layout and per row) is computed
 * once per identity and kept: the rules, the splitter and the resolver ask for the same instances for
 * every report and every row. Keyed by the identity object, so an identity made elsewhere (a test's)
 * is instantiated on its own.
 */
interface Derived {
  parsed: ReturnType<typeof parseIdentity>;
  byLayout: Map<string, readonly IdentityInstance[]>;
  byRow: WeakMap<FormRow, IdentityInstance | null>;
}
const derivedOf = new WeakMap<ReportIdentity, Derived>();

function derived(identity: ReportIdentity): Derived {
  let d = derivedOf.get(identity);
  if (!d) derivedOf.set(identity, (d = { parsed: parseIdentity(identity.text), byLayout: new Map(), byRow: new WeakMap() }));
  return d;
}

/** An identity's instances in a layout, in form order (per column, or per row having its columns). */
export function instancesOf(identity: ReportIdentity, of: LayoutOrFormat): readonly IdentityInstance[] {
  const layout = typeof of === 'string' ? t3Layout(of) : of;
  const d = derived(identity);
  const key = `${layout.format}:${layout.otherHandling}`;
  let out = d.byLayout.get(key);
  if (!out) d.byLayout.set(key, (out = instantiate(identity, d.parsed, layout)));
  return out;
}

function instantiate(identity: ReportIdentity, { left, right, relation }: Derived['parsed'], layout: T3Layout): IdentityInstance[] {
  if (identity.over === 'columns') {
    const keys = (terms: string[], col: string) => terms.flatMap((t) => rowsOfTerm(identity.table, t, layout)).map((r) => cellKey(identity.table, r, col));
    return T3_COLUMNS.map((c) => ({ identity, left: keys(left, c.key), right: keys(right, c.key), relation, at: c.key, where: whereOf(identity, c.key) }));
  }
  return formRows(layout).flatMap((r) => instanceAt(identity, r) ?? []);
}

/** A `rows` identity on one row, or null when the row lacks a column it names (or is in another table). */
export function instanceAt(identity: ReportIdentity, row: FormRow): IdentityInstance | null {
  const d = derived(identity);
  let inst = d.byRow.get(row);
  if (inst === undefined) d.byRow.set(row, (inst = instantiateAt(identity, d.parsed, row)));
  return inst;
}

function instantiateAt(identity: ReportIdentity, { left, right, relation }: Derived['parsed'], row: FormRow): IdentityInstance | null {
  if (identity.over !== 'rows' || row.table !== identity.table || ![...left, ...right].every((t) => row.columns.some((c) => c.key === t))) return null;
  const keys = (cols: string[]) => cols.map((c) => cellKey(row.table, row.key, c));
  return { identity, left: keys(left), right: keys(right), relation, at: row.key, where: whereOf(identity, row.key, row) };
}

/** Every instance of every identity within one report of this layout. */
export const reportInstances = (of: LayoutOrFormat): IdentityInstance[] => REPORT_IDENTITIES.flatMap((id) => instancesOf(id, of));

const BY_ID = new Map(REPORT_IDENTITIES.map((i) => [i.id, i]));

export const reportIdentity = (id: string): ReportIdentity => BY_ID.get(id)!;

/** The instances of one identity by id. */
export const instancesById = (id: string, of: LayoutOrFormat): readonly IdentityInstance[] => instancesOf(reportIdentity(id), of);

/** Whether the relation holds between the two sums, with the form's tolerance. */
export function relationHolds(relation: Relation, left: number, right: number): boolean {
  if (relation === 'eq') return sameNumber(left, right);
  if (relation === 'ge') return left > right - TOLERANCE;
  return !sameNumber(right, 0) || sameNumber(left, 0);
}

/**
 * Whether an instance holds, reading every cell it names; undefined when one is unknown or blank
 * (null): an identity with a blank in it cannot be checked, and a blank is never zero.
 */
export function instanceHolds(inst: IdentityInstance, valueOf: (key: string) => number | null | undefined): boolean | undefined {
  const sum = (keys: readonly string[]) => {
    let s = 0;
    for (const k of keys) {
      const v = valueOf(k);
      if (v === null || v === undefined || Number.isNaN(v)) return undefined;
      s += v;
    }
    return s;
  };
  const l = sum(inst.left);
  const r = sum(inst.right);
  return l === undefined || r === undefined ? undefined : relationHolds(inst.relation, l, r);
}

const rowCache = new Map<string, IdentityInstance[]>();

/**
 * The error-strength instances that lie wholly within one printed row (a table-3 row's sum, table 4's
 * group sums, table 2's bounds), in either table-3 layout: what a row's cells must satisfy on their own.
 */
export function instancesWithin(row: FormRow, format: FormFormat): IdentityInstance[] {
  const cacheKey = `${format}:${row.table}:${row.key}:${row.keys.length}`;
  const hit = rowCache.get(cacheKey);
  if (hit) return hit;
  const keys = new Set(row.keys);
  const seen = new Set<string>();
  const out: IdentityInstance[] = [];
  for (const layout of [t3Layout(format), t3Layout(format, true)])
    for (const inst of reportInstances(layout)) {
      const id = `${inst.identity.id}:${inst.at}`;
      if (inst.identity.strength !== 'error' || seen.has(id) || ![...inst.left, ...inst.right].every((k) => keys.has(k))) continue;
      seen.add(id);
      out.push(inst);
    }
  rowCache.set(cacheKey, out);
  return out;
}

interface Positions {
  inst: IdentityInstance;
  left: number[];
  right: number[];
}
/** Where each of the row's within-row instances reads its cells, by column index (computed once per row and format). */
const positions = memoPair((row: FormRow, format: FormFormat): Positions[] =>
  instancesWithin(row, format).map((inst) => ({
    inst,
    left: inst.left.map((k) => row.keys.indexOf(k)),
    right: inst.right.map((k) => row.keys.indexOf(k)),
  })),
);

const sumAt = (values: readonly (number | null | undefined)[], at: number[]) =>
  at.reduce<number | undefined>((s, i) => (s === undefined || values[i] == null ? undefined : s + values[i]!), 0);

/**
 * The row's own identities as a prefix check for the digit splitter: each is checked as soon as the
 * last cell it reads is read. Undefined when the row has none. One per row and format: every row of
 * every table asks for it.
 */
export const prefixCheck = memoPair((row: FormRow, format: FormFormat): ((prefix: number[]) => boolean) | undefined => {
  const at = positions(row, format).map((p) => ({ ...p, last: Math.max(...p.left, ...p.right) }));
  if (at.length === 0) return undefined;
  return (prefix) => at.every((p) => p.last !== prefix.length - 1 || relationHolds(p.inst.relation, sumAt(prefix, p.left)!, sumAt(prefix, p.right)!));
});

/**
 * Whether a reading of the row (null: a blank column) can satisfy its own identities: one with a
 * blank in it cannot be checked, and a blank is never read as zero.
 */
export function rowAdmits(row: FormRow, format: FormFormat, values: readonly (number | null)[]): boolean {
  return positions(row, format).every((p) => {
    const l = sumAt(values, p.left);
    const r = sumAt(values, p.right);
    return l === undefined || r === undefined || relationHolds(p.inst.relation, l, r);
  });
}

/**
 * `rowAdmits` column by column, for a row read left to right: whether the identities that read column
 * `col` last hold on `values` (columns up to `col` filled; null a blank, which leaves its identity unchecked).
 * A reading passes at every column exactly when rowAdmits passes it whole.
 */
export const rowPrefixAdmits = memoPair((row: FormRow, format: FormFormat): ((values: readonly (number | null)[], col: number) => boolean) => {
  const byLast = new Map<number, Positions[]>();
  for (const p of positions(row, format)) {
    const last = Math.max(...p.left, ...p.right);
    byLast.set(last, [...(byLast.get(last) ?? []), p]);
  }
  return (values, col) =>
    (byLast.get(col) ?? []).every((p) => {
      const l = sumAt(values, p.left);
      const r = sumAt(values, p.right);
      return l === undefined || r === undefined || relationHolds(p.inst.relation, l, r);
    });
});
