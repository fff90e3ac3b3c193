import type { Cell, Section, TableId } from '../types';
import { squeeze } from '../partition/normalize';
import { isValueCell, type Row } from './row';

const CONTEXT: Record<number, TableId> = { 2: 't2', 3: 't3', 4: 't4' };

/**
 * Rows of the standard tables in scraped text, from sections 2–4: `a | b | c` lines (markdown or
 * flattened pipes) and label-then-digits runs where the cells were glued together. Each cell's
 * offset is where its first printed character stands in `text`.
 */
export function textRows(text: string, sections: Section[]): Row[] {
  const rows: Row[] = [];
  const place = placer(text);
  for (const s of sections) {
    const context = CONTEXT[s.n];
    if (!context) continue;
    for (const line of joinWrapped(s.text.split('\n'))) {
      const at = place(line.pieces);
      const text = line.pieces.join('');
      if (text.includes('|')) rows.push(...pipeRow(text, at, context));
      // A short line without figures heads what follows (`（一）行政复议` over that group's block).
      else if (!/\d/.test(text) && squeeze(text).length <= 30) rows.push({ label: squeeze(text), cells: [], context });
      else rows.push(...runRows(text, at, context));
    }
  }
  return rows;
}

/** Offset in the document of a character of a (joined) line, undefined when the line was not found there. */
type At = (i: number) => number | undefined;

/**
 * Finds the lines of the sections (trimmed, cleaned, some joined from two) in the document, in
 * reading order: each piece is searched from where the previous line ended.
 */
function placer(text: string): (pieces: string[]) => At {
  let cursor = 0;
  return (pieces) => {
    const found: number[] = [];
    let from = cursor;
    for (const p of pieces) {
      const i = text.indexOf(p, from);
      if (i < 0) return () => undefined;
      found.push(i);
      from = i + p.length;
    }
    cursor = from;
    return (i) => {
      for (let k = 0, start = 0; k < pieces.length; start += pieces[k].length, k++) if (i < start + pieces[k].length) return found[k] + i - start;
      return undefined;
    };
  };
}

/**
 * A pipe row whose last cell is label text and that does not end with `|` was wrapped by the
 * scraper (`| （二）部分公开（区分处理的，只计这一情形，不计其` / `他情形） || 31 | 4 …`): rejoin it.
 * The continuation carries the rest of the row's cells; a line with no `|` is a row of its own
 * (`行政处罚` whose blank cell was dropped), never the tail of the row above.
 */
function joinWrapped(lines: string[]): { pieces: string[] }[] {
  const out: { pieces: string[] }[] = [];
  for (const line of lines) {
    const prev = out[out.length - 1]?.pieces.join('');
    const head = line.split('|')[0].trim();
    if (
      prev !== undefined &&
      prev.includes('|') &&
      line.includes('|') &&
      !/\|\s*$/.test(prev) &&
      !isValueCell(prev.slice(prev.lastIndexOf('|') + 1).trim()) &&
      head &&
      !isValueCell(head)
    )
      out[out.length - 1].pieces.push(line);
    else out.push({ pieces: [line] });
  }
  return out;
}

function pipeRow(line: string, at: At, context: TableId): Row[] {
  if (/^[\s|:-]+$/.test(line)) return [];
  const lead = /^\s*\|/.exec(line)?.[0].length ?? 0;
  const parts = line
    .slice(lead)
    .replace(/\|\s*$/, '')
    .split('|');
  const cells: Cell[] = [];
  let i = lead;
  for (const p of parts) {
    const offset = at(i + p.length - p.trimStart().length);
    cells.push({ text: p.trim(), raw: p.trim(), loc: offset === undefined ? {} : { offset } });
    i += p.length + 1;
  }
  let lastLabel = -1;
  cells.forEach((c, i) => {
    if (!isValueCell(c.text)) lastLabel = i;
  });
  const values = cells.slice(lastLabel + 1);
  const label = squeeze(
    cells
      .slice(0, lastLabel + 1)
      .map((c) => c.text)
      .join(''),
  );
  // A row without numbers is a header: kept without cells, its words tell the format.
  return [{ label, cells: values.some((c) => /\d/.test(c.text)) ? values : [], context }];
}

/**
 * Digit runs glued to labels: `规章000行政规范性文件6233440第二十条…`. A run may hold spaces (kept:
 * a space always falls between cells), a decimal point, a sign or a 元 suffix. A digit right before
 * `.`/`、` and a Han character is the next label's numbering (`00000002.其他法律…`), not a value.
 */
const RUN = /[-−]?\d[\d ,，.\-−]*(?:万?元)?/g;

const PROSE_UNIT = /^[件项条个人次家篇期余万亿%％年月日号起份名户]/;

function runRows(line: string, at: At, context: TableId): Row[] {
  const rows: Row[] = [];
  let labelStart = 0;
  for (const m of line.matchAll(RUN)) {
    let run = m[0];
    let end = m.index! + run.length;
    const next = line.slice(end, end + 2);
    if (/^[.．、]\p{Script=Han}/u.test(next) || (/[.．、]$/.test(run) && /^\p{Script=Han}/u.test(next))) {
      // Trailing `2.` belongs to the following label.
      const trimmed = run.replace(/[.．、]$/, '');
      run = trimmed.slice(0, -1);
      end = m.index! + run.length;
    } else run = run.replace(/[ ,，.\-−]+$/, '');
    const label = squeeze(line.slice(labelStart, m.index!));
    const after = line.slice(end, end + 1);
    // Prose states figures with a unit (`予以公开122件`, `2024年`); table cells carry none.
    if (run.trim() && /\d/.test(run) && label && !/[第]$/.test(label) && !PROSE_UNIT.test(after)) {
      const offset = at(m.index!);
      rows.push({ label, cells: [{ text: run.trim(), raw: run.trim(), loc: offset === undefined ? {} : { offset } }], runs: true, context });
      labelStart = end;
    } else if (!run.trim()) labelStart = m.index!;
  }
  return rows;
}
