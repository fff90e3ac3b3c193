import { buildGrids } from '../../lambdas/core/partition/pdf/grids';
import { pageLines, pageTokens, type PageText } from '../../lambdas/core/partition/pdf/layout';
import { extractTables } from '../../lambdas/core/tables';
import { item } from './text-item';

/** Value columns' x; the last is past every column title. */
const COLS = [300, 330, 360, 390, 420, 450, 480, 520];
/** Table 3 of the 2021 form, borderless: column titles wrapped over two lines, over the seven value columns. */
const header = [
  item('三、收到和处理政府信息公开申请情况', 50, 780, 14),
  item('申请人情况', 370, 740),
  ...['自然', '商业', '科研', '社会', '法律', '其', '总'].map((t, i) => item(t, COLS[i], 720)),
  ...['人', '企业', '机构', '组织', '机构', '他', '计'].map((t, i) => item(t, COLS[i], 708)),
];
const t3 = (printed: [string, string, number][][]) => {
  const rows = [...printed];
  // A 2021-form row: the form is told by its labels.
  rows.push(
    row('1.申请人逾期不补正', [
      ['3', 0],
      ['3', 6],
    ]),
  );
  const items = [...header, ...rows.flatMap((r, i) => [item(r[0][0], 50, 680 - 20 * i), ...r.map(([, n, c]) => item(n, COLS[c], 680 - 20 * i))])];
  const page: PageText = { page: 1, width: 595, height: 842, items };
  const grids = buildGrids(pageLines(pageTokens(page), 842), 450);
  return extractTables({ kind: 'pdf', text: '', raw: '', grids }, []);
};
const row = (label: string, cells: [string, number][]): [string, string, number][] => cells.map(([n, c]) => [label, n, c]);

describe('a borderless sparse table 3', () => {
  it('reads every printed number in its column, columns blank in every row included', () => {
    const out = t3([
      row('一、本年新收政府信息公开申请数量', [
        ['5', 0],
        ['2', 3],
        ['7', 6],
      ]),
      row('二、上年结转政府信息公开申请数量', [
        ['1', 0],
        ['1', 6],
      ]),
    ]);
    const values = Object.fromEntries(out.values.filter((v) => /newReceived|carriedOver/.test(v.key)).map((v) => [v.key, v.value]));
    expect(out.format).toBe('2021');
    expect(values).toEqual({
      't3.newReceived.natural': 5,
      't3.newReceived.social': 2,
      't3.newReceived.total': 7,
      't3.carriedOver.natural': 1,
      't3.carriedOver.total': 1,
    });
  });

  it('reads no value from a row with a number under no column title, adds no blank column, and says so', () => {
    const out = t3([
      row('一、本年新收政府信息公开申请数量', [
        ['5', 0],
        ['2', 3],
        ['7', 6],
      ]),
      [
        ...row('二、上年结转政府信息公开申请数量', [
          ['1', 0],
          ['1', 6],
        ]),
        ['二、上年结转政府信息公开申请数量', '4', 7],
      ],
    ]);
    expect(out.values.filter((v) => v.key.startsWith('t3.carriedOver'))).toEqual([]);
    // The stray column leaves the rows short of the form's columns: reported, not guessed.
    expect(out.findings).toContainEqual(expect.objectContaining({ rule: 'P-SPLIT-AMBIGUOUS', message: expect.stringContaining('上年结转') }));
    expect(out.values.map((v) => v.value)).not.toContain(4);
  });
});
