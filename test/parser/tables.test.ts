import { partitionHtml } from '../../lambdas/core/partition/html';
import { partitionText } from '../../lambdas/core/partition/text';
import { findSections } from '../../lambdas/core/sections/find-sections';
import { extractTables } from '../../lambdas/core/tables';
import { computeDerived } from '../../lambdas/core/values/derived';
import type { Decoded } from '../../lambdas/core/types';

const decoded = (text: string): Decoded => ({ text, raw: text, encoding: 'utf-8', script: 'simplified', repairs: [], damage: [] });
const valuesOf = (t: ReturnType<typeof extractTables>) => Object.fromEntries(t.values.map((v) => [v.key, v.value]));

const fromHtml = (html: string) => {
  const doc = partitionHtml(decoded(html));
  return extractTables(doc, findSections(doc.text));
};
const fromText = (text: string) => {
  const doc = partitionText(decoded(text));
  return extractTables(doc, findSections(doc.text));
};

const T3_HEAD = `<tr><td colspan="3" rowspan="2">申请人情况</td><td rowspan="2">自然人</td><td colspan="5">法人或其他组织</td><td rowspan="2">总计</td></tr>
<tr><td>商业<br>企业</td><td>科研<br>机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>`;

describe('HTML tables', () => {
  it('expands rowspan/colspan, reads Word markup and maps rows by label, not position', () => {
    const html = `<html><body><p>二、主动公开政府信息情况</p>
<table><tr><td colspan="4">第二十条第（一）项</td></tr><tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>
<tr><td>规范性文件</td><td><span style="mso-bidi-font-size:10.5pt">1</span><span>2</span><o:p></o:p></td><td>&nbsp;</td><td>40</td></tr></table>
<table><tr><td>第二十条第（八）项</td></tr><tr><td>行政事业性收费</td><td colspan="3">12.5</td></tr></table>
<p>三、收到和处理政府信息公开申请情况</p><table>${T3_HEAD}
<tr><td colspan="3">一、本年新收政府信息公开申请数量</td><td>5</td><td>1</td><td>0</td><td>0</td><td>0</td><td>0</td><td>6</td></tr>
<tr><td rowspan="2">三、本年度办理结果</td><td rowspan="2">（三）不予公开</td><td>1.属于国家秘密</td><td>2</td><td></td><td></td><td></td><td></td><td></td><td>2</td></tr>
<tr><td>2.其他法律行政止公开</td><td>0</td><td>/</td><td>—</td><td>-</td><td></td><td></td><td>0</td></tr>
</table></body></html>`;
    const t = fromHtml(html);
    expect(t.format).toBe('2021');
    expect(valuesOf(t)).toEqual({
      't2.normative.issued': 12,
      't2.normative.valid': 40,
      't2.fees.amount': 12.5,
      't3.newReceived.natural': 5,
      't3.newReceived.commercial': 1,
      't3.newReceived.research': 0,
      't3.newReceived.social': 0,
      't3.newReceived.legal': 0,
      't3.newReceived.other': 0,
      't3.newReceived.total': 6,
      't3.denied.stateSecret.natural': 2,
      't3.denied.stateSecret.total': 2,
      't3.denied.lawProhibited.natural': 0,
      't3.denied.lawProhibited.total': 0,
    });
    const ev = t.values.find((v) => v.key === 't3.denied.stateSecret.natural')!.evidence;
    expect(ev).toMatchObject({ source: 'table', raw: '2', locator: 'table[2] row 3 col 3' });
  });

  it('places table-2 rows whose labels OCR misread by the form’s row order, and only where the label is nearest that row', () => {
    const t2 = (rows: string) => `<html><body><p>二、主动公开政府信息情况</p>
<table><tr><td colspan="4">第二十条第（一）项</td></tr><tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>
<tr><td>现章</td><td>0</td><td>1</td><td>3</td></tr><tr><td>行政规性文件</td><td>6</td><td>2</td><td>40</td></tr></table>
<table><tr><td colspan="2">第二十条第（五）项</td></tr><tr><td>信息内容</td><td>本年处理决定数量</td></tr><tr><td>行政许可</td><td>45</td></tr></table>
<table><tr><td colspan="2">第二十条第（六）项</td></tr><tr><td>信息内容</td><td>本年处理决定数量</td></tr>${rows}</table>
<table><tr><td colspan="2">第二十条第（八）项</td></tr><tr><td>信息内容</td><td>本年收费金额（单位：万元）</td></tr><tr><td>行政事性收费</td><td>1.5</td></tr></table>
<p>三、收到和处理政府信息公开申请情况</p><table>${T3_HEAD}
<tr><td colspan="3">一、本年新收政府信息公开申请数量</td><td>5</td><td>1</td><td>0</td><td>0</td><td>0</td><td>0</td><td>6</td></tr></table></body></html>`;
    const misread = fromHtml(t2('<tr><td>行政处词</td><td>12</td></tr><tr><td>订政理制</td><td>3</td></tr>'));
    expect(valuesOf(misread)).toMatchObject({
      't2.rules.issued': 0,
      't2.rules.repealed': 1,
      't2.rules.valid': 3,
      't2.normative.issued': 6,
      't2.normative.valid': 40,
      't2.licensing.decisions': 45,
      't2.penalty.decisions': 12,
      't2.coercion.decisions': 3,
      't2.fees.amount': 1.5,
    });
    expect(misread.findings.filter((f) => f.rule === 'P-ROW-UNPLACED')).toEqual([]);
    // 行政确认 is a row the form does not have, as near 行政许可 and 行政强制 as 行政处罚: its figures are not read as 行政处罚's.
    const other = fromHtml(t2('<tr><td>行政确认</td><td>12</td></tr><tr><td>行政强制</td><td>3</td></tr>'));
    expect(valuesOf(other)['t2.penalty.decisions']).toBeUndefined();
    expect(valuesOf(other)['t2.coercion.decisions']).toBe(3);
    expect(other.findings.find((f) => f.rule === 'P-ROW-UNPLACED')?.message).toContain('行政确认');
  });

  it('gives a pre-2019 report format unknown and no standard-table values', () => {
    const t = fromHtml('<table><tr><td>项目</td><td>数量</td></tr><tr><td>行政许可</td><td>12</td></tr><tr><td>依申请公开</td><td>3</td></tr></table>');
    expect(t.format).toBe('unknown');
    expect(t.values).toEqual([]);
  });
});

describe('flattened text tables', () => {
  it('reads pipe rows, fills unlabelled table-3 rows by the form order between labelled ones', () => {
    const rows = [
      '| 一、本年新收政府信息公开申请数量 | 3 | 0 | 0 | 0 | 0 | 0 | 3 |',
      '| 二、上年结转政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |',
      '| （一）予以公开 | 2 | 0 | 0 | 0 | 0 | 0 | 2 |',
      '| 1 | 0 | 0 | 0 | 0 | 0 | 1 |',
      '| 1.属于国家秘密 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |',
    ];
    const t = fromText(
      `标题: 某局2023年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n| 信息内容 | 本年制发件数 |\n${rows.join('\n')}\n五、存在的主要问题及改进情况\n无`,
    );
    const v = valuesOf(t);
    expect(v['t3.partial.natural']).toBe(1);
    expect(v['t3.partial.total']).toBe(1);
    expect(v['t3.granted.total']).toBe(2);
    expect(v['t3.denied.stateSecret.total']).toBe(0);
  });

  it('rejoins a label the scraper wrapped, keeps a header line apart from the data row below it, and skips prose figures', () => {
    const text = [
      '三、收到和处理政府信息公开申请情况',
      '本年度予以公开12件，部分公开3件。',
      '| 信息内容 | 本年制发件数 |',
      '一、本年新收政府信息公开申请数量 ||| 15 | 0 | 0 | 0 | 0 | 0 | 15',
      '| （二）部分公开（区分处理的，只计这一情形，不计其',
      '他情形） || 3 | 0 | 0 | 0 | 0 | 0 | 3',
      '四、政府信息公开行政复议、行政诉讼情况',
      '||||| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计',
      '2 | 0 | 0 | 4 | 6 | 6 | 0 | 1 | 0 | 7 | 0 | 0 | 0 | 0 | 0',
      '五、存在的主要问题及改进情况',
    ].join('\n');
    const t = fromText(text);
    const v = valuesOf(t);
    expect(v['t3.partial.total']).toBe(3);
    expect(v['t3.granted.total']).toBeUndefined();
    expect(v['t4.review.total']).toBe(6);
    expect(v['t4.litigationDirect.total']).toBe(7);
    expect(t.findings.filter((f) => f.rule === 'P-ROW-SHAPE')).toEqual([]);
  });

  it('splits cells run together by the identities, and leaves an ambiguous table-2 row out with a finding', () => {
    const text =
      '一、总体情况 无。二、主动公开政府信息情况第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数规章000行政规范性文件6233440第二十条第（五）项信息内容本年处理决定数量行政许可4529' +
      '三、收到和处理政府信息公开申请情况申请人情况自然人法人或其他组织总计一、本年新收政府信息公开申请数量21710000218（三）不予公开1.属于国家秘密40000042.其他法律行政法规禁止公开0000000' +
      '四、政府信息公开行政复议、行政诉讼情况行政复议结果维持结果纠正其他结果尚未审结总计21317000001324019五、存在的主要问题及改进情况无。';
    const t = fromText(text);
    const v = valuesOf(t);
    expect(t.format).toBe('2021');
    expect(v['t2.rules.issued']).toBe(0);
    expect(v['t2.licensing.decisions']).toBe(4529);
    expect(v['t3.newReceived.natural']).toBe(217);
    expect(v['t3.newReceived.total']).toBe(218);
    expect(v['t3.denied.stateSecret.natural']).toBe(4);
    expect(v['t3.denied.lawProhibited.total']).toBe(0);
    expect(v['t4.litigationAfterReview.upheld']).toBe(13);
    expect(v['t4.litigationAfterReview.total']).toBe(19);
    expect(v['t2.normative.issued']).toBeUndefined();
    const amb = t.findings.find((f) => f.rule === 'P-SPLIT-AMBIGUOUS')!;
    expect(amb.keys).toEqual(['t2.normative.issued', 't2.normative.repealed', 't2.normative.valid']);
  });

  it('takes the split the narrative confirms', () => {
    const text = '一、总体情况 无。二、主动公开政府信息情况信息内容本年制发件数本年废止件数现行有效件数行政规范性文件6233440三、收到和处理政府信息公开申请情况';
    const doc = partitionText(decoded(text));
    const t = extractTables(doc, findSections(doc.text), [
      { key: 't2.normative.issued', value: 62, sentence: '' },
      { key: 't2.normative.repealed', value: 33, sentence: '' },
    ]);
    expect(valuesOf(t)).toMatchObject({ 't2.normative.issued': 62, 't2.normative.repealed': 33, 't2.normative.valid': 440 });
  });
});

describe('derived subtotals', () => {
  it('sums sub-rows, legal persons and litigation only when every part is printed', () => {
    const d = computeDerived({
      't3.unable.noInfo.total': 52,
      't3.unable.needCreation.total': 5,
      't3.unable.unclear.total': 0,
      't3.otherHandling.total': 5,
      't3.newReceived.commercial': 1,
      't3.newReceived.research': 1,
      't3.newReceived.social': 1,
      't3.newReceived.legal': 1,
      't3.newReceived.other': 1,
      't4.litigationDirect.corrected': 1,
      't4.litigationAfterReview.corrected': 1,
      't4.litigationDirect.total': 3,
    });
    expect(d['t3.unable.sum.total']).toBe(57);
    expect(d['t3.otherHandling.sum.total']).toBe(5);
    expect(d['t3.newReceived.legalPersons']).toBe(5);
    expect(d['t4.litigation.sum.corrected']).toBe(2);
    expect(d['t4.litigation.sum.total']).toBeUndefined();
    expect(d['t3.denied.sum.total']).toBeUndefined();
  });
});
