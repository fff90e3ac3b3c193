/**
 * The shared vocabulary of every stage: bytes → text → sections → tables → values → findings → records.
 * The record shape is the contract of docs/record.md; canonical keys are those of
 * docs/fields.md.
 */

export type InputKind = 'html' | 'pdf' | 'text';
export type Script = 'simplified' | 'traditional';
export type Format = '2019' | '2021' | 'unknown';
export type Status = 'parsed' | 'rejected' | 'failed';
export type Severity = 'error' | 'warning' | 'info';
export type TableId = 't2' | 't3' | 't4';

/** Where a piece of text sits in the original document. */
export interface Locator {
  /** PDF page, 1-based. */
  page?: number;
  /** Index of the table (grid) in the document, 0-based. */
  table?: number;
  row?: number;
  col?: number;
  /** PDF position of the cell's first glyph, in points from the page's bottom-left. */
  x?: number;
  y?: number;
  /** PDF cell drawn by the table's ruling: left, bottom, width and height in points from the page's bottom-left. */
  box?: { x: number; y: number; w: number; h: number };
  /**
   * Where the cell's first printed character stands in `DocText.text` (HTML: the page's text in
   * reading order; text: the decoded text, markup blanked), as `partition/read-text.ts` gives it again.
   */
  offset?: number;
}

/** One cell of a table: `text` is simplified and whitespace-folded for matching, `raw` is as printed. */
export interface Cell {
  text: string;
  raw: string;
  loc: Locator;
  /** A PDF cell in the last column of a ruled table that runs off the page's right edge: the columns beyond it are not in the file. */
  cutRight?: boolean;
  /** A PDF cell in the first column of a ruled table that runs off the page's left edge: its text and the columns before it may be lost. */
  cutLeft?: boolean;
}

/** A table as rows of cells: HTML with spans expanded, PDF rebuilt from positions, text split on `|`. */
export interface Grid {
  index: number;
  rows: Cell[][];
  /**
   * Each row was printed without its blank cells (a scraper that writes one cell per line drops them), so
   * the rows of the grid do not share columns. Absent: every row's cells stand in the grid's columns.
   */
  ragged?: boolean;
}

/**
 * What every format's extractor yields (HTML, PDF and text alike); everything after it is format-blind.
 * `text` is the whole document in reading order, simplified script, tables included as text;
 * `grids` are the tables found structurally (empty for text, where tables are rebuilt from `text`).
 */
export interface DocText {
  kind: InputKind;
  text: string;
  /** The same text before script conversion, offsets aligned with `text` (opencc t2cn is 1:1 per character). */
  raw: string;
  /** A title the container states (HTML <title>, a `标题:` header line, PDF metadata). */
  title?: string;
  grids: Grid[];
  /** What the extractor could not place and left out (a number outside every column, several numbers in one cell). */
  findings?: Finding[];
  /** Publication date stated by the container (meta tags, header lines), YYYY-MM-DD. */
  publishedAt?: string;
  pages?: number;
}

/** Decoding result: bytes to simplified text, with what was detected and repaired. */
export interface Decoded {
  text: string;
  /** Text as decoded and repaired, before script conversion. */
  raw: string;
  encoding: string;
  script: Script;
  repairs: Repair[];
  /** Spans still looking damaged after repair: flagged, never dropped. */
  damage: Damage[];
}

export interface Damage {
  at: number;
  text: string;
}

export interface Repair {
  kind: 'mojibake';
  /** Offset in the decoded text where the damaged run started. */
  at: number;
  before: string;
  after: string;
  /** Which repair won: byte shift, utf8-as-gbk, gbk-as-utf8. */
  method?: string;
}

export interface Section {
  n: number;
  title: string;
  text: string;
}

/** Where a table value came from. */
export interface Evidence {
  source: 'table';
  /** Human-readable position, e.g. `table[2] row 4 col 10` or `page 3 table[1] row 4 col 2`. */
  locator: string;
  /** The cell text as printed (or the run of digits it was split from). */
  raw: string;
  page?: number;
  loc?: Locator;
  /** Absent: read from the report itself. Otherwise who decided a value the report left open. */
  decidedBy?: 'neighbour' | 'review';
  /** The neighbouring report, the identity (fields.md) and both sides' numbers that decided it. */
  neighbour?: { reportId: string; identity: string; ours: number[]; theirs: number[] };
  review?: { by: string; at: string; note: string };
}

/**
 * A table row whose cells ran together and that the report alone cannot split: every reading
 * that respects the form's identities, kept so a neighbouring year or an officer can decide it.
 */
export interface UndecidedRow {
  /** The row's canonical keys, in column order. */
  keys: string[];
  /** The words of the label that named the row (`行政许可`). */
  label: string;
  /** The row's cells as printed. */
  printed: string;
  /** Every reading, values in `keys` order (null: a blank column of a short row). */
  candidates: (number | null)[][];
  /** Each reading's numbers as printed. */
  texts: string[][];
  /** More readings exist than were kept: no reading can be decided by elimination. */
  truncated?: boolean;
  /** The digits ran together (else: a short row whose blank cells were dropped). */
  run: boolean;
  /** Where the row is (the evidence a decided value starts from). */
  evidence: Evidence;
}

/** An open row as an officer reviews it: its readings and the identities each satisfies. */
export interface PendingValue {
  /** The row's first key: how the review route names it. */
  row: string;
  keys: string[];
  /** The keys still open (the others were decided from the report itself or a neighbour). */
  open: string[];
  label: string;
  printed: string;
  readings: { values: (number | null)[]; texts: string[]; satisfies: string[] }[];
  /** More readings exist than listed: the officer types the values. */
  truncated?: boolean;
}

/** One extracted table value: a canonical key, its number, and its evidence. */
export interface Value {
  key: string;
  value: number;
  evidence: Evidence;
}

/** A figure stated in the prose, under a canonical or derived key. */
export interface NarrativeFigure {
  key: string;
  value: number;
  sentence: string;
  /** Offset of the sentence in the decoded text. */
  at?: number;
  /**
   * Every key the phrase may mean when it fits more than one (`因本机关不掌握等原因无法提供N件`: the
   * 无法提供 subtotal or its 不掌握 row). `key` is the first; such a figure never decides a cell.
   */
  ambiguous?: string[];
}

export interface Finding {
  /** Stable fingerprint: rule + report + keys, so re-parsing the same report gives the same id. */
  id?: string;
  rule: string;
  severity: Severity;
  /** `not-assessable`: the rule lacked the data it needs; absent means the check failed. */
  outcome?: 'failed' | 'not-assessable';
  message: string;
  messageEn?: string;
  /** Regulation article, national-format clause, or form identity the rule enforces. */
  basis?: string;
  keys: string[];
  evidence: string;
  /**
   * The readings left open when a row's cells could not be told apart (`P-SPLIT-AMBIGUOUS`): one
   * array per candidate, aligned with `keys`, null for a column read as blank. A later decision
   * (an identity with the neighbouring year, an officer) picks one.
   */
  candidates?: (number | null)[][];
}

export interface InputInfo {
  kind: InputKind;
  bytes: number;
  sha256: string;
  encoding: string;
  script: Script;
  pages?: number;
}

/** The parsed record (docs/record.md). */
export interface Report {
  id: string;
  status: Status;
  reason: string | null;
  input: InputInfo;
  agency: string | null;
  year: number | null;
  format: Format;
  publishedAt: string | null;
  sections: Section[];
  tables: TableId[];
  values: Record<string, number>;
  evidence: Record<string, Evidence>;
  derived: Record<string, number>;
  narrative: NarrativeFigure[];
  repairs: Repair[];
  findings: Finding[];
  /** Rows the parser could not split alone, as parsed (their decided keys are in `values`). */
  undecided?: UndecidedRow[];
  /** The rows no source has decided yet, for an officer (待核实): set when neighbours were consulted. */
  pending?: PendingValue[];
}
