import { load } from 'cheerio/slim';
import type { AnyNode, Element } from 'domhandler';
import type { Cell, Decoded, DocText, Grid } from '../types';
import { readHeaderDate } from '../metadata/published-at';
import { foldSpace } from './normalize';

const SKIP = new Set(['script', 'style', 'noscript', 'template', 'head', 'iframe', 'svg', 'object', 'select', 'button']);
const BLOCK = new Set(['p', 'div', 'br', 'li', 'ul', 'ol', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'section', 'article', 'tr', 'table', 'center', 'blockquote', 'dd', 'dt', 'pre', 'hr']);
/** Guard against pathological nesting: deeper content is still read, but flat. */
const MAX_DEPTH = 200;

/** HTML page to the format-blind document: text in reading order (table rows as `a | b` lines) and leaf tables as grids. */
export function partitionHtml(decoded: Decoded): DocText {
  const $ = load(decoded.text);
  const grids: Grid[] = [];
  const leafTables = $('table')
    .toArray()
    .filter((t) => $(t).find('table').length === 0);
  leafTables.forEach((t, i) => grids.push(tableGrid($, t as Element, i)));
  const body = $('body').get(0) ?? $.root().get(0);
  const text = body ? blockText(body) : '';
  const raw = decoded.script === 'traditional' ? rawText(decoded.raw) : text;
  const metaDate = $('meta[name="PubDate"], meta[name="pubdate"], meta[name="firstpublishedtime"], meta[property="article:published_time"]').attr('content');
  return {
    kind: 'html',
    text,
    raw: raw.length === text.length ? raw : text,
    title: foldSpace($('title').first().text()) || undefined,
    grids,
    publishedAt: readHeaderDate(text.slice(0, 20000)) ?? (metaDate ? readHeaderDate(`发布日期 ${metaDate}`) : undefined),
  };
}

function rawText(html: string): string {
  const $ = load(html);
  const body = $('body').get(0) ?? $.root().get(0);
  return body ? blockText(body) : '';
}

/** Text with a line per block and ` | ` between cells, so prose and table rows stay apart. */
function blockText(root: AnyNode): string {
  const out: string[] = [];
  const walk = (n: AnyNode, depth: number) => {
    if (n.type === 'text') {
      out.push((n as unknown as { data: string }).data.replace(/[\r\n\t ]+/g, ' '));
      return;
    }
    if (n.type !== 'tag' && n.type !== 'root') return;
    const el = n as Element;
    const name = el.name?.toLowerCase();
    if (name && SKIP.has(name)) return;
    const block = name !== undefined && BLOCK.has(name);
    if (block) out.push('\n');
    for (const c of el.children ?? []) walk(c, Math.min(depth + 1, MAX_DEPTH));
    if (name === 'td' || name === 'th') out.push(' | ');
    if (block) out.push('\n');
  };
  walk(root, 0);
  return out
    .join('')
    .split('\n')
    .map((l) => foldSpace(l))
    .filter((l) => l !== '' && l !== '|')
    .join('\n');
}

/** Expands rowspan/colspan into a rectangular grid: a spanning cell repeats in every slot it covers. */
function tableGrid($: ReturnType<typeof load>, table: Element, index: number): Grid {
  const rows: Cell[][] = [];
  const trs = $(table).find('tr').toArray();
  trs.forEach((tr, r) => {
    rows[r] ??= [];
    let c = 0;
    for (const td of $(tr).children('td, th').toArray()) {
      while (rows[r][c]) c++;
      const text = foldSpace($(td).text());
      const rs = span($(td).attr('rowspan'));
      const cs = span($(td).attr('colspan'));
      for (let dr = 0; dr < rs && r + dr < trs.length; dr++) {
        rows[r + dr] ??= [];
        for (let dc = 0; dc < cs; dc++) rows[r + dr][c + dc] = { text, raw: text, loc: { table: index, row: r, col: c } };
      }
      c += cs;
    }
  });
  return { index, rows: rows.map((row) => Array.from(row, (cell, c) => cell ?? { text: '', raw: '', loc: { table: index, col: c } })) };
}

const span = (v: string | undefined) => {
  const n = Number.parseInt(v ?? '1', 10);
  return Number.isFinite(n) && n >= 1 ? Math.min(n, 100) : 1;
};
