import type { Cell, Finding, Format, TableId } from '../../types';
import { NUMBERED } from '../pdf/layout';
import { squeeze } from '../normalize';
import { detectFormat, isColumnTitle, rowHolds, rowOf, shapeOf, t3Index, tableKeys, tableNamed, type FormRow } from './form-view';
import type { TextTable } from './grid';
import type { TextLine } from './layout';

/**
 * Tables written one cell per line: BeautifulSoup's `get_text('\n')`, lynx on tables it cannot lay out,
 * `pdftotext` in reading order. Nothing in the text says where a row ends, so the form does: a label
 * names its row, and its figures are the ones that follow, as many as the row has columns (fewer when
 * the tool dropped blank cells: the row is then short, and its cells are placed by the form's identities
 * or left open with their candidates). Column titles (`总计`, `其他`) head columns, never rows.
 *
 * `pdftotext` writes a page as blocks: a table's cells come as one block per cell, or one block per
 * column holding several rows (a column-major run, read back row by row), and labels may stand apart
 * from their figures. Figures put together from several blocks are read only when they satisfy their
 * row's identities: the blocks' order is the tool's, not the page's, and a figure is never moved to
 * another row on a guess. Rows without a label of their own are placed by the form's row order later,
 * between labelled neighbours (tables/assign.ts).
 */
interface Item {
  kind: 'label' | 'num';
  /** The table a label was read in. */
  context?: TableId | null;
  text: string;
  offset: number;
  /** Runs of lines between blank lines: pdftotext's blocks. */
  block: number;
  line: number;
  /** A label line with a figure written into it, set apart by spaces (`3.其 0`): pdftotext put a cell there. */
  split?: boolean;
}

const NUMBER_LINE = /^\s*[-+]?\d[\d,，]*(?:\.\d+)?(?:%|万?元)?(?:\s+[-+]?\d[\d,，]*(?:\.\d+)?(?:%|万?元)?)*\s*$/;
/** The fraction of a decimal whose point began a run of its own (`14` / `.50`). */
const FRACTION = /^\s*[.．]\d+\s*$/;
/** What follows a figure in a sentence split over lines (`予以公开` / `181` / `件，部分公开`). */
const UNIT_LED = /^\s*[件项条个人次家篇期余万亿%％年月日号起份名户，。、；：]/;
/** A figure on a label's line, spaces on both sides, after the label's first word. */
const SPLIT_BY_FIGURE = /\S\s+\d[\d,，]*(?:\s|$)/;
const PAGE_MARK = /^\s*(?:[-—–－]\s*\d{1,4}\s*[-—–－]|第\s*\d{1,4}\s*页(?:\s*[，,/]?\s*共\s*\d+\s*页)?)\s*$/;
/** Fewer figures on lines of their own than this: no table is written one cell per line. */
const MIN_NUMBER_LINES = 8;

export function cellPerLineTables(lines: TextLine[]): { tables: TextTable[]; findings: Finding[] } {
  const usable = lines.filter((l) => !l.text.includes('|'));
  if (usable.filter((l) => NUMBER_LINE.test(l.text)).length < MIN_NUMBER_LINES) return { tables: [], findings: [] };
  const { items, blocked } = itemsOf(usable);
  const labels = items.filter((i) => i.kind === 'label').map((i) => i.text);
  const format = detectFormat(labels.join('\n'));
  const reader = new RowReader(format, blocked);
  reader.read(items);
  if (!reader.rows.some((r) => r.length > 1)) return { tables: [], findings: reader.findings };
  const at = reader.rows.flat().flatMap((c) => (c.loc.offset === undefined ? [] : [c.loc.offset]));
  return { tables: [{ rows: reader.rows, from: Math.min(...at), to: Math.max(...at), ragged: true }], findings: reader.findings };
}

type Kind = 'blank' | 'skip' | 'num' | 'label' | 'prose';

/** The stream of labels and figures, sentences left out; `blocked` when the text comes in blocks of several lines (pdftotext). */
function itemsOf(lines: TextLine[]): { items: Item[]; blocked: boolean } {
  const kinds: Kind[] = lines.map((l) => {
    const t = squeeze(l.text);
    if (t === '' || PAGE_MARK.test(l.text)) return 'blank';
    if (NUMBER_LINE.test(l.text) || FRACTION.test(l.text)) return 'num';
    // Punctuation split off by Word's runs (`本年增` / `/` / `减`) is neither a cell nor a break.
    if (!/[\p{L}]/u.test(t)) return NUMBERED.test(t) ? 'label' : 'skip';
    return t.length > 60 || /[。；]/.test(t) ? 'prose' : 'label';
  });
  // A sentence broken over lines around its figures: the figure, and the text on both sides of it, are prose.
  const next = (i: number) => {
    let k = i + 1;
    while (k < lines.length && (kinds[k] === 'blank' || kinds[k] === 'skip')) k++;
    return k;
  };
  for (let i = 0; i < lines.length; i++) {
    if (kinds[i] !== 'num') continue;
    const k = next(i);
    if (k < lines.length && kinds[k] !== 'num' && UNIT_LED.test(lines[k].text)) {
      kinds[i] = 'prose';
      kinds[k] = 'prose';
      let p = i - 1;
      while (p >= 0 && kinds[p] === 'blank') p--;
      if (p >= 0 && kinds[p] === 'label') kinds[p] = 'prose';
    }
  }
  const items: Item[] = [];
  let block = 0;
  // Blank lines between items (not the text's trailing newline).
  let blanks = 0;
  let pendingBlank = false;
  const sizes = new Map<number, number>();
  lines.forEach((l, i) => {
    const kind = kinds[i];
    if (kind === 'skip') return;
    if (kind === 'blank' || kind === 'prose') {
      if (kind === 'blank' && items.length) pendingBlank = true;
      block++;
      if (kind === 'prose') items.push({ kind: 'label', text: '', offset: l.start, block, line: i });
      return;
    }
    if (pendingBlank) blanks++;
    pendingBlank = false;
    sizes.set(block, (sizes.get(block) ?? 0) + 1);
    if (kind === 'label') {
      const text = squeeze(l.text);
      items.push({ kind, text, offset: l.start + l.text.search(/\S/), block, line: i, split: SPLIT_BY_FIGURE.test(l.text) });
      return;
    }
    // A decimal split at Word's runs (`0.` / `00`, or `14` / `.50`): the point ends the line above or begins this one.
    const prev = items[items.length - 1];
    const whole = /^\s*\d+\s*$/.test(l.text) && prev?.kind === 'label' && prev.line === i - 1 && /^\d+[.．]$/.test(prev.text);
    if (whole) {
      items[items.length - 1] = { ...prev, kind: 'num', text: prev.text + l.text.trim() };
      return;
    }
    if (FRACTION.test(l.text)) {
      // A fraction is never a figure of its own: without its digits on the line above it is left out.
      if (prev?.kind === 'num' && prev.line === i - 1 && /^\d+$/.test(prev.text))
        items[items.length - 1] = { ...prev, text: `${prev.text}.${l.text.trim().slice(1)}` };
      return;
    }
    for (const m of l.text.matchAll(/\S+/g)) items.push({ kind, text: m[0], offset: l.start + m.index!, block, line: i });
  });
  return { items: mergeLabels(items), blocked: blanks > 0 && [...sizes.values()].some((n) => n > 1) };
}

/** A label wrapped over lines (or split at Word's runs: `1.` / `属于国家秘密`) is one label, up to the next numbered one. */
function mergeLabels(items: Item[]): Item[] {
  const out: Item[] = [];
  for (const it of items) {
    const prev = out[out.length - 1];
    if (
      it.kind === 'label' &&
      it.text &&
      prev?.kind === 'label' &&
      prev.text &&
      prev.block === it.block &&
      !NUMBERED.test(it.text) &&
      !isColumnTitle(prev.text)
    ) {
      prev.text += it.text;
      prev.split ||= it.split;
    } else out.push({ ...it });
  }
  return out;
}

/** A section heading, maybe run into the paragraph after it (pdftotext's blocks). */
const HEADING = /^[一二三四五六]、.{2,30}?(?:情况|事项|措施|问题|安排)/;

interface Pending {
  labels: Item[];
  nums: Item[];
}

class RowReader {
  readonly rows: Cell[][] = [];
  readonly findings: Finding[] = [];
  private context: TableId | null = null;
  /** Table 3's last labelled row read (its form index) and the rows read without a label since. */
  private t3Read = { at: -1, unlabelled: 0 };
  /** Table-2 figures read before any row label (pdftotext puts a figure before its label): the label printed right after them names their row. */
  private orphan: Item[] | undefined;

  constructor(
    private readonly format: Format,
    private readonly blocked: boolean,
  ) {}

  read(items: Item[]): void {
    let cur: Pending = { labels: [], nums: [] };
    items.forEach((it, i) => {
      // Table 4 is one row under its headers, whose words may stand among its figures (pdftotext): only a heading or prose ends it.
      const inT4 = this.context === 't4' && it.text !== '' && !HEADING.test(it.text);
      if (it.kind === 'label' && (cur.nums.length > 0 || it.text === '') && !inT4) {
        this.segment(cur, it.text ? it : undefined);
        cur = { labels: [], nums: [] };
      }
      if (it.kind === 'label' && it.text) {
        // A label with figures of its own right after it is not the one the figures before it belong to.
        if (this.orphan && items[i + 1]?.kind !== 'num' && this.adopt(it)) return;
        this.note(it.text);
        cur.labels.push({ ...it, context: this.context });
      } else if (it.kind === 'num') cur.nums.push(it);
    });
    this.segment(cur);
    this.drop();
  }

  /**
   * Whether, in blocks, `named` (the last of `labels`, row labels with no figure between them) is the label of a
   * row already read without one: pdftotext may write a column of rows' figures and then their labels
   * (`63 6 … 69` `12 3 … 15` / `（一）予以公开` / `（二）部分公开` / `0 0 …`). The unlabelled rows since the last
   * labelled one fill the next rows of the form; a label among those is theirs, and the figures after it are
   * the next row's, left for the form's row order (a label past them, `1.属于国家秘密`, is its figures' own).
   */
  private pendingLabel(named: FormRow, labels: Item[]): boolean {
    if (!this.blocked || named.table !== 't3' || !labels.slice(0, -1).some((l) => this.rowLabel(l.text)?.table === 't3')) return false;
    const at = t3Index(named, this.format);
    return at > this.t3Read.at && at <= this.t3Read.at + this.t3Read.unlabelled;
  }

  /**
   * The rows the figures after a column of table-3 labels fill when the last label names a row past the next one
   * due: pdftotext may write the column's first rows' figures before it and the last rows' after it in one run
   * (`…（六）其他处理` / `（七）总计` / `四、结转下年度继续办理` / `7 0 … 7 0 …`). The run then fills the rows from the
   * first not yet read to the last label's, each named in the column; with a row between them the column does not
   * name, nothing tells its figures (empty). Undefined when the run is the last label's own.
   */
  private spanned(def: FormRow, labels: Item[]): { row: FormRow; label: Item }[] | undefined {
    if (!this.blocked || def.table !== 't3' || this.t3Read.at < 0) return undefined;
    const due = this.t3Read.at + this.t3Read.unlabelled + 1;
    const end = t3Index(def, this.format);
    const named = new Map<number, { row: FormRow; label: Item }>();
    // A label the tool wrote its row's figures into waits for no run.
    for (const label of labels.filter((l) => !l.split)) {
      const row = this.rowLabel(label.text);
      if (row?.table === 't3') named.set(t3Index(row, this.format), { row, label });
    }
    if (end <= due || !named.has(due)) return undefined;
    const rows: { row: FormRow; label: Item }[] = [];
    for (let i = due; i <= end; i++) {
      const r = named.get(i);
      if (!r) return [];
      rows.push(r);
    }
    return rows;
  }

  /**
   * Whether `next`, the label after a row's figures, is the rest of the row's own label: the tool broke the label
   * around the figures (`2.没有现成` / `0 0 0 0 0 11 11` / `信息需要另行制作`), which then stand in the label's flow,
   * not in the row's order (the first cell's 11 printed last but one). Told by the form's wording: the label is
   * short of it and the next one goes on with it (a numbered label starts a row of its own). Figures all alike
   * read the same in any order.
   */
  private resumes(def: FormRow, last: Item, next: Item): boolean {
    if (NUMBERED.test(next.text)) return false;
    const full = bare(def.zh);
    const head = bare(last.text);
    return head.length < full.length && full.startsWith(head) && full.startsWith(head + bare(next.text));
  }

  /** Header words switch the table; a section heading without them ends it. */
  private note(label: string): void {
    const table = tableNamed(label);
    if (table) this.context = table;
    else if (HEADING.test(label)) this.context = null;
  }

  /** The row a label names, inside a table only: a page's menus and sidebars (`行政许可` / `12`) are no table. */
  private rowLabel(text: string): FormRow | null {
    return this.context === null || isColumnTitle(text) ? null : rowOf(text, this.context, this.format);
  }

  /** The label right after unlabelled table-2 figures names them when its row has room for them; otherwise they are reported. */
  private adopt(label: Item): boolean {
    const nums = this.orphan!;
    this.orphan = undefined;
    const def = this.rowLabel(label.text);
    if (!def || def.table !== 't2' || nums.length > def.keys.length) {
      this.orphan = nums;
      this.drop();
      return false;
    }
    this.emit(def, label, { items: nums, assembled: this.blocked && new Set(nums.map((n) => n.block)).size > 1 });
    return true;
  }

  private drop(): void {
    if (this.orphan) this.findings.push(orderFinding('', this.orphan.map(numberCell), 'order', 't2', this.format));
    this.orphan = undefined;
  }

  /** Labels and the figures after them: header rows for all but the last label, then the figures as rows. */
  private segment({ labels, nums }: Pending, next?: Item): void {
    this.drop();
    const last = labels[labels.length - 1];
    const named = last && nums.length ? this.rowLabel(last.text) : null;
    // Table 4's one row has no label: the words before its figures are its header (which tells grids the table).
    const def = named?.table === 't4' || (named && this.pendingLabel(named, labels)) ? null : named;
    const span = def && nums.length ? this.spanned(def, labels) : undefined;
    const heads = span ? labels.filter((l) => !span.some((r) => r.label === l)) : def ? labels.slice(0, -1) : labels;
    // Table 4's titles are one header (naming every group, so no figure is taken for one group's block).
    const t4 = heads.filter((l) => l.context === 't4');
    for (const l of heads) if (l.context !== 't4') this.rows.push([labelCell(l)]);
    if (t4.length) this.rows.push([{ ...labelCell(t4[0]), text: t4.map((l) => l.text).join('') }]);
    if (nums.length === 0) return;
    const shape = def ?? shapeOf(this.context);
    if (!shape) {
      if (this.context === 't2') this.orphan = nums;
      return;
    }
    const n = shape.keys.length;
    // In the page's order, more figures than the row has columns means one was split in two (Word's runs: `351500.0` / `0` / `元`).
    if (!this.blocked && nums.length > n) {
      this.findings.push(orderFinding(def ? last.text : '', nums.map(numberCell), 'more', def ?? this.context, this.format));
      return;
    }
    const chunks = this.blocked ? blockRows(nums, n) : [{ items: nums }];
    // A label the tool wrote a figure into (`四、结转下年度继续 0` / `办理`): the row's first figure stands in it, so
    // the figures after it are not the row's from its first cell on (in a narrow-celled print they are the rest
    // of several rows, one run); or one it broke around them (`resumes`). None is read, and any cell of the table
    // may be theirs; the row still takes its place in the form's order.
    if (this.blocked && def && (last.split || (next && this.resumes(def, last, next) && new Set(nums.map((n) => n.text)).size > 1))) {
      if (def.table === 't3') this.t3Read = { at: t3Index(def, this.format), unlabelled: 0 };
      this.findings.push(orderFinding(last.text, nums.map(numberCell), 'split', def.table, this.format));
      return;
    }
    // A column of labels ending on a row the format's form does not print so (a 2021 report's （六）其他处理, printed
    // over its three rows): its figures may be the label's or the row's above it, and nothing tells which.
    if (span === undefined && this.blocked && def?.table === 't3' && t3Index(def, this.format) < 0 && labels.length > 1) {
      this.findings.push(orderFinding(last.text, nums.map(numberCell), 'order', 't3', this.format));
      return;
    }
    if (span) {
      if (span.length === chunks.length && !chunks.some((c) => c.matrix)) chunks.forEach((chunk, i) => this.emit(span[i].row, span[i].label, chunk));
      else this.findings.push(orderFinding(last.text, nums.map(numberCell), 'order', 't3', this.format));
      return;
    }
    chunks.forEach((chunk, i) => {
      const own = i === 0 && !chunk.matrix ? def : null;
      this.emit(own ?? shapeOf(this.context) ?? shape, own ? last : undefined, chunk);
    });
  }

  /**
   * A row of figures, read only when figures put together from several blocks satisfy the row's identities.
   * In blocks, a row with fewer figures than columns is not read at all: its other figures may stand anywhere
   * in the tool's order, so what is missing is not known to be blank.
   */
  private emit(def: FormRow, label: Item | undefined, chunk: Chunk): void {
    // Read or not, the row takes its place in the form's order.
    if (def.table === 't3') this.t3Read = label ? { at: t3Index(def, this.format), unlabelled: 0 } : { ...this.t3Read, unlabelled: this.t3Read.unlabelled + 1 };
    const cells = chunk.items.map(numberCell);
    if (this.blocked && cells.length < def.keys.length) {
      this.findings.push(orderFinding(label?.text ?? '', cells, 'short', label || def.table === 't4' ? def : def.table, this.format));
      return;
    }
    if (
      chunk.assembled &&
      !rowHolds(
        def,
        this.format,
        cells.map((c) => Number(c.text.replace(/[,，]/g, ''))),
      )
    ) {
      this.findings.push(orderFinding(label?.text ?? '', cells, 'order', label || def.table === 't4' ? def : def.table, this.format));
      return;
    }
    this.rows.push([label ? labelCell(label) : blankLabel(), ...cells]);
  }
}

interface Chunk {
  items: Item[];
  /** Read from a column-major run. */
  matrix?: boolean;
  /** Put together from several blocks of the text: confirmed by the row's identities before it is read. */
  assembled?: boolean;
}

/**
 * pdftotext's blocks: `n` blocks of equal size k > 1, one figure per line, are k rows written column by
 * column; single-figure blocks, one after another, are one row's cells; a line of several figures is
 * cells of one row.
 */
function blockRows(nums: Item[], n: number): Chunk[] {
  const blocks: Item[][] = [];
  for (const it of nums) {
    const b = blocks[blocks.length - 1];
    if (b && b[0].block === it.block) b.push(it);
    else blocks.push([it]);
  }
  const oneColumn = (b: Item[]) => b.length > 1 && new Set(b.map((x) => x.line)).size === b.length;
  const out: Chunk[] = [];
  let row: Item[] = [];
  let parts = 0;
  const close = () => {
    if (row.length) out.push({ items: row, assembled: parts > 1 });
    row = [];
    parts = 0;
  };
  for (let i = 0; i < blocks.length;) {
    const b = blocks[i];
    const run = blocks.slice(i, i + n);
    if (oneColumn(b) && run.length === n && run.every((x) => x.length === b.length && oneColumn(x))) {
      close();
      for (let r = 0; r < b.length; r++) out.push({ items: run.map((col) => col[r]), matrix: true, assembled: true });
      i += n;
      continue;
    }
    for (const it of b) {
      row.push(it);
      if (row.length === n) close();
    }
    parts++;
    i++;
  }
  close();
  return out;
}

/** A label's words, without spaces or its number: `2. 没有 现成` → `没有现成`. */
const bare = (s: string) => s.replace(/\s+/g, '').replace(NUMBERED, '');
const labelCell = (it: Item): Cell => ({ text: it.text, raw: it.text, loc: { offset: it.offset } });
const blankLabel = (): Cell => ({ text: '', raw: '', loc: {} });
const numberCell = (it: Item): Cell => ({ text: it.text, raw: it.text, loc: { offset: it.offset } });

const WHY = {
  order: ['在文本中与所在行分开书写，按文本次序不满足表格关系', "stand apart from their row in the text and, in its order, break the form's identities"],
  more: ['多于表格式的列数，可能有数字被拆开', 'are more than the form has columns, maybe one split in two'],
  split: ['有一个写在行名中，其余在文本中与所在行分开书写', "have one written into the row's label and the others apart from it in the text"],
  short: [
    '少于表格式的列数，而文本分块书写，其余数字可能在文中别处',
    'are fewer than the form has columns, in a text written in blocks: the others may stand anywhere in it',
  ],
} as const;

/** The keys unread figures may be: their row's, else every key of the table they stand in. */
type Unread = FormRow | TableId | null | undefined;

function orderFinding(label: string, cells: Cell[], why: keyof typeof WHY = 'order', def?: Unread, format: Format = 'unknown'): Finding {
  const printed = cells.map((c) => c.text).join(' ');
  const row = label ? `「${label}」行` : '一行';
  return {
    rule: 'P-CELL-ORDER',
    severity: 'warning',
    message: `${row}的数字（${printed}）${WHY[why][0]}，无法确定各数所属的单元格，未读取。`,
    messageEn: `The figures ${printed}${label ? ` of the row ${label}` : ''} ${WHY[why][1]}: their cells cannot be told, so they were not read.`,
    keys: !def ? [] : typeof def === 'string' ? tableKeys(def, format) : [...def.keys],
    evidence: printed,
  };
}
