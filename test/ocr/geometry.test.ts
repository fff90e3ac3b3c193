import { findSkew } from '../../lambdas/core/ocr/deskew';
import { binarize, otsu, rotate, rotateQuarter, type Gray } from '../../lambdas/core/ocr/image';
import { eraseRules, findRules, type PixelRule } from '../../lambdas/core/ocr/rulings';
import { ruledCells } from '../../lambdas/core/partition/pdf/ruled';

/** A white page with a ruled 4 × 3 grid and a few "text" blobs (short strokes), as a 200 dpi scan would show it. */
function gridPage(): Gray {
  const [width, height] = [1200, 900];
  const data = new Uint8Array(width * height).fill(240);
  const ink = (x0: number, y0: number, w: number, h: number) => {
    for (let y = y0; y < y0 + h; y++) data.fill(20, y * width + x0, y * width + x0 + w);
  };
  const xs = [100, 400, 600, 800, 1000];
  const ys = [200, 300, 400, 500];
  for (const y of ys) ink(100, y, 901, 2);
  for (const x of xs) ink(x, 200, 2, 301);
  // Text lines above the table (strokes shorter than a rule) and a digit-sized blob in each cell.
  for (let line = 0; line < 4; line++) for (let c = 0; c < 30; c++) ink(100 + c * 30, 40 + line * 36, 22, 3);
  for (const x of xs.slice(0, -1)) for (const y of ys.slice(0, -1)) ink(x + 60, y + 35, 14, 30);
  return { width, height, data };
}

/** The rules of a 200 dpi page at an ink level, with the rules found at a lighter one when given. */
const rulesAt = (page: Gray, level: number, faint?: PixelRule[]) => findRules(binarize(page, level), page.width, page.height, 200, faint);

/** The ruled cells the PDF path reads from a 200 dpi page's rules: points (72 / 200 per pixel), y up. */
function cellsOf(rules: PixelRule[], page: Gray) {
  const s = 72 / 200;
  return ruledCells(rules.map((r) => ({ x1: r.x1 * s, x2: r.x2 * s, y1: (page.height - r.y2) * s, y2: (page.height - r.y1) * s })));
}

describe('page geometry', () => {
  it('finds the skew of a turned page within 0.05° over ±1.5° (a one-pixel rule drifts a pixel a page width at 0.04°)', () => {
    const page = gridPage();
    for (const skew of [-1.3, -0.6, 0.4, 1.1]) expect(Math.abs(findSkew(rotate(page, skew)) - skew)).toBeLessThanOrEqual(0.05);
    expect(findSkew(page)).toBe(0);
  });

  it('finds the grid rules by projections and joins them into the ruled cells the PDF path reads', () => {
    const page = rotate(rotate(gridPage(), 0.8), -findSkew(rotate(gridPage(), 0.8)));
    const rules = rulesAt(page, otsu(page));
    const hs = rules.filter((r) => r.y1 === r.y2);
    const vs = rules.filter((r) => r.x1 === r.x2);
    expect(hs).toHaveLength(4);
    expect(vs).toHaveLength(5);
    // 4 columns × 3 rows of cells.
    const cells = cellsOf(rules, page);
    expect(cells).toHaveLength(1);
    expect(cells[0]).toHaveLength(12);
  });

  it('keeps character strokes out of the rules: short strokes and a heading stroke meeting no rule', () => {
    const page = gridPage();
    // A tall heading stroke (a large character's vertical) far from the table.
    for (let y = 600; y < 660; y++) page.data.fill(20, y * page.width + 1100, y * page.width + 1104);
    const rules = rulesAt(page, otsu(page));
    expect(rules.some((r) => r.x1 > 1050)).toBe(false);
    expect(rules.some((r) => r.y1 < 190)).toBe(false);
    const clean = eraseRules(page, rules);
    // The rules are painted out, the digit blobs stay.
    expect(clean.data[300 * page.width + 500]).toBe(255);
    expect(clean.data[250 * page.width + 167]).toBe(20);
  });

  it("takes no heading's strokes for rules, however long they run together, where they make no lattice", () => {
    const [width, height] = [1400, 400];
    const data = new Uint8Array(width * height).fill(240);
    const ink = (x0: number, y0: number, w: number, h: number) => {
      for (let y = y0; y < y0 + h; y++) data.fill(20, y * width + x0, y * width + x0 + w);
    };
    // Two large characters whose top strokes touch (a run 0.8 in long) and whose verticals hang from it.
    ink(100, 100, 160, 3);
    for (const x of [110, 180, 250]) ink(x, 100, 3, 60);
    const rules = findRules(binarize({ width, height, data }, 128), width, height, 200);
    expect(rules).toEqual([]);
  });

  it('closes the open edge of a table broken over a page: its columns run to the top with no rule across them', () => {
    const page = gridPage();
    // The top rule is missing: the verticals start at y 200, the first rule across is at 300.
    for (let y = 199; y < 203; y++) page.data.fill(240, y * page.width + 100, y * page.width + 1002);
    for (const x of [100, 400, 600, 800, 1000]) for (let y = 200; y < 203; y++) page.data.fill(20, y * page.width + x, y * page.width + x + 2);
    const rules = rulesAt(page, otsu(page));
    const top = rules.filter((r) => r.y1 === r.y2 && r.y1 < 210);
    expect(top).toHaveLength(1);
    expect([top[0].x1, top[0].x2]).toEqual([expect.closeTo(100, -1), expect.closeTo(1000, -1)]);
  });

  it('runs a column rule on where the scan left it grey, along its own line only', () => {
    const page = gridPage();
    const grey = (x: number, y0: number, y1: number) => {
      for (let y = y0; y <= y1; y++) page.data.fill(170, y * page.width + x, y * page.width + x + 2);
    };
    // The rule at x 600 is grey over the first row (a hairline the scan blurred); a grey stroke at x 700 crosses the second.
    grey(600, 203, 298);
    grey(700, 302, 398);
    const columnsAt600 = (rules: PixelRule[]) => rules.filter((r) => r.x1 === r.x2 && Math.abs(r.x1 - 600) < 5);
    const found = rulesAt(page, 128);
    expect(Math.min(...columnsAt600(found).map((r) => r.y1))).toBeGreaterThan(290);
    const rules = rulesAt(page, 128, rulesAt(page, 200));
    const [strong] = columnsAt600(found);
    // One rule on the line the level found, run on over the grey stretch to the table's top.
    expect(columnsAt600(rules)).toHaveLength(1);
    const [continued] = columnsAt600(rules);
    expect(Math.abs(continued.x1 - strong.x1)).toBeLessThanOrEqual(1);
    expect(continued.y1).toBeLessThan(205);
    expect(continued.y2).toBe(strong.y2);
    // The grey stroke on no column rule's line stays out, though at the lighter level it makes a lattice.
    expect(rulesAt(page, 200).some((r) => r.x1 === r.x2 && Math.abs(r.x1 - 700) < 5)).toBe(true);
    expect(rules.some((r) => r.x1 === r.x2 && Math.abs(r.x1 - 700) < 5)).toBe(false);
  });

  it('draws no edge where column rules the scan left grey over a stretch of one row run on', () => {
    const page = gridPage();
    // A grey band across the second row (a blurred stretch of the scan) breaks four of its column rules at Otsu's level.
    for (const x of [100, 400, 600, 800]) for (let y = 330; y <= 345; y++) page.data.fill(170, y * page.width + x, y * page.width + x + 2);
    const across = (rules: PixelRule[]) => rules.filter((r) => r.y1 === r.y2 && r.y1 > 310 && r.y1 < 390);
    // Alone, the level's rules end together there and read as a table's open edge: a row rule through the row's figures.
    expect(across(rulesAt(page, 128)).length).toBeGreaterThan(0);
    // Continued where a lighter level finds them, the column rules end nowhere and no rule crosses the row.
    expect(across(rulesAt(page, 128, rulesAt(page, 200)))).toEqual([]);
    expect(rulesAt(page, 128, rulesAt(page, 200)).filter((r) => r.y1 === r.y2)).toHaveLength(4);
  });

  it('joins a rule the scan broke for a few pixels, so the cells either side stay divided', () => {
    const page = gridPage();
    // A 6-pixel gap (2 pt at 200 dpi, more than a PDF's drawn rules are allowed) in a row rule and in a column rule.
    for (let y = 299; y < 303; y++) page.data.fill(240, y * page.width + 480, y * page.width + 486);
    for (let y = 340; y < 346; y++) page.data.fill(240, y * page.width + 598, y * page.width + 604);
    const rules = rulesAt(page, otsu(page));
    expect(rules.filter((r) => r.y1 === r.y2)).toHaveLength(4);
    expect(rules.filter((r) => r.x1 === r.x2)).toHaveLength(5);
    const cells = cellsOf(rules, page);
    expect(cells[0]).toHaveLength(12);
  });

  it('takes a rule the scan left grey all along from the lighter level where it crosses the lattice, and no stroke within a cell', () => {
    const page = gridPage();
    const grey = (x0: number, y0: number, w: number, h: number) => {
      for (let y = y0; y < y0 + h; y++) page.data.fill(170, y * page.width + x0, y * page.width + x0 + w);
    };
    // The row rule at y 300 and the column rule at x 600 grey from end to end; a grey stroke across the first cell of
    // the third row, border to border (a label's strokes the blur ran together at the lighter level).
    grey(100, 300, 901, 2);
    grey(600, 200, 2, 301);
    grey(102, 450, 297, 2);
    const rows = (rules: PixelRule[]) => rules.filter((r) => r.y1 === r.y2).map((r) => Math.round(r.y1));
    const cols = (rules: PixelRule[]) => rules.filter((r) => r.x1 === r.x2).map((r) => Math.round(r.x1));
    expect(rows(rulesAt(page, 128))).not.toContainEqual(expect.closeTo(300, -1));
    expect(cols(rulesAt(page, 128))).not.toContainEqual(expect.closeTo(600, -1));
    const rules = rulesAt(page, 128, rulesAt(page, 200));
    expect(rows(rules).sort((a, b) => a - b)).toEqual([200, 300, 400, 500].map((y) => expect.closeTo(y, -0.5)));
    expect(cols(rules).sort((a, b) => a - b)).toEqual([100, 400, 600, 800, 1000].map((x) => expect.closeTo(x, -0.5)));
    const cells = cellsOf(rules, page);
    expect(cells[0]).toHaveLength(12);
  });

  it('turns a page by quarters and back', () => {
    const page = gridPage();
    const back = rotateQuarter(rotateQuarter(page, 1), 3);
    expect(back.width).toBe(page.width);
    expect(Buffer.from(back.data).equals(Buffer.from(page.data))).toBe(true);
    expect(rotateQuarter(page, 1).width).toBe(page.height);
  });
});
