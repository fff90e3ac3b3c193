import { buildGrids } from '../../lambdas/core/partition/pdf/grids';
import { dropFurniture, pageLines, pageTokens, type PageText } from '../../lambdas/core/partition/pdf/layout';
import { item } from './text-item';

function grid(items: PageText['items'][]) {
  const pages = items.map((it, i) => ({ page: i + 1, width: 595, height: 842, items: it }));
  const laid = pages.map((p) => ({ height: p.height, lines: pageLines(pageTokens(p), p.height) }));
  dropFurniture(laid);
  return buildGrids(
    laid.flatMap((p) => p.lines),
    450,
  ).map((g) => g.rows.map((r) => r.map((c) => c.text)));
}

const header = [
  item('一、总体情况', 50, 780, 16),
  item('信息内容', 50, 700),
  item('甲', 300, 700),
  item('乙', 350, 700),
  item('丙', 400, 700),
  item('列', 300, 688),
  item('列', 350, 688),
  item('列', 400, 688),
];

describe('buildGrids', () => {
  it('stacks column headers, keeps placeholder rows, prefixes a group label printed between its rows', () => {
    const rows = [
      ...[item('一、第一行', 50, 670), item('1', 300, 670), item('2', 350, 670), item('3', 400, 670)],
      ...[item('1.子项甲', 120, 650), item('—', 300, 650), item('—', 350, 650), item('—', 400, 650)],
      item('（二）分组', 50, 640),
      ...[item('2.子项乙', 120, 630), item('4', 300, 630), item('5', 350, 630), item('6', 400, 630)],
      ...[item('二、第二行', 50, 610), item('7', 300, 610), item('8', 350, 610), item('9', 400, 610)],
      item('- 1 -', 290, 30),
    ];
    expect(grid([[...header, ...rows]])).toEqual([
      [
        ['信息内容', '甲列', '乙列', '丙列'],
        ['一、第一行', '1', '2', '3'],
        ['（二）分组', '1.子项甲', '—', '—', '—'],
        ['（二）分组', '2.子项乙', '4', '5', '6'],
        ['二、第二行', '7', '8', '9'],
      ],
    ]);
  });

  it('leaves a cell empty where nothing is printed and never merges two numbers of one line into a column', () => {
    const rows = [
      ...[item('一、第一行', 50, 670), item('1', 300, 670), item('3', 400, 670)],
      // A wide number reaching under the next column's values.
      ...[item('二、第二行', 50, 650), item('12345678901', 300, 650), item('5', 358, 650), item('6', 400, 650)],
    ];
    expect(grid([[...header, ...rows]])[0].slice(1)).toEqual([
      ['一、第一行', '1', '', '3'],
      ['二、第二行', '12345678901', '5', '6'],
    ]);
  });

  it('joins a wrapped label to its row and a table continued on the next page, without the page number', () => {
    const page1 = [
      ...header,
      item('（一）一个很长的标签被折成', 50, 676),
      ...[item('1', 300, 670), item('2', 350, 670), item('3', 400, 670)],
      item('两行', 50, 664),
      item('-1-', 290, 30),
    ];
    const page2 = [item('二、第二行', 50, 800), item('7', 300, 800), item('8', 350, 800), item('9', 400, 800), item('-2-', 290, 30)];
    expect(grid([page1, page2])).toEqual([
      [
        ['信息内容', '甲列', '乙列', '丙列'],
        ['（一）一个很长的标签被折成两行', '1', '2', '3'],
        ['二、第二行', '7', '8', '9'],
      ],
    ]);
  });

  it('drops a page mark that shares its line with a row at the foot of the page', () => {
    const rows = [item('一、第一行', 50, 60), item('-1-', 200, 60), item('1', 300, 60), item('2', 350, 60), item('3', 400, 60)];
    expect(grid([[...header, ...rows]])[0].at(-1)).toEqual(['一、第一行', '1', '2', '3']);
  });

  it('ends a table at prose and section headings', () => {
    const rows = [item('一、第一行', 50, 670), item('1', 300, 670), item('2', 350, 670), item('3', 400, 670)];
    const after = [
      item('二、主动公开政府信息情况', 50, 640, 16),
      item('全年主动公开政府信息1136条，其中规范性文件5件，比上年增加。', 50, 620, 12),
      item('5', 300, 600),
      item('6', 350, 600),
    ];
    const grids = grid([[...header, ...rows, ...after]]);
    expect(grids).toHaveLength(2);
    expect(grids[0].at(-1)).toEqual(['一、第一行', '1', '2', '3']);
  });

  it('keeps a column blank in every row of a borderless table, its extent taken from its wrapped header title', () => {
    const rows = [...[item('一、第一行', 50, 670), item('1', 300, 670), item('3', 400, 670)], ...[item('二、第二行', 50, 650), item('4', 300, 650)]];
    expect(grid([[...header, ...rows]])[0]).toEqual([
      ['信息内容', '甲列', '乙列', '丙列'],
      ['一、第一行', '1', '', '3'],
      ['二、第二行', '4', '', ''],
    ]);
  });

  it('adds no blank column where a number lies under no header title or a title is no column of the table', () => {
    const outside = [item('一、第一行', 50, 670), item('1', 300, 670), item('3', 400, 670), item('9', 470, 670)];
    expect(grid([[...header, ...outside]])[0].slice(1)).toEqual([['一、第一行', '1', '3', '9']]);
    // A note printed over the right of the table, past its last column.
    const noted = [...header.filter((i) => i.transform[4] !== 350), item('单位：件', 480, 712)];
    const rows = [item('一、第一行', 50, 670), item('1', 300, 670), item('3', 400, 670)];
    expect(grid([[...noted, ...rows]])[0].at(-1)).toEqual(['一、第一行', '1', '3']);
  });

  it('gives a numbered label printed between rows with no number a row of blank cells, not a share of its neighbour', () => {
    const rows = [
      ...[item('1.第一项', 120, 670), item('1', 300, 670), item('2', 350, 670), item('3', 400, 670)],
      item('2.空白项', 120, 652),
      ...[item('3.第三项', 120, 630), item('4', 300, 630), item('5', 350, 630), item('6', 400, 630)],
    ];
    expect(grid([[...header, ...rows]])[0].slice(1)).toEqual([
      ['1.第一项', '1', '2', '3'],
      ['2.空白项', '', '', ''],
      ['3.第三项', '4', '5', '6'],
    ]);
  });
});
