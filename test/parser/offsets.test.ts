import { parseReport } from '../../lambdas/core/record/parse-report';
import { readText } from '../../lambdas/core/partition/read-text';
import { sourceWindow } from '../../lambdas/core/partition/source-window';
import { allSamples } from '../../scripts/generate/catalog';

// A value's offset (evidence.loc.offset) names the character where its cell's printed text starts
// in the document text that readText gives back: the evidence view re-reads the original with it.

/** The cell as printed: a run split into cells is quoted as `run → value`, and the run is what stands in the text. */
const printed = (raw: string) => raw.split(' → ')[0];

async function offsetsOf(name: string, bytes: Uint8Array) {
  const report = await parseReport({ id: 'r', name, bytes });
  const { doc } = readText(bytes, report.input.kind as 'html' | 'text');
  return Object.entries(report.evidence).map(([key, e]) => ({ key, raw: printed(e.raw), offset: e.loc?.offset, doc }));
}

const textSamples = allSamples().filter((s) => s.ext === 'html' || s.ext === 'txt');

describe('every value of the HTML and text samples points at its printed cell', () => {
  it.each(textSamples.map((s) => [s.id, s] as const))('%s', async (id, sample) => {
    const bytes = typeof sample.content === 'string' ? new Uint8Array(Buffer.from(sample.content)) : sample.content;
    const values = await offsetsOf(`${id}.${sample.ext}`, bytes);
    for (const { key, raw, offset, doc } of values) {
      expect({ key, offset: typeof offset }).toEqual({ key, offset: 'number' });
      // Printed script (raw) and the simplified text hold the same characters at the same offsets.
      expect({ key, at: doc.raw.slice(offset!, offset! + raw.length) }).toEqual({ key, at: raw });
    }
  });
});

describe('HTML cells: offsets survive what the page text folds away', () => {
  const page = (rows: string) =>
    `<html><head><title>2024年政府信息公开工作年度报告</title></head><body><p>一、总体情况</p><table>${rows}</table></body></html>`;

  test('blocks inside a cell, NBSP and zero-width spaces, spans, an empty cell', async () => {
    const html = page(
      '<tr><td rowspan="2">\u200b 行政许可\u00a0</td><td><p>\n  12 </p></td><td></td><td>&nbsp;3</td></tr>' +
        '<tr><td>\t<span>45</span>\n</td><td>6</td><td>7</td></tr>',
    );
    const bytes = new Uint8Array(Buffer.from(html));
    const { doc } = readText(bytes, 'html');
    const cells = doc.grids[0].rows.flat().filter((c) => c.text !== '');
    for (const c of cells) expect(doc.text.slice(c.loc.offset, c.loc.offset! + c.text.length)).toBe(c.text);
    // The label spanning two rows points at its one printed place from both slots.
    expect(doc.grids[0].rows[1][0].loc.offset).toBe(doc.grids[0].rows[0][0].loc.offset);
    expect(doc.grids[0].rows[0][2].loc.offset).toBeUndefined();
  });
});

describe('sourceWindow', () => {
  const text = Array.from({ length: 40 }, (_, i) => `第${i}行 | ${i * 11} | ${i * 7}`).join('\n');

  test('a bounded stretch of whole lines around the cell, with the cell marked', () => {
    const at = text.indexOf('| 220 |') + 2;
    const w = sourceWindow(text, at, 3, 60);
    expect(w.text.slice(w.mark.start, w.mark.end)).toBe('220');
    expect(text.slice(w.start, w.start + w.text.length)).toBe(w.text);
    expect(w.text.length).toBeLessThanOrEqual(3 + 2 * 60);
    expect(w.text.startsWith('第')).toBe(true);
    expect(text[w.start + w.text.length]).toBe('\n');
    expect([w.before, w.after]).toEqual([true, true]);
  });

  test('at the ends of the text the window stops there', () => {
    const first = sourceWindow(text, 0, 2, 60);
    expect([first.start, first.mark.start, first.before]).toEqual([0, 0, false]);
    const last = sourceWindow(text, text.length - 3, 3, 60);
    expect([last.start + last.text.length, last.after]).toEqual([text.length, false]);
    expect(last.text.slice(last.mark.start, last.mark.end)).toBe(text.slice(-3));
  });
});
