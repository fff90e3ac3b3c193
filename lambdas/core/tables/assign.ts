import type { Cell, Finding, Format, NarrativeFigure, UndecidedRow, Value } from '../types';
import { parseCount, parseMoney, round6 } from '../values/parse-number';
import { SPLIT_LIMIT, splitRun, type Split } from '../values/digit-split';
import { agreedCells, ambiguityFinding } from './undecided';
import { classify } from './classify';
import { locatorText } from './locator';
import type { Row } from './row';
import { T3_COLS, T3_ROWS, T4_ROW, type RowDef } from './row-defs';
import { rowIdentity, columnIdentitiesHold } from './identities';

export interface Mapped {
  values: Value[];
  findings: Finding[];
  undecided: UndecidedRow[];
}

/** One way to read a row's cells: the numbers, their printed texts, and the cell each came from. */
interface Reading extends Split {
  cells: Cell[];
  /** The digit run the numbers were split from, when the cells were glued. */
  run?: string;
}

/** A row placed on a standard-table row, with the candidate readings of its cells. */
interface Placed {
  def: RowDef;
  row: Row;
  /** One entry per reading; a row printed with separators has exactly one. */
  readings: Reading[];
  /** The splitter stopped at its limit: more readings exist than `readings` holds. */
  truncated?: boolean;
}

/**
 * Rows to canonical values. Rows are placed by their labels; unlabelled rows of table 3 by the
 * form's fixed row order between labelled neighbours; cells glued together are split by the
 * column count and the form's identities, and a split that stays ambiguous is left out with a
 * finding rather than guessed.
 */
export function mapRows(rows: Row[], format: Format, narrative: NarrativeFigure[]): Mapped {
  const findings: Finding[] = [];
  if (format === 'unknown') return { values: [], findings, undecided: [] };
  const placed = place(rows, format, findings);
  resolveByColumns(placed, outcomeRows(rows, format));
  resolveByNarrative(placed, narrative);
  const values: Value[] = [];
  const undecided: UndecidedRow[] = [];
  const seen = new Set<string>();
  for (const p of placed) {
    const keys = keysOf(p.def);
    if (p.readings.length > 1) {
      const row = undecidedRow(p, keys);
      undecided.push(row);
      // A cell every complete reading agrees on is read from the report all the same.
      const agreed: Record<string, number> = {};
      for (const [i, n] of agreedCells(row)) {
        if (seen.has(keys[i])) continue;
        seen.add(keys[i]);
        agreed[keys[i]] = n;
        values.push({ key: keys[i], value: n, evidence: { ...row.evidence, raw: `${row.printed} → ${p.readings[0].texts[i]}` } });
      }
      const open = ambiguityFinding(row, agreed);
      if (open) findings.push(open);
      continue;
    }
    const [reading] = p.readings;
    keys.forEach((key, i) => {
      const n = reading.values[i];
      if (n === null || Number.isNaN(n) || seen.has(key)) return;
      seen.add(key);
      const cell = reading.cells[i];
      values.push({ key, value: n, evidence: evidenceOf(cell, reading.run ? `${reading.run} → ${reading.texts[i]}` : cell.raw) });
    });
  }
  return { values, findings, undecided };
}

function undecidedRow(p: Placed, keys: string[]): UndecidedRow {
  const [first] = p.readings;
  return {
    keys,
    label: rowName(p.row, p.def),
    printed: cellsText(p.row.cells),
    candidates: p.readings.map((r) => r.values),
    texts: p.readings.map((r) => r.texts),
    ...(p.truncated ? { truncated: true } : {}),
    evidence: evidenceOf(first.cells[0], first.run ?? cellsText(p.row.cells)),
  };
}

/**
 * Places rows on the form: labelled rows by their label; runs of unlabelled table-3 rows by the
 * form's row order, only when they exactly fill the gap between two placed neighbours. A row
 * whose cells cannot be read as its form row is reported and does not anchor anything.
 */
function place(rows: Row[], format: Format, findings: Finding[]): Placed[] {
  const canon = canonicalT3(rows, format);
  const out: Placed[] = [];
  const pending: Row[] = [];
  let lastT3 = -1;
  const flush = (next: number) => {
    if (pending.length === 0) return;
    const gap = canon.slice(lastT3 + 1, next);
    const readings = pending.map((row, i) => (gap.length === pending.length ? read(row, gap[i]) : []));
    if (readings.every((r) => r.length > 0)) pending.forEach((row, i) => out.push(placedRow(row, gap[i], readings[i])));
    else
      findings.push(
        finding('P-ROW-UNPLACED', 'warning', `表三有 ${pending.length} 行数字没有行名，且无法按表格式的行序确定归属，未读取。`, [], pending.map((r) => cellsText(r.cells)).join(' / ')),
      );
    pending.length = 0;
  };
  for (const row of rows) {
    if (row.cells.length === 0) continue;
    const def = classify(row, format);
    if (!def) {
      if (row.context === 't3' && row.cells.filter((c) => /\d/.test(c.text)).length >= T3_COLS.length - 1) pending.push(row);
      continue;
    }
    const readings = read(row, def);
    if (readings.length === 0) {
      findings.push(finding('P-ROW-SHAPE', 'warning', `「${rowName(row, def)}」行的单元格数与表格式不符，未读取。`, keysOf(def), cellsText(row.cells)));
      continue;
    }
    if (def.table === 't3') {
      const idx = canon.indexOf(def);
      if (idx > lastT3) {
        flush(idx);
        lastT3 = idx;
      }
    }
    out.push(placedRow(row, def, readings));
  }
  flush(canon.length);
  return out;
}

const placedRow = (row: Row, def: RowDef, readings: Reading[]): Placed => ({ row, def, readings, ...(readings.length >= SPLIT_LIMIT ? { truncated: true } : {}) });

/** Table 3's rows in form order: the 2021 form's three 其他处理 sub-rows, or the single row some reports keep. */
function canonicalT3(rows: Row[], format: Format): RowDef[] {
  const single = T3_ROWS.find((d) => d.row === 'otherHandling')!;
  const usesSingle = format === '2019' || rows.some((r) => classify(r, format) === single);
  return T3_ROWS.filter((d) => d.formats.includes(format) && (usesSingle ? !d.row.startsWith('otherHandling.') : d !== single));
}

/** The rows that （七）总计 sums in this report's form: all but the two intake rows, the total and carried forward. */
const outcomeRows = (rows: Row[], format: Format) => canonicalT3(rows, format).slice(2, -2).map((d) => d.row);

/** The readings of a row's cells: one when cells are separated, every identity-respecting split when glued. */
function read(row: Row, def: RowDef): Reading[] {
  const n = def.cols.length;
  const money = new Set(def.cols.flatMap((c, i) => (def.money?.includes(c) ? [i] : [])));
  const signed = new Set(def.cols.flatMap((c, i) => (def.signed?.includes(c) ? [i] : [])));
  const parse = (t: string, i: number) => (money.has(i) ? parseMoney(t) : parseCount(t)) as number;
  let cells = row.cells;
  if (!row.runs) {
    cells = trimToCount(cells, n);
    if (cells.length === n) return [{ values: cells.map((c, i) => parse(c.text, i)), texts: cells.map((c) => c.text), cells }];
    if (cells.length > n) return [];
  }
  // Fewer cells than columns: some were glued together by the scraper.
  const run = cells.map((c) => c.text).join(' ');
  return splitRun(run, { count: n, money, signed, accept: rowIdentity(def), limit: SPLIT_LIMIT }).map((s) => ({
    texts: s.texts,
    values: s.texts.map(parse),
    cells: s.texts.map(() => cells[0]),
    run,
  }));
}

/** Extra cells around a row (a misaligned header in scraped markdown) are empty ones at its ends. */
function trimToCount(cells: Cell[], n: number): Cell[] {
  const c = [...cells];
  while (c.length > n && c[c.length - 1].text === '') c.pop();
  while (c.length > n && c[0].text === '') c.shift();
  return c;
}

/** Ambiguous table-3 rows: keep the one combination of readings under which the column identities hold. */
function resolveByColumns(placed: Placed[], outcomes: string[]): void {
  const t3 = placed.filter((p) => p.def.table === 't3');
  const open = t3.filter((p) => p.readings.length > 1);
  if (open.length === 0) return;
  const combos = open.reduce((n, p) => n * p.readings.length, 1);
  if (combos > 4096) return;
  const fits: Reading[][] = [];
  const pick = (i: number, chosen: Reading[]) => {
    if (i === open.length) {
      const rows = new Map<string, number[]>();
      for (const p of t3) rows.set(p.def.row, (p.readings.length > 1 ? chosen[open.indexOf(p)] : p.readings[0]).values);
      if (columnIdentitiesHold(rows, outcomes)) fits.push([...chosen]);
      return;
    }
    for (const r of open[i].readings) pick(i + 1, [...chosen, r]);
  };
  pick(0, []);
  if (fits.length === 1) open.forEach((p, i) => (p.readings = [fits[0][i]]));
}

/** A figure the prose states for one of the row's keys picks among the readings. */
function resolveByNarrative(placed: Placed[], narrative: NarrativeFigure[]): void {
  for (const p of placed) {
    if (p.readings.length < 2) continue;
    const stated = p.def.cols.map((c) => narrative.find((f) => f.key === `${p.def.table}.${p.def.row}.${c}`)?.value);
    const agree = p.readings.filter((r) => stated.every((v, i) => v === undefined || round6(r.values[i]) === round6(v)));
    if (agree.length >= 1 && agree.length < p.readings.length) p.readings = agree;
  }
}

function evidenceOf(cell: Cell, raw: string) {
  return { source: 'table' as const, locator: locatorText(cell.loc), raw, ...(cell.loc.page ? { page: cell.loc.page } : {}), loc: cell.loc };
}

/** The words of the label that named the row (`行政许可`), not the header text glued before it. */
const rowName = (row: Row, def: RowDef) => def.match.exec(row.label)?.[0] || (def.table === 't4' ? '表四' : row.label.slice(-20));

const keysOf = (def: RowDef) => def.cols.map((c) => (def.row === T4_ROW.row ? `t4.${c}` : `${def.table}.${def.row}.${c}`));
const cellsText = (cells: Cell[]) => cells.map((c) => c.raw || '·').join(' | ');

function finding(rule: string, severity: Finding['severity'], message: string, keys: string[], evidence: string): Finding {
  return { rule, severity, message, keys, evidence };
}
