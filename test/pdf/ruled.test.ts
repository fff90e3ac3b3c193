import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { partitionPdf } from '../../lambdas/core/partition/pdf';
import type { Token } from '../../lambdas/core/partition/pdf/layout';
import { loadPdf } from '../../lambdas/core/partition/pdf/load';
import { ruledGrids, ruledTables } from '../../lambdas/core/partition/pdf/ruled';
import type { Rule } from '../../lambdas/core/partition/pdf/ruling';
import { limits } from '../../lambdas/core/record/options';
import { parseReport } from '../../lambdas/core/record/parse-report';
import { extractTables } from '../../lambdas/core/tables';
import { inflatedStreams } from './content-streams';
import { makePdf } from './make-pdf';

const SAMPLES = join(__dirname, '../../samples/pdf');

/** A text run at (x, baseline y): CJK one em wide, ASCII half an em. */
const tok = (str: string, x: number, y: number, page = 1, fs = 10): Token => {
  const w = [...str].reduce((n, c) => n + (/[\x00-\x7f]/.test(c) ? fs / 2 : fs), 0);
  return { str, x, x2: x + w, y, fs, page, item: 0 };
};
const h = (y: number, x1: number, x2: number): Rule => ({ x1, y1: y, x2, y2: y });
const v = (x: number, y1: number, y2: number): Rule => ({ x1: x, y1, x2: x, y2 });

/** A grid of full-length rules: vertical rules at `xs`, horizontal at `ys` (top to bottom). */
const grid = (xs: number[], ys: number[]): Rule[] => [...xs.map((x) => v(x, ys[ys.length - 1], ys[0])), ...ys.map((y) => h(y, xs[0], xs[xs.length - 1]))];
const texts = (rows: { text: string }[][]) => rows.map((r) => r.map((c) => c.text));

describe('ArrayBuffer.prototype.transferToFixedLength (pdf.js needs it; Node 20 lacks it)', () => {
  it('exists once pdf.js is loaded, moves the bytes to a buffer of the asked length and detaches the original', async () => {
    await loadPdf(makePdf([{ text: ['x'] }]), { maxPages: 5, timeoutMs: 10_000 });
    const buf = new Uint8Array([1, 2, 3, 4]).buffer;
    const moved = (buf as ArrayBuffer & { transferToFixedLength(n?: number): ArrayBuffer }).transferToFixedLength(6);
    expect([...new Uint8Array(moved)]).toEqual([1, 2, 3, 4, 0, 0]);
    expect(buf.byteLength).toBe(0);
  });

  it('lets pdf.js return every stroked rule of a LibreOffice page (without it, Node 20 silently drops some)', async () => {
    const file = join(SAMPLES, 'gen-2021-pdf-sparse-lo.pdf');
    // The oracle: the file's content streams inflated, where Writer strokes each rule as `x y m x y l S`.
    const stroked = (
      inflatedStreams(readFileSync(file))
        .join('\n')
        .match(/ l S\b/g) ?? []
    ).length;
    const pdf = await loadPdf(new Uint8Array(readFileSync(file)), { maxPages: 20, timeoutMs: 30_000, ruled: () => true });
    expect(stroked).toBeGreaterThan(50);
    expect(pdf.pages.reduce((n, p) => n + (p.rules?.length ?? 0), 0)).toBe(stroked);
  });
});

describe('ruledTables', () => {
  const xs = [50, 200, 260, 320];
  const ys = [700, 680, 650, 630];
  const header = [tok('信息内容', 60, 686), tok('甲', 210, 686), tok('乙', 270, 686), tok('丙', 330, 686)];

  it('puts each run in the cell that holds it: wrapped labels join, numbers at any alignment, blank cells stay blank, boxes given', () => {
    const rows = [
      tok('一、很长的标签', 60, 668),
      tok('折行', 60, 656),
      tok('3', 205, 662),
      tok('12', 300, 662),
      tok('二、下一行', 60, 636),
      tok('7', 250, 636),
    ];
    const { tables, rest, findings } = ruledTables(1, grid([...xs, 380], ys), [...header, ...rows, tok('表外', 60, 600)]);
    expect(findings).toEqual([]);
    expect(tables).toHaveLength(1);
    expect(texts(tables[0].rows)).toEqual([
      ['信息内容', '甲', '乙', '丙'],
      ['一、很长的标签折行', '3', '12', ''],
      ['二、下一行', '7', '', ''],
    ]);
    expect(tables[0].rows[1][1].loc).toEqual(expect.objectContaining({ page: 1, x: 205, y: 662, box: { x: 200, y: 650, w: 60, h: 30 } }));
    expect(tables[0].rows[1][3].loc.box).toEqual({ x: 320, y: 650, w: 60, h: 30 });
    expect(rest.map((t) => t.str)).toEqual(['表外']);
  });

  it('merges cells where no rule is drawn between them and repeats the spanning cell', () => {
    // The header row has no rule between 甲 and 乙: one cell over two columns.
    const rules = [...grid([50, 200, 320, 380], ys), v(260, ys[3], ys[1])];
    const { tables } = ruledTables(1, rules, [tok('申请人', 230, 686), tok('一、行', 60, 662), tok('1', 205, 662), tok('2', 265, 662), tok('3', 325, 662)]);
    const [head, row] = tables[0].rows;
    expect(texts([head, row])).toEqual([
      ['', '申请人', '申请人', ''],
      ['一、行', '1', '2', '3'],
    ]);
    expect(head[1]).toBe(head[2]);
    expect(head[1].loc.box).toEqual({ x: 200, y: 680, w: 120, h: 20 });
  });

  it('joins a number wrapped digit by digit in a narrow cell, and keeps apart two numbers that had room side by side', () => {
    const rules = grid([50, 200, 214, 320], [700, 660]);
    const { tables, findings } = ruledTables(1, rules, [tok('标签', 60, 685), tok('2', 203, 685), tok('6', 203, 673)]);
    expect(texts(tables[0].rows)).toEqual([['标签', '26', '']]);
    expect(findings).toEqual([]);
    const two = ruledTables(1, rules, [tok('标签', 60, 685), tok('3', 220, 685), tok('5', 220, 673)]);
    expect(texts(two.tables[0].rows)).toEqual([['标签', '', '']]);
    expect(two.findings.map((f) => [f.rule, f.keys])).toEqual([['P-CELL-NUMBERS', []]]);
    expect(two.findings[0].message).toContain('3、5');
  });

  it('reports a number beside the table, level with its rows, and places it nowhere', () => {
    const { tables, rest, findings } = ruledTables(1, grid([...xs, 380], ys), [...header, tok('一、行', 60, 662), tok('4', 205, 662), tok('9', 400, 662)]);
    expect(texts(tables[0].rows)[1]).toEqual(['一、行', '4', '', '']);
    expect(findings.map((f) => f.rule)).toEqual(['P-NUMBER-NO-COLUMN']);
    expect(findings[0].message).toContain('「9」');
    expect(rest).toEqual([]);
  });
});

describe('ruledGrids', () => {
  it('reads a table broken over two pages as one, joining the row and the group label cut by the break', () => {
    // The group column (50–100) has no rule between its rows: one cell, continued on the next page.
    const cols = (y1: number, y2: number) => [50, 100, 200, 260].map((x) => v(x, y1, y2));
    const page1 = ruledTables(
      1,
      [...cols(100, 300), h(300, 50, 260), h(250, 100, 260), h(100, 50, 260)],
      [tok('三、结果', 55, 200), tok('1.第一项', 105, 280), tok('5', 205, 280), tok('2.被分页', 105, 230), tok('切断的', 105, 215), tok('6', 205, 230)],
    );
    const page2 = ruledTables(
      2,
      [...cols(700, 780), h(780, 50, 260), h(760, 100, 260), h(700, 50, 260)],
      [tok('标签', 105, 765), tok('3.第三项', 105, 720), tok('7', 205, 720)],
    );
    const grids = ruledGrids([...page2.tables, ...page1.tables]);
    expect(grids).toHaveLength(1);
    expect(texts(grids[0].rows)).toEqual([
      ['三、结果', '1.第一项', '5'],
      ['三、结果', '2.被分页切断的标签', '6'],
      ['三、结果', '3.第三项', '7'],
    ]);
  });

  it('keeps tables apart when the next page starts a table of other width', () => {
    const a = ruledTables(1, grid([50, 100, 200], [300, 250]), [tok('1.甲', 55, 280), tok('5', 105, 280)]);
    const b = ruledTables(2, grid([50, 150, 400], [780, 740]), [tok('乙', 55, 760), tok('6', 155, 760)]);
    expect(ruledGrids([...a.tables, ...b.tables])).toHaveLength(2);
  });
});

describe('ruled tables from real PDF drawing operators', () => {
  // A 3-column table drawn as stroked lines (Writer) or as thin filled rectangles (Chromium, WPS), with a number beside it.
  const text = (s: string, x: number, y: number) => `BT /F1 10 Tf 1 0 0 1 ${x} ${y} Tm (${s}) Tj ET`;
  const cells = [
    text('Item', 60, 686),
    text('Count', 210, 686),
    text('Other', 270, 686),
    text('alpha', 60, 662),
    text('4', 205, 662),
    text('beta', 60, 638),
    text('7', 265, 638),
    text('9', 400, 662),
  ];
  const xs = [50, 200, 260, 320];
  const ys = [700, 675, 650, 625];
  const stroked = [...xs.map((x) => `${x} 625 m ${x} 700 l S`), ...ys.map((y) => `50 ${y} m 320 ${y} l S`)].join('\n');
  const filled = [...xs.map((x) => `${x - 0.4} 625 0.8 75 re f`), ...ys.map((y) => `50 ${y - 0.4} 270 0.8 re f`)].join('\n');

  it.each([
    ['stroked lines', stroked],
    ['thin filled rectangles', filled],
  ])('builds the cells from %s, leaves blank cells blank and reports the number in no column', async (_, rules) => {
    const doc = await partitionPdf(makePdf([{ stream: `${rules}\n${cells.join('\n')}` }]), limits({}));
    expect(doc.grids.map((g) => texts(g.rows))).toEqual([
      [
        ['Item', 'Count', 'Other'],
        ['alpha', '4', ''],
        ['beta', '', '7'],
      ],
    ]);
    expect(doc.grids[0].rows[1][1].loc).toEqual(expect.objectContaining({ page: 1, table: 0, row: 1, col: 1, box: { x: 200, y: 650, w: 60, h: 25 } }));
    expect(doc.findings?.map((f) => f.rule)).toEqual(['P-NUMBER-NO-COLUMN']);
  });
});

describe('value evidence from a ruled PDF', () => {
  it('gives every value its page and the box of its cell, in PDF points', async () => {
    const id = 'gen-2021-pdf-sparse-chromium';
    const report = await parseReport({ id, name: `${id}.pdf`, bytes: new Uint8Array(readFileSync(join(SAMPLES, `${id}.pdf`))) });
    expect(report.status).toBe('parsed');
    const evidence = Object.values(report.evidence);
    expect(evidence.length).toBeGreaterThan(40);
    for (const e of evidence) {
      const { box, x, y } = e.loc ?? {};
      expect(e.page).toEqual(e.loc?.page);
      expect(box).toEqual({ x: expect.any(Number), y: expect.any(Number), w: expect.any(Number), h: expect.any(Number) });
      // The printed figure lies inside its cell.
      expect(x! >= box!.x && x! <= box!.x + box!.w && y! >= box!.y && y! <= box!.y + box!.h).toBe(true);
    }
  });
});

describe('a ruled table cut by the page edge', () => {
  // Table 4 drawn 12 columns wide from the left margin to the right edge of a page 600 points wide: LibreOffice leaves out the three columns past the edge.
  const T4_HEAD = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
  const xs = Array.from({ length: 13 }, (_, k) => 60 + 45 * k);
  const t4 = (values: string[]) => [
    ...[...T4_HEAD, ...T4_HEAD, ...T4_HEAD].slice(0, 12).map((s, k) => tok(s, xs[k] + 5, 686)),
    ...values.flatMap((s, k) => (s ? [tok(s, xs[k] + 5, 666)] : [])),
  ];
  // A small table 2 above it tells the 2021 form.
  const t2 = [
    tok('信息内容', 45, 786),
    tok('本年制发件数', 155, 786),
    tok('本年废止件数', 255, 786),
    tok('现行有效件数', 355, 786),
    tok('规章', 45, 766),
    tok('1', 155, 766),
    tok('0', 255, 766),
    tok('3', 355, 766),
  ];
  const rules = [...grid([40, 150, 250, 350, 450], [800, 780, 760]), ...grid(xs, [700, 680, 660])];
  const read = (values: string[], width: number, shift = 0) => {
    const moved = rules.map((r) => ({ ...r, x1: r.x1 - shift, x2: r.x2 - shift }));
    const page = ruledTables(
      1,
      moved,
      [...t2, ...t4(values)].map((t) => ({ ...t, x: t.x - shift, x2: t.x2 - shift })),
      width,
    );
    const grids = ruledGrids(page.tables).map((g, index) => ({ index, rows: g.rows }));
    return extractTables({ kind: 'pdf', text: '', raw: '', grids }, []);
  };
  const t4Values = (t: ReturnType<typeof extractTables>) => Object.fromEntries(t.values.filter((v) => v.key.startsWith('t4.')).map((v) => [v.key, v.value]));

  it('marks the cells of the last column as cut only when the table reaches the page edge', () => {
    const cut = ruledTables(1, rules, t4(['0']), 600).tables.find((t) => t.x2 === 600)!;
    expect(cut.rows.flat().some((c) => c.cutLeft)).toBe(false);
    expect(cut.rows.map((r) => r.map((c) => Boolean(c.cutRight)))).toEqual(cut.rows.map((r) => r.map((_, j) => j === 11)));
    const whole = ruledTables(1, rules, t4(['0']), 620).tables.flatMap((t) => t.rows.flat());
    expect(whole.some((c) => c.cutRight)).toBe(false);
  });

  it('places each printed cell by its column, keeps a blank cell blank and reports the columns past the edge', () => {
    const t = read(['0', '1', '0', '2', '3', '1', '', '0', '0', '1', '2', '0'], 600);
    expect(t4Values(t)).toEqual({
      't4.review.upheld': 0,
      't4.review.corrected': 1,
      't4.review.other': 0,
      't4.review.pending': 2,
      't4.review.total': 3,
      't4.litigationDirect.upheld': 1,
      't4.litigationDirect.other': 0,
      't4.litigationDirect.pending': 0,
      't4.litigationDirect.total': 1,
      't4.litigationAfterReview.upheld': 2,
      't4.litigationAfterReview.corrected': 0,
    });
    expect(t.findings.map((f) => [f.rule, f.keys])).toEqual([
      ['P-TABLE-CUT', ['t4.litigationAfterReview.other', 't4.litigationAfterReview.pending', 't4.litigationAfterReview.total']],
    ]);
    // The evidence is the cell in the column, with its box.
    expect(t.values.find((v) => v.key === 't4.litigationDirect.other')?.evidence.loc?.box).toEqual({ x: 375, y: 660, w: 45, h: 20 });
  });

  it('without the page edge the same short row is not placed by position', () => {
    const t = read(['0', '1', '0', '2', '3', '1', '', '0', '0', '1', '2', '0'], 700);
    expect(t.findings.map((f) => f.rule)).not.toContain('P-TABLE-CUT');
    expect(t4Values(t)['t4.litigationAfterReview.corrected']).toBeUndefined();
  });

  it("reads nothing from a row cut at the left edge too: its first printed column may not be the form's first", () => {
    // The same table moved 60 points left: its first column now starts at the page's left edge, both edges cut.
    const t = read(['0', '1', '0', '2', '3', '1', '', '0', '0', '1', '2', '0'], 600 - 60, 60);
    expect(t4Values(t)).toEqual({});
    expect(t.findings.map((f) => f.rule)).toEqual(['P-TABLE-CUT']);
    expect(t.findings[0].message).toContain('左边缘');
    expect(t.findings[0].keys).toHaveLength(15);
  });

  it('reads nothing from a cut row whose printed groups break the form (a group total that is not its sum)', () => {
    const t = read(['0', '1', '0', '2', '5', '1', '', '0', '0', '1', '2', '0'], 600);
    expect(t4Values(t)).toEqual({});
    expect(t.findings.map((f) => f.rule)).toEqual(['P-ROW-SHAPE']);
  });
});
