/**
 * The text readers, one drawing convention each, on small texts written as the tools write them: each
 * yields grids the table mapping reads like HTML's (test/scrapers/ runs them on the tools' real output).
 */
import { parseReport } from '../../lambdas/core/record/parse-report';
import { readText } from '../../lambdas/core/partition/read-text';
import { ownLabel } from '../../lambdas/core/tables/classify';
import type { Report } from '../../lambdas/core/types';

const HEAD = ['某县民政局2024年政府信息公开工作年度报告', '本报告所列数据统计期限为2024年1月1日至2024年12月31日。', '一、总体情况', '本年度工作有序开展。'];
const TAIL = ['五、存在的主要问题及改进情况', '宣传不够深入。', '六、其他需要报告的事项', '无。'];
/** A report whose section 3 holds `table` (its rows say the format: 逾期不补正 only the 2021 form has). */
const report = (table: string[]) =>
  [
    ...HEAD,
    '二、主动公开政府信息情况',
    '无。',
    '三、收到和处理政府信息公开申请情况',
    '',
    ...table,
    '',
    '四、政府信息公开行政复议、行政诉讼情况',
    '无。',
    ...TAIL,
  ].join('\n');
/** The 2021 form's marker row, as each convention prints it. */
const MARK = '1.申请人无正当理由逾期不补正';
/** Figures as pdftotext writes a row's cells in blocks: one per line, a blank line after each. */
const blocks = (figures: string) => figures.split(' ').flatMap((d) => [d, '']);
const parse = (text: string): Promise<Report> => parseReport({ id: 'r', name: 'r.txt', bytes: new Uint8Array(Buffer.from(text)) });
const grids = (text: string) => readText(new Uint8Array(Buffer.from(text)), 'text').doc.grids;
const t3 = (r: Report, row: string) =>
  Object.fromEntries(
    Object.entries(r.values)
      .filter(([k]) => k.startsWith(`t3.${row}.`))
      .map(([k, v]) => [k.split('.').pop(), v]),
  );

describe('box-drawn tables (w3m)', () => {
  const box = [
    '┌──────────────────────┬──────┬────┬────┐',
    '│                      │自然人│商业│总计│',
    '├──────────────────────┼──────┼────┼────┤',
    '│一、本年新收政府信息公│ 26   │    │ 26 │',
    '│开申请数量            │      │    │    │',
    '├──────────┬───────────┼──────┼────┼────┤',
    '│三、本年度│（一）予以 │ 20   │ 1  │ 21 │',
    '│办理结果  │公开       │      │    │    │',
    '│          ├───────────┼──────┼────┼────┤',
    '│          │（二）部分 │ 3    │    │ 3  │',
    '│          │公开       │      │    │    │',
    '└──────────┴───────────┴──────┴────┴────┘',
  ];

  it('joins a label wrapped inside its cell, repeats a spanning label, keeps blank cells blank', () => {
    const [g] = grids(report(box));
    const texts = g.rows.map((r) => r.map((c) => c.text));
    expect(texts[1]).toEqual(['一、本年新收政府信息公开申请数量', '一、本年新收政府信息公开申请数量', '26', '', '26']);
    expect(texts[2]).toEqual(['三、本年度办理结果', '（一）予以公开', '20', '1', '21']);
    expect(texts[3]).toEqual(['三、本年度办理结果', '（二）部分公开', '3', '', '3']);
    // A value's offset points at its printed digits.
    const cell = g.rows[2][3];
    expect(report(box).slice(cell.loc.offset, cell.loc.offset! + 1)).toBe('1');
  });

  it('reads ASCII grids (+---+) the same way', () => {
    const ascii = ['+------+----+----+', '|      |商业|总计|', '+======+====+====+', '|规章  | 2  | 5  |', '+------+----+----+'];
    const [g] = grids(ascii.join('\n'));
    expect(g.rows.map((r) => r.map((c) => c.text))).toEqual([
      ['', '商业', '总计'],
      ['规章', '2', '5'],
    ]);
  });
});

describe('html2text pipe tables', () => {
  const pipes = [
    '（本列数据的勾稽关系）',
    '',
    '| ',
    '',
    '自然人',
    '',
    '| ',
    '',
    '总计  ',
    '  ',
    '---|---  ',
    '  ',
    '一、本年新收政府信息公开申请数量',
    '',
    '| ',
    '',
    '26',
    '',
    '| ',
    '',
    '26  ',
    '  ',
    '（一）予以公开',
    '',
    '| ',
    '',
    '4',
    '',
    '| ',
    '',
    '   ',
    '  ',
    '（二）部分公开',
    '',
    '| ',
    '',
    '1',
    '',
    '| ',
    '',
    '1  ',
    '  ',
  ];

  it('splits cells at a lone |, ends rows at the Markdown break, an empty last cell included', () => {
    const [g] = grids(report(pipes));
    expect(g.rows.map((r) => r.map((c) => c.text))).toEqual([
      ['（本列数据的勾稽关系）', '自然人', '总计'],
      ['一、本年新收政府信息公开申请数量', '26', '26'],
      ['（一）予以公开', '4', ''],
      ['（二）部分公开', '1', '1'],
    ]);
  });
});

describe('space-aligned columns (pdftotext -layout)', () => {
  const rows = (label: string, v: number[]) => label.padEnd(20, '　') + v.map((n) => String(n).padStart(6)).join('');
  const page1 = [
    '   申请人情况',
    '                    自然人  商业  科研  社会  法律  其他  总计',
    rows('一、本年新收政府信息公开申请数量', [21, 0, 0, 0, 0, 0, 21]),
  ];
  const page2 = [
    '-1-',
    '\f' + rows('二、上年结转政府信息公开申请数量', [3, 1, 0, 0, 0, 0, 4]),
    rows('（一）予以公开', [10, 1, 0, 0, 0, 0, 11]),
    rows(MARK, [0, 0, 0, 0, 0, 0, 0]),
  ];

  it('reads the columns from the figures, across a form feed, the page number left out', async () => {
    const r = await parse(report([...page1, ...page2]));
    expect(t3(r, 'newReceived')).toEqual({ natural: 21, commercial: 0, research: 0, social: 0, legal: 0, other: 0, total: 21 });
    expect(t3(r, 'carriedOver')).toEqual({ natural: 3, commercial: 1, research: 0, social: 0, legal: 0, other: 0, total: 4 });
    expect(t3(r, 'granted').total).toBe(11);
  });

  // A sparse table 3 whose header began on the page before: this page prints only the titles over its
  // blank columns (letter-spaced, wrapped), and pdftotext packs each page on a scale of its own.
  const at = (label: string, first: number, total: number) => `${label.padEnd(32)}${String(first).padEnd(31)}${total}`;
  const sparse = (titles: string[]) => [
    '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）   申请人情况',
    '                     自然   法人或其他组织   总计',
    '                     人',
    '\f' + titles.join('\n'),
    at('一、本年新收政府信息公开申请数量', 26, 26),
    at('二、上年结转政府信息公开申请数量', 0, 0),
    at('      （一）予以公开', 26, 26),
    at(`      ${MARK}`, 0, 0),
  ];
  const titled = [
    '                                     商业   科研   社 会   法律   其他',
    '                                               公 益   服务',
    '                                     企业   机构   组织    机构',
  ];

  it('places a sparse row’s figures by the titles its page names between them: none before 商业企业, none after 其他', async () => {
    const r = await parse(report(sparse(titled)));
    expect(t3(r, 'newReceived')).toEqual({ natural: 26, total: 26 });
    expect(t3(r, 'carriedOver')).toEqual({ natural: 0, total: 0 });
    expect(t3(r, 'granted')).toEqual({ natural: 26, total: 26 });
    expect(r.findings.filter((f) => f.rule === 'P-SPLIT-AMBIGUOUS')).toEqual([]);
  });

  it('places nothing by titles packed apart from the figures, or naming too few columns: the rows stay open', async () => {
    // The header's block laid out on its own scale: the titles stand left of the first figure.
    const packed = titled.map((l) => l.slice(20));
    const onlyOne = ['                                     商业', '                                     企业'];
    for (const titles of [packed, onlyOne]) {
      const r = await parse(report(sparse(titles)));
      expect(t3(r, 'newReceived')).toEqual({ total: 26 });
      // The 26 may be any applicant's: all six placements stay open.
      expect(r.findings.find((f) => f.rule === 'P-SPLIT-AMBIGUOUS' && f.keys.includes('t3.newReceived.natural'))?.candidates).toHaveLength(6);
    }
  });
  // LibreOffice centres each line of a wrapped title in its cell, and pdftotext -layout lays the header's lines out on a
  // scale of their own: the titles' first lines (`商业企`, `其`) stand a column left of their second lines and figures.
  const wrapped = [
    '（本列数据的勾稽关系为：第一项加第二项之和，等于第                      法人或其他组织',
    '三项加第四项之和）                        自然                              总',
    '                                  人    商业企 科研 社会公 法律服务 其         计',
    '                                           业   机构 益组织   机构   他',
    '',
    '                                                                 20',
    '一、本年新收政府信息公开申请数量                 197       2   0   0     5   0',
    '                                                                  4',
    '',
    '二、上年结转政府信息公开申请数量                  13       0   0   0     0   0   13',
    '',
    '三、本年度                                                            11',
    '                （一）予以公开          109       0   0   0     3   0',
    '                                                                  2',
    `${MARK}${' '.repeat(20)}0       0   0   0     0   0    0`,
  ];

  it('adds no blank column for a wrapped title’s first line a column apart: every column holds figures', async () => {
    const r = await parse(report(wrapped));
    expect(t3(r, 'newReceived')).toEqual({ natural: 197, commercial: 2, research: 0, social: 0, legal: 5, other: 0, total: 204 });
    expect(t3(r, 'carriedOver')).toEqual({ natural: 13, commercial: 0, research: 0, social: 0, legal: 0, other: 0, total: 13 });
    expect(t3(r, 'granted')).toEqual({ natural: 109, commercial: 0, research: 0, social: 0, legal: 3, other: 0, total: 112 });
    expect(r.findings.filter((f) => f.rule === 'P-ROW-SHAPE')).toEqual([]);
  });
  // wkhtmltopdf's sparse table through pdftotext -layout: each line laid out on its own scale, so the figure 3 stands a
  // column right of its title 科研机构's end, nearer it than any other title, and short of 社会公益组织.
  const beside = [
    '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）                                                     法人或其他组织',
    '                                                       自然                                                     总',
    '                                                       人           商业企         科研机      社会公益组    法律服务机    其   计',
    '                                                                    业           构         织        构      他',
    '一、本年新收政府信息公开申请数量                                          55                       3               5          63',
    '二、上年结转政府信息公开申请数量                                     12                                           12',
    `${MARK}${' '.repeat(40)}0`,
  ];

  it('places a sparse row’s figure by the title it stands a column beside, not the next title’s column', async () => {
    const r = await parse(report(beside));
    expect(t3(r, 'newReceived')).toEqual({ natural: 55, research: 3, legal: 5, total: 63 });
  });
});

describe('one cell per line', () => {
  const header = ['申请人情况', '自然人', '法人或其他组织', '总计', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'];

  it('BeautifulSoup: a label takes the figures after it; a short row is left open with every placement its total admits', async () => {
    // BeautifulSoup writes no blank line anywhere.
    const r = await parse(
      report([
        ...header,
        '一、本年新收政府信息公开申请数量',
        '314',
        '5',
        '319',
        '（一）予以公开',
        '（二）部分公开',
        '1',
        '1',
        '1.',
        '属于国家秘密',
        '2',
        '2',
        MARK,
        '0',
        '0',
      ]).replace(/\n\n/g, '\n'),
    );
    const open = r.findings.find((f) => f.rule === 'P-SPLIT-AMBIGUOUS' && f.keys.includes('t3.newReceived.total'))!;
    const total = open.keys.indexOf('t3.newReceived.total');
    // The printed cells keep their order; a total, when placed, is 314 + 5 (a blank is never zero, so readings without one stay).
    expect(open.candidates).toHaveLength(35);
    expect(open.candidates!.filter((c) => c[total] !== null).map((c) => c[total])).toEqual(Array(15).fill(319));
    expect(r.values['t3.newReceived.natural']).toBeUndefined();
    // The split label (`1.` / `属于国家秘密`) is one.
    expect(r.findings.some((f) => f.keys.includes('t3.denied.stateSecret.total'))).toBe(true);
  });

  it('BeautifulSoup: a decimal split at Word’s runs reads whole, the point on either line (`14` / `.50`, `0.` / `25`)', async () => {
    const clause = (amount: string[]) =>
      [
        ...HEAD,
        '二、主动公开政府信息情况',
        ...['第二十条第（八）项', '信息内容', '上一年项目数量', '本年增/减', '行政事业性收费', '35', '0'],
        ...['第二十条第（六）项', '信息内容', '上一年项目数量', '本年增/减', '处理决定数量', '行政处罚', '1564', '0', '2', '行政强制', '92', '0', '77'],
        ...['第二十条第（九）项', '信息内容', '采购项目数量', '采购总金额', '政府集中采购', '280', ...amount],
        ...TAIL,
      ].join('\n');
    for (const [amount, value] of [
      [['14', '.50'], 14.5],
      [['0.', '25'], 0.25],
    ] as const) {
      const r = await parse(clause([...amount]));
      expect([r.values['t2.procurement.count'], r.values['t2.procurement.amount']]).toEqual([280, value]);
    }
    // A fraction with no digits on the line above (here a label's) is no figure: the row is short, nothing made of the .50.
    const loose = await parse(clause(['.50']).replace('政府集中采购\n280\n.50', '政府集中采购\n.50\n280'));
    expect(Object.values(loose.values).filter((v) => v === 0.5 || v === 50 || v === 280.5)).toEqual([]);
  });

  it('pdftotext: a column of rows at a time is read back row by row, confirmed by each row total', async () => {
    const r = await parse(
      report([
        ...header,
        '',
        '一、本年新收政府信息公开申请数量',
        '',
        '9',
        '',
        '0',
        '',
        '0',
        '',
        '0',
        '',
        '0',
        '',
        '0',
        '',
        '9',
        '',
        '二、上年结转政府信息公开申请数量',
        '',
        ...['1\n2\n0', '0\n1\n0', '0\n0\n0', '0\n0\n0', '0\n0\n0', '0\n0\n0', '1\n3\n0'].flatMap((b) => [b, '']),
        '（二）部分公开',
        '',
        '1.属于国家秘密',
        '',
        ...'5000005'.split('').flatMap((d) => [d, '']),
        MARK,
      ]),
    );
    expect(t3(r, 'carriedOver')).toEqual({ natural: 1, commercial: 0, research: 0, social: 0, legal: 0, other: 0, total: 1 });
    expect(t3(r, 'granted')).toEqual({ natural: 2, commercial: 1, research: 0, social: 0, legal: 0, other: 0, total: 3 });
    expect(t3(r, 'denied.stateSecret').total).toBe(5);
  });

  it('pdftotext: a run after a column of labels fills the rows due, from the first not yet read to the last label’s', async () => {
    // pdftotext of a LibreOffice print: 3.其他's figures, then a column of labels, then the figures of both its rows in one run.
    const column = (labels: string[], figures: string) =>
      report([...header, '', MARK, '', ...blocks('0 0 0 0 0 0 0'), '3.其他', '', ...blocks('0 0 0 0 0 0 0'), labels.join('\n'), '', ...blocks(figures)]);
    const r = await parse(column(['（七）总计', '四、结转下年度继续办理'], '9 0 0 0 0 0 9 0 0 0 0 0 0 0'));
    expect(t3(r, 'totalProcessed')).toEqual({ natural: 9, commercial: 0, research: 0, social: 0, legal: 0, other: 0, total: 9 });
    expect(t3(r, 'carriedForward')).toEqual({ natural: 0, commercial: 0, research: 0, social: 0, legal: 0, other: 0, total: 0 });
    // A row between them the column does not name (（七）总计 here): nothing tells the figures' rows, none is read.
    const gap = await parse(
      column(['3.其他', '四、结转下年度继续办理'], '9 0 0 0 0 0 9 0 0 0 0 0 0 0').replace('3.其他\n\n0', '2.申请人逾期未按收费通知要求缴纳费用\n\n0'),
    );
    expect(Object.keys(gap.values).filter((k) => /^t3\.(carriedForward|totalProcessed|otherHandling\.other)\./.test(k))).toEqual([]);
    expect(gap.findings.find((f) => f.rule === 'P-CELL-ORDER' && f.evidence === '9 0 0 0 0 0 9 0 0 0 0 0 0 0')).toBeDefined();
  });

  it('pdftotext: a label the tool broke around its row’s figures owns none of them; a label complete before them does', async () => {
    const row = (before: string, after: string) =>
      report([...header, '', MARK, '', ...blocks('0 0 0 0 0 0 0'), before, '', ...blocks('0 0 0 0 0 11 11'), after]);
    const broken = await parse(row('2.没有现成', '信息需要另行制作'));
    expect(t3(broken, 'unable.needCreation')).toEqual({});
    expect(broken.findings.find((f) => f.rule === 'P-CELL-ORDER' && f.evidence === '0 0 0 0 0 11 11')?.keys).toContain('t3.unable.needCreation.natural');
    const whole = await parse(row('2.没有现成信息需要另行制作', '3.补正后申请内容仍不明确'));
    expect(t3(whole, 'unable.needCreation')).toEqual({ natural: 0, commercial: 0, research: 0, social: 0, legal: 0, other: 11, total: 11 });
  });

  it('pdftotext: figures before a label that has figures of its own are not that label’s (LibreOffice: 规章 above the column titles)', async () => {
    // pdftotext of a LibreOffice print: 规章 stands before the wrapped column titles, its figures after them, then the next row.
    const blocks = [
      ['第二十条第（一）项', '信息内容', '规章'],
      ['本年新制作数'],
      ['本年新公开数'],
      ['对外公开总数'],
      ['量'],
      ['量'],
      ['量'],
      ['0'],
      ['0'],
      ['1'],
      ['规范性文件'],
      ['88'],
      ['88'],
      ['434'],
      ['第二十条第（六）项', '信息内容'],
      ['上一年项目数', '量'],
      ['行政处罚'],
      ['1265'],
      ['0'],
      ['744'],
      ['行政强制'],
      ['187'],
      ['5'],
      ['88'],
    ];
    const r = await parse(
      [
        ...HEAD,
        '二、主动公开政府信息情况',
        ...blocks
          .map((b) => b.join('\n'))
          .join('\n\n')
          .split('\n'),
        ...TAIL,
      ].join('\n'),
    );
    expect([r.values['t2.normative.made'], r.values['t2.normative.published'], r.values['t2.normative.total']]).toEqual([88, 88, 434]);
    expect(Object.keys(r.values).filter((k) => k.startsWith('t2.rules.'))).toEqual([]);
    expect(r.findings.find((f) => f.rule === 'P-CELL-ORDER' && f.evidence === '0 0 1')).toBeDefined();
  });

  it('pdftotext: figures out of the order their identities need are reported, never read', async () => {
    const t4 = [
      '行政复议',
      '',
      '结果',
      '维持',
      '',
      ...['72', '64', '178', '37', '12', '1', '1', '6', '351', '13', '4', '8', '1', '26', '20'].flatMap((n) => [n, '']),
    ];
    const text = [...HEAD, '三、收到和处理政府信息公开申请情况', '', MARK, '', '0', '', '四、政府信息公开行政复议、行政诉讼情况', '', ...t4, ...TAIL].join(
      '\n',
    );
    const r = await parse(text);
    expect(Object.keys(r.values).filter((k) => k.startsWith('t4.'))).toEqual([]);
    expect(r.findings.find((f) => f.rule === 'P-CELL-ORDER')?.keys).toHaveLength(15);
  });

  it('reads no figure outside a table: a menu of row names with counts is no table', async () => {
    const menu = ['行政许可', '12', '行政处罚', '30', '行政强制', '4', '规章', '1', '2', '3', '规范性文件', '5', '6', '7'];
    const r = await parse([HEAD[0], ...menu, ...HEAD.slice(1), ...TAIL].join('\n'));
    expect(r.values).toEqual({});
  });
});

it('reports a table pandoc replaced by [TABLE], and reads nothing for it', async () => {
  const r = await parse(report(['[TABLE]']));
  expect(r.findings.map((f) => f.rule)).toContain('P-TABLE-LOST');
  expect(Object.keys(r.values)).toEqual([]);
});

it('names a row by its label from the last numbered start: the tail of the label above is not its name', () => {
  expect(ownLabel('三、本年度办理结果（三）不予公开1.属于国家秘密')).toBe('1.属于国家秘密');
  expect(ownLabel('不掌握相关政府信息2.没有现成信息需要另行制作')).toBe('2.没有现成信息需要另行制作');
  expect(ownLabel('第二十条第（一）项规章')).toBe('（一）项规章');
  expect(ownLabel('（二）部分公开（区分处理的，只计这一情形，不计其他情形）')).toBe('（二）部分公开（区分处理的，只计这一情形，不计其他情形）');
});

describe('a figure wrapped onto a line of its own', () => {
  // pdftotext counts one column a character: labels padded to 18, figures right-aligned in 6.
  const row = (label: string, v: number[]) => label.padEnd(18) + v.map((n) => String(n).padStart(6)).join('');
  const head = ' '.repeat(18) + ['自然人', '商业', '科研', '社会', '法律', '其他', '总计'].map((t) => t.padStart(6)).join('');

  it('is joined to its row when the row total then holds (10 / 5 → 105)', async () => {
    const r = await parse(
      report([
        head,
        row('1.本机关不掌握相关政府信息', [103, 2, 0, 0, 0, 0, 10]),
        ' '.repeat(59) + '5',
        row('2.没有现成信息需要另行制作', [1, 0, 0, 0, 0, 0, 1]),
        row(MARK, [0, 0, 0, 0, 0, 0, 0]),
      ]),
    );
    expect(t3(r, 'unable.noInfo').total).toBe(105);
    expect(t3(r, 'unable.needCreation').total).toBe(1);
  });

  it('is reported, and the cut cell not read, when no joining holds', async () => {
    const r = await parse(
      report([
        head,
        row('1.本机关不掌握相关政府信息', [103, 2, 0, 0, 0, 0, 10]),
        ' '.repeat(59) + '7',
        row('2.没有现成信息需要另行制作', [1, 0, 0, 0, 0, 0, 1]),
        row(MARK, [0, 0, 0, 0, 0, 0, 0]),
      ]),
    );
    expect(t3(r, 'unable.noInfo').total).toBeUndefined();
    expect(r.findings.find((f) => f.rule === 'P-FIGURE-CUT')?.keys).toEqual(['t3.unable.noInfo.total']);
  });

  // A sparse table (its zeros blank) LibreOffice printed: a short row's total wraps around the row's line
  // (`10` above it, `9` below), and under it stands a row printed blank, its label alone on its line.
  const sparse = (label: string, v: (number | '')[]) => label.padEnd(18) + v.map((n) => String(n).padStart(6)).join('');
  const around = (tail: string) =>
    report([
      head,
      ' '.repeat(58) + '10',
      sparse('一、本年新收政府信息公开申请数量', [108, '', '', '', 1, '', '']),
      ' '.repeat(58) + tail,
      '',
      '二、上年结转政府信息公开申请数量',
      '',
      sparse('（一）予以公开', [65, '', '', '', 1, '', 66]),
      row(MARK, [0, 0, 0, 0, 0, 0, 0]),
    ]);

  it('around a short row, is joined to it when the row total then holds (10 / 9 → 109), not given to the blank row under it', async () => {
    const r = await parse(around('9'));
    expect(t3(r, 'newReceived')).toEqual({ natural: 108, legal: 1, total: 109 });
    expect(t3(r, 'carriedOver')).toEqual({});
    expect(t3(r, 'granted')).toEqual({ natural: 65, legal: 1, total: 66 });
  });

  it('keeps a short numbered label centred right of the others, in a run of rows printed blank, a row of its own', () => {
    // LibreOffice centres a short label in its cell: `2.重复申请` stands right of the longer labels around it.
    const labels = grids(
      report([
        head,
        sparse('1.本机关不掌握相关政府信息', [27, '', '', '', '', '', 27]),
        sparse('3.补正后申请内容仍不明确', [7, '', '', '', '', '', 7]),
        '',
        '1.信访举报投诉类申请',
        '',
        ' '.repeat(13) + '2.重复申请',
        '',
        '3.要求提供公开出版物',
        '',
        '',
        '',
        sparse('（七）总计', [34, '', '', '', '', '', 34]),
        row(MARK, [0, 0, 0, 0, 0, 0, 0]),
      ]),
    )
      .flatMap((g) => g.rows)
      .filter((r) => /^\d\./.test(r[0].text))
      .map((r) => `${r[0].text} ${r[1].text}`);
    expect(labels).toEqual([
      '1.本机关不掌握相关政府信息 27',
      '3.补正后申请内容仍不明确 7',
      '1.信访举报投诉类申请 ',
      '2.重复申请 ',
      '3.要求提供公开出版物 ',
      `${MARK} 0`,
    ]);
  });

  it('around a short row, is reported and read for no row when no joining holds', async () => {
    const r = await parse(around('7'));
    expect(t3(r, 'newReceived')).toEqual({ natural: 108, legal: 1 });
    expect(t3(r, 'carriedOver')).toEqual({});
    expect(r.findings.find((f) => f.rule === 'P-FIGURE-CUT')).toMatchObject({ keys: ['t3.newReceived.total'], evidence: '10 / 7' });
  });
});
