/** A bounded stretch of a report's text around one cell, and where the cell is in it. */
export interface SourceWindow {
  /** Offset of `text` in the document text. */
  start: number;
  text: string;
  /** The cell's characters within `text`: [start, end). */
  mark: { start: number; end: number };
  /** The document text goes on before / after the window. */
  before: boolean;
  after: boolean;
}

/** Characters of context on each side of the cell, before the cut to whole lines. */
export const WINDOW_CONTEXT = 240;

/**
 * The text around `[at, at + len)`: up to `context` characters each side, cut back to whole lines
 * where a line break falls inside that margin, so the window starts and ends on a line.
 */
export function sourceWindow(text: string, at: number, len: number, context = WINDOW_CONTEXT): SourceWindow {
  const end = Math.min(text.length, at + len);
  let from = Math.max(0, at - context);
  let to = Math.min(text.length, end + context);
  const firstBreak = text.indexOf('\n', from);
  if (from > 0 && firstBreak >= 0 && firstBreak < at) from = firstBreak + 1;
  const lastBreak = text.lastIndexOf('\n', to - 1);
  if (to < text.length && lastBreak >= end) to = lastBreak;
  return { start: from, text: text.slice(from, to), mark: { start: at - from, end: end - from }, before: from > 0, after: to < text.length };
}
