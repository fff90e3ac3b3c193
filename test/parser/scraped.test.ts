/**
 * Issue 14's classes, each from its generated variant (scripts/generate/scraped.ts): blank cells
 * dropped from pipe rows, tables printed as one block per row group, a typo in a section heading,
 * Markdown markup, and table 2's figures stated in the prose.
 */
import { extractNarrative } from '../../lambdas/core/narrative';
import { parseReport } from '../../lambdas/core/record/parse-report';
import { findSections } from '../../lambdas/core/sections/find-sections';
import type { Report } from '../../lambdas/core/types';
import { allSamples, labelsOf, type Sample } from '../../scripts/generate/catalog';
import { TYPO_HEADING } from '../../scripts/generate/scraped';
import { extractionProblems } from '../samples/extraction-check';

const sample = (suffix: string) => allSamples().find((s) => s.id.endsWith(suffix))!;
const parse = (s: Sample, content = s.content) => parseReport({ id: s.id, name: `${s.id}.${s.ext}`, bytes: Buffer.from(content) });
const pFindings = (r: Report) => r.findings.filter((f) => f.rule.startsWith('P-'));
/** The sample's text with the prose sentences stating these table-2 figures taken out. */
const withoutProse = (s: Sample, keys: string[]) =>
  labelsOf(s)
    .narrative.filter((f) => keys.includes(f.key))
    .reduce((text, f) => text.replace(new RegExp(`(?<=[。，\\n])[^。，\\n]*?(?<!\\d)${f.value}[件个][。，]`), ''), s.content as string);

describe('1. blank cells dropped from pipe rows', () => {
  it.each(['2021', '2019'])('%s: every printed cell lands in its column, decided by the bounds and the prose; blanks stay blank', async (format) => {
    const s = sample(`${format}-pipes-dropped-blanks`);
    expect(s.content).toMatch(/\n规章 \| \d+ \| \d+\n/);
    const r = await parse(s);
    expect(extractionProblems(r, labelsOf(s))).toEqual([]);
    expect(pFindings(r)).toEqual([]);
  });

  it('without the prose, lists the whole-cell assignments left open, never a split of a printed number', async () => {
    const s = sample('2021-pipes-dropped-blanks');
    const { values } = labelsOf(s);
    const r = await parse(s, withoutProse(s, ['t2.rules.issued', 't2.rules.valid']));
    const f = r.findings.find((x) => x.rule === 'P-SPLIT-AMBIGUOUS' && x.keys.includes('t2.rules.issued'))!;
    expect(f.message).toContain('空白格被略去');
    const [issued, valid] = [values['t2.rules.issued'], values['t2.rules.valid']];
    // `规章 | a | b` under 制发 / 废止 / 现行有效: the three ways two whole cells fill three columns, less those that break valid ≥ issued.
    const all = [
      [issued, valid, null],
      [issued, null, valid],
      [null, issued, valid],
    ];
    expect(f.keys).toEqual(['t2.rules.issued', 't2.rules.repealed', 't2.rules.valid']);
    expect(f.candidates).toEqual(all.filter(([a, , c]) => a === null || c === null || c >= a));
    for (const key of f.keys) expect(r.values[key]).toBeUndefined();
    expect(extractionProblems(r, { values: Object.fromEntries(Object.entries(values).filter(([k]) => !f.keys.includes(k))) })).toEqual([]);
  });
});

describe('2. a table printed as one block per row group', () => {
  it('reads each table-4 block as its group and table 3 across its blocks', async () => {
    const s = sample('2021-pipes-row-blocks');
    expect(s.content).toContain('（二）行政诉讼：未经复议直接起诉\n结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计');
    const r = await parse(s);
    expect(extractionProblems(r, labelsOf(s))).toEqual([]);
    expect(pFindings(r)).toEqual([]);
  });

  it("never reads a short row under the whole table's header as one group", async () => {
    const text = [
      '一、总体情况',
      '无。',
      '二、主动公开政府信息情况',
      '信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数',
      TYPO_HEADING.replace('行政法', '行政'),
      '行政复议 | 行政诉讼',
      '结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计',
      '1 | 1 | 2',
      '五、存在的主要问题及改进情况',
      '无。',
    ].join('\n');
    const r = await parseReport({ id: 'x', name: 'x.txt', bytes: Buffer.from(text) });
    expect(Object.keys(r.values).filter((k) => k.startsWith('t4.'))).toEqual([]);
    expect(r.findings.find((f) => f.rule === 'P-SPLIT-AMBIGUOUS')?.keys).toHaveLength(15);
  });
});

describe('3. a section heading with a typo', () => {
  it('finds section 4 by edit distance, confirmed by its table, reads table 4, and S3 reports the deviation', async () => {
    const s = sample('2021-pipes-heading-typo');
    expect(s.content).toContain(TYPO_HEADING);
    const r = await parse(s);
    expect(r.sections.find((x) => x.n === 4)?.title).toBe(TYPO_HEADING);
    expect(extractionProblems(r, labelsOf(s))).toEqual([]);
    const s3 = r.findings.filter((f) => f.rule === 'S3-title');
    expect(s3).toEqual([expect.objectContaining({ keys: ['section.4'], message: expect.stringContaining('相差 1 字') })]);
  });

  it('does not take a numbered line far from the title, nor a near title without its table, for the heading', () => {
    const far = findSections('一、总体情况\n无。\n四、政府信息公开工作存在的其他情况\n结果维持 | 结果纠正\n');
    expect(far.map((x) => x.n)).toEqual([1]);
    const untabled = findSections('一、总体情况\n无。\n四、政府信息公开行政法复议、行政诉讼情况\n本年度无。\n');
    expect(untabled.map((x) => x.n)).toEqual([1]);
  });
});

describe('4. Markdown markup', () => {
  it('reaches neither the metadata nor a cell', async () => {
    const s = sample('2021-pipes-markdown');
    expect(s.content).toMatch(/^# \S+ \d{4} 年/);
    expect(s.content).toContain('<br>');
    const r = await parse(s);
    const labels = labelsOf(s);
    expect({ agency: r.agency, year: r.year, publishedAt: r.publishedAt }).toEqual({
      agency: labels.agency,
      year: labels.year,
      publishedAt: labels.publishedAt,
    });
    expect(extractionProblems(r, labels)).toEqual([]);
    expect(Object.values(r.evidence).filter((e) => /[#*<>]/.test(e.raw))).toEqual([]);
    expect(r.sections.map((x) => x.title).filter((t) => /[#*]/.test(t))).toEqual([]);
  });
});

describe('5. table-2 figures stated in the prose', () => {
  it.each(['2021', '2019'])('%s: decide the glued table-2 rows that split several ways without them', async (format) => {
    const s = sample(`${format}-runs-t2-prose`);
    const labels = labelsOf(s);
    const docs = Object.keys(labels.values).filter((k) => /^t2\.(rules|normative)\./.test(k));
    const r = await parse(s);
    for (const key of docs) expect(r.values[key]).toBe(labels.values[key]);
    expect(extractionProblems(r, labels)).toEqual([]);
    // The same report without the prose that names the columns: the rows are left open again.
    const stated = labels.narrative.map((f) => f.key).filter((k) => /\.(valid|total)$/.test(k));
    const bare = await parse(s, withoutProse(s, stated));
    expect(
      bare.findings
        .filter((f) => f.rule === 'P-SPLIT-AMBIGUOUS')
        .flatMap((f) => f.keys)
        .filter((k) => docs.includes(k)).length,
    ).toBeGreaterThan(0);
  });

  it("reads both formats' wording, lists under one verb, and never a column word a list item does not carry", () => {
    const read = (text: string, format: '2019' | '2021') =>
      extractNarrative(text, [], { format })
        .map((f) => `${f.key}=${f.value}`)
        .sort();
    expect(read('集中公开现行有效行政规范性文件698件，动态更新本年度制发的规范性文件88件。', '2021')).toEqual([
      't2.normative.issued=88',
      't2.normative.valid=698',
    ]);
    expect(read('主动公开规章22件、行政规范性文件34件。', '2021')).toEqual(['t2.normative.issued=34', 't2.rules.issued=22']);
    expect(read('集中公开现行有效行政规范性文件698件、规章3件。', '2021')).toEqual(['t2.normative.valid=698', 't2.rules.valid=3']);
    expect(read('本年新制作规范性文件8件，新公开规范性文件8件，对外公开规范性文件总数989件。', '2019')).toEqual([
      't2.normative.made=8',
      't2.normative.published=8',
      't2.normative.total=989',
    ]);
    expect(read('累计公开规范性文件989件。政府集中采购项目12个，采购总金额251.5万元。', '2019')).toEqual([
      't2.normative.total=989',
      't2.procurement.amount=251.5',
      't2.procurement.count=12',
    ]);
  });

  it('reads prose only: a table printed as text gives no narrative figure', () => {
    const table =
      '二、主动公开政府信息情况\n第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数规章223235行政规范性文件8855698\n| 规章 | 22 | 3 | 235 |\n';
    expect(extractNarrative(table, findSections(table), { format: '2021' })).toEqual([]);
  });
});
