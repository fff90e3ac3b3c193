import type { Cell, Finding, Format, NarrativeFigure, TableId, UndecidedRow, Value } from '../types';
import { assignCells } from '../values/cell-assign';
import { parseCount, parseMoney } from '../values/parse-number';
import { splitRun } from '../values/digit-split';
import { classify, layoutOf, resembles, tableKeys } from './classify';
import { narrowByProse, statedCells, statedFigures } from './prose-figures';
import { ambiguityFinding } from './undecided';
import { locatorText } from './locator';
import { isValueCell, type Row } from './row';
import {
  instanceHolds,
  instancesById,
  isFormFormat,
  prefixCheck,
  rowAdmits,
  rowPrefixAdmits,
  sameCell,
  sameNumber,
  T4_COLUMNS,
  T4_ROW,
  t2Rows,
  t3Rows,
  t4GroupsNamed,
  type FormFormat,
  type FormRow,
  type IdentityInstance,
  type T3Layout,
} from '../form';
import type { Placed, Reading, Readings } from './readings';
import { resolveSharedColumns } from './shared-columns';
import { joinWrappedFigures } from './wrapped-figures';

export interface Mapped {
  values: Value[];
  findings: Finding[];
  undecided: UndecidedRow[];
}

/** Candidates the splitter lists before calling a run hopeless: beyond that the list is not complete. */
const SPLIT_LIMIT = 64;

/**
 * Rows to canonical values. Rows are placed by their labels; unlabelled rows of table 3 by the
 * form's fixed row order between labelled neighbours; cells glued together are split by the
 * column count and the form's identities, and a split that stays ambiguous is left out with a
 * finding rather than guessed.
 */
export function mapRows(rows: Row[], format: Format, narrative: NarrativeFigure[]): Mapped {
  const findings: Finding[] = [];
  if (!isFormFormat(format)) return { values: [], findings, undecided: [] };
  const layout = layoutOf(rows, format);
  const stated = statedFigures(narrative);
  const placed = place(joinWrappedFigures(rows, layout, findings), layout, findings, stated);
  narrowByProse(placed, stated, layout);
  resolveSharedColumns(placed, layout, columnInstances(layout));
  resolveByColumns(placed, layout);
  const values: Value[] = [];
  const undecided: UndecidedRow[] = [];
  const seen = new Set<string>();
  for (const p of placed) {
    const keys = p.def.keys;
    const [first] = p.readings;
    // A column every reading agrees on is known even when the row is not; with an incomplete list nothing is.
    const open = keys.flatMap((_, i) =>
      p.readings.length > 1 && (!p.complete || !p.readings.every((r) => sameValue(r.values[i], first.values[i]))) ? [i] : [],
    );
    keys.forEach((key, i) => {
      const n = first.values[i];
      if (open.includes(i) || n === null || Number.isNaN(n) || seen.has(key)) return;
      seen.add(key);
      values.push({ key, value: n, evidence: evidenceOf(first.cells[i], rawOf(p, i)) });
    });
    if (open.length === 0) continue;
    const row = undecidedRow(p, keys);
    undecided.push(row);
    findings.push(ambiguityFinding(row, {})!);
  }
  return { values, findings, undecided };
}

/** An ambiguous row as the record keeps it, for a neighbouring year or an officer to decide. */
function undecidedRow(p: Placed, keys: readonly string[]): UndecidedRow {
  const [first] = p.readings;
  return {
    keys: [...keys],
    label: rowName(p.row, p.def),
    printed: cellsText(p.row.cells),
    candidates: p.readings.map((r) => r.values),
    texts: p.readings.map((r) => r.texts),
    ...(p.complete ? {} : { truncated: true }),
    run: Boolean(first.run),
    evidence: evidenceOf(first.cells[0], first.run ?? cellsText(p.row.cells)),
  };
}

const sameValue = sameCell;

/** What a value was read from: its cell, or the run or the short row it was assigned from. */
function rawOf(p: Placed, i: number): string {
  const [first] = p.readings;
  if (first.run) return `${first.run} → ${first.texts[i]}`;
  return p.readings.every((r) => r.cells[i] === first.cells[i]) ? first.cells[i].raw : `${cellsText(p.row.cells)} → ${first.texts[i]}`;
}

/** Rows of a table the form prints in a fixed order, waiting to be placed by it: their labels name no row. */
interface Sequence {
  canon: readonly FormRow[];
  /** The form row last placed by its label. */
  last: number;
  pending: Row[];
}

/**
 * Places rows on the form: labelled rows by their label; runs of rows of table 2 or 3 whose labels name no row by the
 * form's row order, only when they exactly fill the gap between two placed neighbours (in table 2, whose rows scrapers
 * do not cut, a row's label must also be nearer that row's than any other's: misread, not a row the form lacks). A
 * row whose cells cannot be read as its form row is reported and does not anchor anything.
 */
function place(rows: Row[], layout: T3Layout, findings: Finding[], stated: Map<string, number>): Placed[] {
  const { format } = layout;
  const read = (row: Row, def: FormRow) => readRow(row, def, format, statedCells(def, stated));
  const sequences: Record<'t2' | 't3', Sequence> = {
    t2: { canon: t2Rows(format), last: -1, pending: [] },
    t3: { canon: t3Rows(layout), last: -1, pending: [] },
  };
  const ordered = (table: TableId | null): table is 't2' | 't3' => table === 't2' || table === 't3';
  const out: Placed[] = [];
  // The table-4 group the last header named, for a table printed as one block per group.
  let group: FormRow | null = null;
  const flush = (table: 't2' | 't3', next: number) => {
    const { canon, last, pending } = sequences[table];
    if (pending.length === 0) return;
    const gap = canon.slice(last + 1, next);
    const fits = gap.length === pending.length && (table === 't3' || pending.every((row, i) => resembles(row.label, gap[i], canon)));
    const readings = pending.map((row, i) => (fits ? read(row, gap[i]) : { readings: [], complete: true }));
    if (readings.every((r) => r.readings.length > 0)) pending.forEach((row, i) => out.push({ row, def: gap[i], ...readings[i] }));
    else if (table === 't2') for (const row of pending) findings.push(unnamed(row, format));
    else
      findings.push(
        finding(
          'P-ROW-UNPLACED',
          'warning',
          `表三有 ${pending.length} 行数字没有行名，且无法按表格式的行序确定归属，未读取。`,
          // The rows they may be: those of the gap they stand in.
          gap.flatMap((d) => [...d.keys]),
          pending.map((r) => cellsText(r.cells)).join(' / '),
        ),
      );
    pending.length = 0;
  };
  /** A row of the form placed by its label (or printed blank): the rows waiting before it fill the gap up to it. */
  const reached = (table: 't2' | 't3', at: number) => {
    if (at <= sequences[table].last) return;
    flush(table, at);
    sequences[table].last = at;
  };
  for (const row of rows) {
    const named = row.context === 't4' ? t4GroupsNamed(row.label) : [];
    // A header naming several groups is the whole table's: no block is open.
    if (named.length) group = named.length === 1 ? named[0] : null;
    if (row.cells.length === 0) {
      // A grid's row printed blank still stands in the form's order: rows without a label around it are placed by it.
      if (row.part !== undefined && ordered(row.context)) reached(row.context, sequences[row.context].canon.indexOf(classify(row, format)!));
      continue;
    }
    let def = classify(row, format);
    // One group's five cells under its own heading (行政复议 / 未经复议直接起诉 / 复议后起诉): a
    // row of at most five cells (told by its cells, before its thousands of readings as the whole
    // table's fifteen are listed), or a digit run that cannot fill the whole table's fifteen.
    const block = def === T4_ROW ? group : null;
    if (block && !row.runs && trimToCount(row.cells, T4_COLUMNS.length).length <= T4_COLUMNS.length) def = block;
    let readings = def ? read(row, def) : { readings: [], complete: true };
    if (block && row.runs && readings.readings.length === 0) {
      def = block;
      readings = read(row, def);
    }
    if (!def) {
      const figures = row.cells.some((c) => /\d/.test(c.text));
      // A row with figures but no label that names it (cut, misread, or run into another): placed by the form's row order, or reported.
      if (ordered(row.context) && figures) sequences[row.context].pending.push(row);
      else if (row.context && figures) findings.push(unnamed(row, format));
      continue;
    }
    if (row.cutLeft) {
      findings.push(
        finding(
          'P-TABLE-CUT',
          'warning',
          `「${rowName(row, def)}」行在页面左边缘被截断，页面外的列不在文件中，无法确定其余数字所属的列，未读取。`,
          [...def.keys],
          cellsText(row.cells),
        ),
      );
      continue;
    }
    if (readings.readings.length === 0) {
      findings.push(finding('P-ROW-SHAPE', 'warning', `「${rowName(row, def)}」行的单元格数与表格式不符，未读取。`, [...def.keys], cellsText(row.cells)));
      continue;
    }
    const cut = row.cut ? def.keys.slice(trimToCount(row.cells, def.keys.length).length) : [];
    if (cut.length)
      findings.push(
        finding(
          'P-TABLE-CUT',
          'warning',
          `「${rowName(row, def)}」行在页面右边缘被截断，页面外的 ${cut.length} 列不在文件中，未读取。`,
          cut,
          cellsText(row.cells),
        ),
      );
    if (ordered(def.table)) {
      const idx = sequences[def.table].canon.indexOf(def);
      // A row of the other layout's table 3 (the single 其他处理 row where this report has its three sub-rows, or the reverse): named by a group title only, placed by order.
      if (idx < 0) {
        sequences[def.table].pending.push(row);
        continue;
      }
      reached(def.table, idx);
    }
    out.push({ row, def, ...readings });
  }
  flush('t2', sequences.t2.canon.length);
  flush('t3', sequences.t3.canon.length);
  return out;
}

/** A row with figures whose label names no row of its table, left unread. */
const unnamed = (row: Row, format: FormFormat): Finding =>
  finding(
    'P-ROW-UNPLACED',
    'warning',
    `「${row.label.slice(-20) || '（无行名）'}」行的数字没有可识别的行名，无法确定归属，未读取。`,
    tableKeys(row.context!, format),
    cellsText(row.cells),
  );

/**
 * The readings of a row's cells: one when every column has its cell; when the scraper printed
 * fewer, every assignment of the whole cells to columns (the rest blank) that fits the row's
 * identities; when cells were glued into a digit run, every identity-respecting split. Cells the
 * prose states (`stated`) narrow both while they are enumerated, so a long run's list can be
 * complete; when no reading fits the prose, it is set aside and every reading is kept.
 */
function readRow(row: Row, def: FormRow, format: FormFormat, stated: (number | undefined)[]): Readings {
  if (stated.every((v) => v === undefined)) return read(row, def, format);
  const narrowed = read(row, def, format, stated);
  return narrowed.readings.length ? narrowed : read(row, def, format);
}

function read(row: Row, def: FormRow, format: FormFormat, stated: (number | undefined)[] = []): Readings {
  const n = def.columns.length;
  const money = new Set(def.columns.flatMap((c, i) => (c.kind === 'money' ? [i] : [])));
  const signed = new Set(def.columns.flatMap((c, i) => (c.kind === 'signed' ? [i] : [])));
  const parse = (t: string, i: number) => (money.has(i) ? parseMoney(t) : parseCount(t));
  let cells = row.cells;
  if (!row.runs) {
    cells = trimToCount(cells, n);
    if (cells.length === n) return { complete: true, readings: [{ values: cells.map((c, i) => parse(c.text, i)), texts: cells.map((c) => c.text), cells }] };
    if (cells.length > n) return { complete: true, readings: [] };
    if (row.cut) return cutReading(cells, def, format, parse);
    const whole = wholeCells(cells);
    if (whole) {
      // Each cell's value in each column, and whether the column can hold it, once: the assignments try them thousands of times.
      const parsed = whole.map((c) => def.columns.map((_, i) => parse(c.text, i)));
      // A printed number must be one its column can hold: no decimals outside money, no sign outside 本年增/减.
      const fits = whole.map((c, j) =>
        parsed[j].map((v, i) => !/\d/.test(c.text) || (v !== null && (money.has(i) || Number.isInteger(v)) && (v >= 0 || signed.has(i)))),
      );
      const identities = rowPrefixAdmits(def, format);
      const values: (number | null)[] = [];
      // Cells are indexed into `whole`; each column is checked as it is filled (its cell, the identities it completes, the prose).
      const admits = (r: (number | null)[]) => {
        const i = r.length - 1;
        const j = r[i];
        if (j !== null && !fits[j][i]) return false;
        values[i] = j === null ? null : parsed[j][i];
        return identities(values, i) && (stated[i] === undefined || sameCell(values[i], stated[i]!));
      };
      const assigned = assignCells(
        whole.map((_, j) => j),
        n,
        admits,
      );
      return {
        complete: true,
        readings: assigned.map((r) => ({
          values: r.map((j, i) => (j === null ? null : parsed[j][i])),
          texts: r.map((j) => (j === null ? '—' : whole[j].text)),
          cells: r.map((j) => whole[j ?? 0]),
          slots: r.map((j) => j ?? -1),
        })),
      };
    }
  }
  // Fewer cells than columns: some were glued together by the scraper.
  const run = cells.map((c) => c.text).join(' ');
  const identities = prefixCheck(def, format);
  // Money cells are split as printed (元 or 万元); the prose's 万元 figure is compared once they are read.
  const prose = (p: number[]) => money.has(p.length - 1) || stated[p.length - 1] === undefined || sameNumber(p[p.length - 1], stated[p.length - 1]!);
  const accept = stated.length || identities ? (p: number[]) => (!identities || identities(p)) && prose(p) : undefined;
  const splits = splitRun(run, { count: n, money, signed, accept, limit: SPLIT_LIMIT });
  return {
    complete: splits.length < SPLIT_LIMIT,
    readings: splits.map((s) => ({ texts: s.texts, values: s.texts.map(parse), cells: s.texts.map(() => cells[0]), run })),
  };
}

/**
 * A row cut by the page's right edge: each cell is its column's (blanks kept), from the left; the columns
 * past the edge are absent, never filled. A row whose cells cannot stand in its leading columns is not read.
 */
function cutReading(cells: Cell[], def: FormRow, format: FormFormat, parse: (t: string, i: number) => number | null): Readings {
  const placed = Array.from({ length: def.keys.length }, (_, i) => cells[i] ?? null);
  const values = placed.map((c, i) => (c ? parse(c.text, i) : null));
  const fits = placed.every((c, i) => !c || !/\d/.test(c.text) || values[i] !== null);
  if (!fits || !rowAdmits(def, format, values)) return { complete: true, readings: [] };
  return { complete: true, readings: [{ values, texts: placed.map((c) => c?.text ?? '—'), cells: placed.map((c) => c ?? cells[0]) }] };
}

/**
 * The printed cells of a short row as whole values, blanks dropped; a cell holding numbers apart
 * (`22 235`) is that many cells, a unit printed apart (`251000.00 元`) stays with its number.
 * Null when a part is not a value, which leaves the row to the digit-run splitter.
 */
function wholeCells(cells: Cell[]): Cell[] | null {
  const out: Cell[] = [];
  for (const c of cells) {
    const parts = c.text.split(/\s+/).filter(Boolean);
    for (const part of parts) {
      if (/^(?:万?元|件|项|个)$/.test(part) && out.length) out[out.length - 1] = { ...out[out.length - 1], text: out[out.length - 1].text + part };
      else out.push(parts.length === 1 ? c : { ...c, text: part, raw: part });
    }
  }
  return out.length > 0 && out.every((c) => isValueCell(c.text)) ? out : null;
}

/** Extra cells around a row (a misaligned header in scraped markdown) are empty ones at its ends. */
function trimToCount(cells: Cell[], n: number): Cell[] {
  const c = [...cells];
  while (c.length > n && c[c.length - 1].text === '') c.pop();
  while (c.length > n && c[0].text === '') c.shift();
  return c;
}

/** Table 3's column identities (new + carried over = processed + carried forward; processed = Σ outcomes). */
export const columnInstances = (layout: T3Layout): IdentityInstance[] => [...instancesById('t3.balance', layout), ...instancesById('t3.processed', layout)];

/**
 * Ambiguous table-3 rows: keep the one combination of readings under which the column identities
 * hold, each checked only where every cell it reads is known and printed.
 */
function resolveByColumns(placed: Placed[], layout: T3Layout): void {
  const t3 = placed.filter((p) => p.def.table === 't3');
  const open = t3.filter((p) => p.readings.length > 1);
  if (open.length === 0) return;
  const combos = open.reduce((n, p) => n * p.readings.length, 1);
  if (combos > 4096) return;
  const instances = columnInstances(layout);
  const fits: Reading[][] = [];
  const pick = (i: number, chosen: Reading[]) => {
    if (i === open.length) {
      const cells = new Map<string, number | null>();
      for (const p of t3) (p.readings.length > 1 ? chosen[open.indexOf(p)] : p.readings[0]).values.forEach((v, c) => cells.set(p.def.keys[c], v));
      if (instances.every((inst) => instanceHolds(inst, (k) => cells.get(k)) !== false)) fits.push([...chosen]);
      return;
    }
    for (const r of open[i].readings) pick(i + 1, [...chosen, r]);
  };
  pick(0, []);
  if (fits.length === 1) open.forEach((p, i) => (p.readings = [fits[0][i]]));
}

function evidenceOf(cell: Cell, raw: string) {
  return { source: 'table' as const, locator: locatorText(cell.loc), raw, ...(cell.loc.page ? { page: cell.loc.page } : {}), loc: cell.loc };
}

/** The words of the label that named the row (`行政许可`), not the header text glued before it. */
const rowName = (row: Row, def: FormRow) => def.match.exec(row.label)?.[0] || (def.table === 't4' ? '表四' : row.label.slice(-20));
const cellsText = (cells: Cell[]) => cells.map((c) => c.raw || '·').join(' | ');

function finding(rule: string, severity: Finding['severity'], message: string, keys: string[], evidence: string): Finding {
  return { rule, severity, message, keys, evidence };
}
