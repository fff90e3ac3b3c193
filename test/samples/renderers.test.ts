import { load } from 'cheerio/slim';
import { renderHtml } from '../../scripts/generate/render-html';
import { renderTextPipes } from '../../scripts/generate/render-text-pipes';
import { renderTextRuns } from '../../scripts/generate/render-text-runs';
import { FORMATS, keysOfKind, T2_BLOCKS, T3_COLUMNS, T4_COLUMNS, T4_GROUPS, t3Rows } from '../../lambdas/core/form';
import { makeReportSpec, type ReportSpec } from '../../scripts/generate/values';

const moneyKeys = (format: ReportSpec['format']) => keysOfKind('money', [format]);
const underOutcomes = (r: { role?: string }) => r.role === 'outcome' || r.role === 'processed';
const SEEDS = [3, 17, 101, 4242];

/** How a value is printed in a cell (money with two decimals). */
const printed = (spec: ReportSpec, key: string) => (moneyKeys(spec.format).includes(key) ? spec.values[key].toFixed(2) : String(spec.values[key]));
const t3Cells = (spec: ReportSpec, row: string) => T3_COLUMNS.map((c) => printed(spec, `t3.${row}.${c.key}`));
const t4Cells = (spec: ReportSpec) => T4_GROUPS.flatMap((g) => T4_COLUMNS.map((c) => printed(spec, `t4.${g.key}.${c.key}`)));
const narrativeTexts = (spec: ReportSpec) => spec.narrative.map((f) => String(f.value));

describe.each(FORMATS)('renderHtml, %s format', (format) => {
  const spec = makeReportSpec({ format, seed: 77 });
  const $ = load(renderHtml(spec));
  // trim() also drops the &nbsp; (U+00A0) Word indents sub-items with.
  const cell = (text: string) => $('td').filter((_, td) => $(td).text().trim() === text);
  const t3Outcomes = t3Rows(format).filter(underOutcomes).length;

  it('has the title, the 发布日期 line and the six section headings', () => {
    expect($('title').text()).toMatch(new RegExp(`^${spec.agency}${spec.year}年度?政府信息公开工作年度报告$`));
    expect($('p').text()).toContain(`发布日期：${spec.publishedAt}`);
    for (const h of ['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项'])
      expect($('p b').text()).toContain(h);
  });

  it("spans table 3's row groups and header with rowspan/colspan", () => {
    expect(cell('三、本年度办理结果').attr('rowspan')).toBe(String(t3Outcomes));
    expect(cell('（三）不予公开').attr('rowspan')).toBe('8');
    expect(cell('（四）无法提供').attr('rowspan')).toBe('3');
    expect(cell('法人或其他组织').attr('colspan')).toBe('5');
    expect(cell('申请人情况').attr('colspan')).toBe('7');
  });

  it("has table 4's two-level header", () => {
    expect(cell('行政复议').attr('colspan')).toBe('5');
    expect(cell('行政诉讼').attr('colspan')).toBe('10');
    expect(cell('未经复议直接起诉').attr('colspan')).toBe('5');
    expect(cell('复议后起诉').attr('colspan')).toBe('5');
    const last = $('table').last().find('tr').last().find('td');
    expect(last.map((_, td) => $(td).text().trim()).get()).toEqual(t4Cells(spec));
  });

  it("prints every table 3 row's seven values after its label", () => {
    for (const row of t3Rows(format)) {
      const tds = cell(row.zh).first().parent().find('td');
      expect(tds.slice(-7).map((_, td) => $(td).text().trim()).get()).toEqual(t3Cells(spec, row.key));
    }
  });

  it('prints every table 2 row after its label', () => {
    for (const block of T2_BLOCKS[format])
      for (const row of block.rows) {
        const texts = cell(row.zh).first().parent().find('td').map((_, td) => $(td).text().trim()).get();
        expect(texts.slice(1, 1 + block.columns.length)).toEqual(block.columns.map((c) => printed(spec, `t2.${row.key}.${c.key}`)));
      }
  });

  it('has Word markup: <o:p>, mso- styles, text split over spans, &nbsp; cells', () => {
    const html = renderHtml(spec);
    expect(html).toContain('<o:p></o:p>');
    expect(html).toContain('<o:p>&nbsp;</o:p>');
    expect($('td').filter((_, td) => $(td).find('p').text().startsWith('\u00a0\u00a01.属于国家秘密')).length).toBe(1);
    if (format === '2019') expect($('td').filter((_, td) => $(td).text().trim() === '').length).toBeGreaterThan(0);
    expect(html).toMatch(/style='[^']*mso-/);
    const split = $('td').filter((_, td) => $(td).find('span').length > 2);
    expect(split.length).toBeGreaterThan(0);
  });

  it('states the narrative figures in the prose', () => {
    const prose = $('p').not('td p').text();
    for (const { key, value } of spec.narrative) {
      if (key === 't3.newReceived.total') expect(prose).toContain(`全年共收到政府信息公开申请${value}件`);
      if (key === 't3.granted.total') expect(prose).toContain(`予以公开${value}件`);
    }
  });

  it('puts table 2 in one <table> or in one per clause', () => {
    const blocks = T2_BLOCKS[format].length;
    expect(load(renderHtml(spec, { t2Tables: 'one' }))('table')).toHaveLength(3);
    expect(load(renderHtml(spec, { t2Tables: 'several' }))('table')).toHaveLength(blocks + 2);
  });

  it('prints the label variant and the typo when asked', () => {
    const plain = load(renderHtml(spec))('td').text();
    const varied = load(renderHtml(spec, { shortNormativeLabel: true, lawProhibitedTypo: true }))('td').text();
    expect(plain).toContain('2.其他法律行政法规禁止公开');
    expect(varied).toContain('2.其他法律行政止公开');
    expect(varied).not.toContain('行政规范性文件');
    expect(varied).toContain('规范性文件');
  });
});

it('prints the 2019 procurement amount in 元 when asked', () => {
  const spec = makeReportSpec({ format: '2019', seed: 9 });
  const amount = spec.values['t2.procurement.amount'];
  const text = load(renderHtml(spec, { procurementInYuan: true }))('td').text();
  expect(text).toContain(`${(Math.round(amount * 100) * 100).toFixed(2)}元`);
});

describe.each(FORMATS)('renderTextPipes, %s format', (format) => {
  it.each(SEEDS)('seed %i: one line per row, cells between |, spans as empty cells, wrapped headers', (seed) => {
    const spec = makeReportSpec({ format, seed });
    const text = renderTextPipes(spec);
    const lines = text.split('\n');
    expect(lines[1]).toBe(`发布日期：${spec.publishedAt}`);
    expect(text).toContain('|||');
    expect(text).toContain(format === '2019' ? '本年新 制作数量' : '本年制发 件数');
    expect(text).toContain('社会公益 组织');
    for (const row of t3Rows(format)) {
      const line = lines.find((l) => l.includes(row.zh));
      expect(line?.split('|').slice(-7).map((c) => c.trim())).toEqual(t3Cells(spec, row.key));
    }
    expect(lines.find((l) => /^\d+( \| \d+){14}$/.test(l))?.split(' | ')).toEqual(t4Cells(spec));
  });

  it('wraps long row labels over two lines when asked', () => {
    const spec = makeReportSpec({ format, seed: 1 });
    const text = renderTextPipes(spec, { wrapLabelsOver: 20 });
    // Cut after 20 characters, the closing comma kept on the first line.
    expect(text).toContain('（二）部分公开（区分处理的，只计这一情形，\n不计其他情形） ||');
  });
});

describe.each(FORMATS)('renderTextRuns, %s format', (format) => {
  it.each(SEEDS)('seed %i: header block, body on one line, cells run together with no separator', (seed) => {
    const spec = makeReportSpec({ format, seed });
    const text = renderTextRuns(spec);
    const [header, body] = text.split('==================== 正文 ====================\n');
    expect(header).toMatch(new RegExp(`^标题: ${spec.agency}${spec.year}年度?政府信息公开工作年度报告\n发布时间: ${spec.publishedAt} \\d\\d:\\d\\d\n`));
    expect(body.trimEnd()).not.toContain('\n');
    expect(body).not.toMatch(/[|\t]/);
    for (const block of T2_BLOCKS[format])
      for (const row of block.rows)
        expect(body).toContain(row.zh + block.columns.map((c) => printed(spec, `t2.${row.key}.${c.key}`)).join(''));
    for (const row of t3Rows(format)) expect(body).toContain(row.zh + t3Cells(spec, row.key).join(''));
    expect(body).toContain(`复议后起诉结果维持结果纠正其他结果尚未审结总计结果维持结果纠正其他结果尚未审结总计${t4Cells(spec).join('')}`);
    for (const n of narrativeTexts(spec)) expect(body).toMatch(new RegExp(`[^0-9]${n}件`));
  });
});
