import { extractNarrative } from '../../lambdas/core/narrative';
import { inferFormat } from '../../lambdas/core/narrative/format';

const read = (text: string, format: '2019' | '2021' = '2021') => Object.fromEntries(extractNarrative(text, [], { format }).map((f) => [f.key, f.value]));

describe('narrative phrasings', () => {
  it.each<[string, Record<string, number>]>([
    ['全年办理政府信息公开申请218件。', { 't3.newReceived.total': 218 }],
    [
      '2025年，全区共收到政府信息公开申请154件，共办结148件，结转至2026年6件。',
      { 't3.newReceived.total': 154, 't3.totalProcessed.total': 148, 't3.carriedForward.total': 6 },
    ],
    ['全年办理因政府信息公开申请引发的行政复议36起，行政诉讼9起。', { 't4.review.total': 36, 't4.litigation.sum.total': 9 }],
    ['动态更新发布本年度制发行政规范性文件62件，并同步做好全真版上传等工作。', { 't2.normative.issued': 62 }],
    ['2023年度我局共收到依申请信息公开26件，及时回复申请人。', { 't3.newReceived.total': 26 }],
    // Wrapped lines and spaced digits, as text extracted from a PDF.
    [
      '全年收到政府信息公开申请 34 件，上年结转政府信息公开\n申请 2 件，所有申请均已按要求办理完成。',
      { 't3.newReceived.total': 34, 't3.carriedOver.total': 2 },
    ],
    [
      '所有办结的信息公开申请中同意公开答复 9 件，部分公开答复 0 件，不予公开答复 2件，无法提供的 10 件，不予处理 0 件，其他处理 14 件，转下一年度办理答复的有 1 件。',
      {
        't3.granted.total': 9,
        't3.partial.total': 0,
        't3.denied.sum.total': 2,
        't3.unable.sum.total': 10,
        't3.notProcessed.sum.total': 0,
        't3.otherHandling.sum.total': 14,
        't3.carriedForward.total': 1,
      },
    ],
    [
      '2024 年市科委有 1 件涉及政府信息公开工作的行政复\n议，该行政复议件未被复议审查机关纠错。涉及的行政诉讼数为\n0 件。',
      { 't4.review.total': 1, 't4.litigation.sum.total': 0 },
    ],
    ['当年发布政府信息 393 件，其中包括：行政规范性文件 13 件；规划计划文件 2 件。', { 't2.normative.issued': 13 }],
    [
      '本年度未收到政府信息公开申请，未发生因政府信息公开引起的行政复议、行政诉讼情况。',
      { 't3.newReceived.total': 0, 't4.review.total': 0, 't4.litigation.sum.total': 0 },
    ],
    ['全年行政事业性收费金额18651.06万元。', { 't2.fees.amount': 18651.06 }],
    ['因政府信息公开被提起行政诉讼2件、行政复议3件。', { 't4.litigation.sum.total': 2, 't4.review.total': 3 }],
    ['全年办理行政处罚案件120件，作出行政许可决定3500件。', { 't2.penalty.decisions': 120, 't2.licensing.decisions': 3500 }],
    ['本年度未发生因政府信息公开引起的行政复议和行政诉讼。', { 't4.review.total': 0, 't4.litigation.sum.total': 0 }],
    [
      '2024 年，全市共受理政府信息公开申请 3119 件，答复 3050 件（含上年度结转申请 34 件，另有 103 件顺延到下年度答复），均在法定期限内予以答复。',
      { 't3.newReceived.total': 3119, 't3.totalProcessed.total': 3050, 't3.carriedOver.total': 34, 't3.carriedForward.total': 103 },
    ],
    [
      // The tables' column names in prose, each figure with its unit: the outcome belongs to the group named last.
      '政府信息公开行政复议 351件，其中结果维持 72 件，结果纠正 64 件，其他结果 178 件，尚未审结 37 件；政府信息公开行政诉讼 46 件，其中结果维持 25件，结果纠正 5 件，其他结果 9 件，尚未审结 7 件。',
      {
        't4.review.total': 351,
        't4.review.upheld': 72,
        't4.review.corrected': 64,
        't4.review.other': 178,
        't4.review.pending': 37,
        't4.litigation.sum.total': 46,
        't4.litigation.sum.upheld': 25,
        't4.litigation.sum.corrected': 5,
        't4.litigation.sum.other': 9,
        't4.litigation.sum.pending': 7,
      },
    ],
  ])('%s', (text, expected) => {
    expect(read(text)).toEqual(expected);
  });

  it('converts a procurement amount in 元 to 万元 (2019 format)', () => {
    expect(read('政府集中采购项目12个，采购总金额251000元。', '2019')).toEqual({ 't2.procurement.count': 12, 't2.procurement.amount': 25.1 });
  });

  it.each([
    '政务微信公开政府信息1722条，今日头条公开464条，网站新闻动态2279篇。',
    '其中机构职能类信息25条，政策、规范性文件类信息68条，行政许可类信息69条。',
    '全年公开核准企业资质条、施工许可证76条、安全生产许可证121条。',
    '全年受理网络问政182件。',
    '对5个发挥作用不明显的政务新媒体予以关停注销。',
    '凡不属于新条例规定不予公开的情况，一律予以公开。',
    '对巡查发现的问题及时纠正12个，维持原有栏目设置5个。',
    '本年度未发生行政复议被纠错的情况。',
    '六、其他需要报告的事项 2024年，无收取信息处理费情况。',
  ])('maps nothing from: %s', (text) => {
    expect(read(text, '2019')).toEqual({});
  });

  it('reads no table: markdown rows, run-together cells and flattened labels', () => {
    const tables = [
      '| 一、本年新收政府信息公开申请数量 | 32 | 2 | 0 | 0 | 0 | 0 | 34 |',
      '二、主动公开政府信息情况第二十条第（一）项信息内容本年新制作数量本年新公开数量对外公开总数量规章000规范性文件898989第二十条第（五）项信息内容上一年项目数量本年增/减处理决定数量行政许可3960181',
      '（一）予以公开7000007（二）部分公开（区分处理的，只计这一情形，不计其他情形）1000001',
    ].join('\n');
    expect(read(tables)).toEqual({});
  });

  it('reads sentences inside the table sections only when they are complete prose', () => {
    const text = '三、收到和处理政府信息公开申请情况\n本年度予以公开29件，部分公开4件。\n申请人情况自然人法人或其他组织总计予以公开2929';
    const sections = [{ n: 3, title: '三、收到和处理政府信息公开申请情况', text: text.slice(18) }];
    const got = extractNarrative(text, sections, { format: '2021' });
    expect(got.map((f) => [f.key, f.value, f.at])).toEqual([
      ['t3.granted.total', 29, 18],
      ['t3.partial.total', 4, 18],
    ]);
  });

  it('infers the format from the wording when not told', () => {
    expect(inferFormat('政府集中采购数量122项')).toBe('2019');
    expect(inferFormat('本年制发件数')).toBe('2021');
    expect(inferFormat('某某局2020年政府信息公开工作年度报告')).toBe('2019');
    expect(inferFormat('某某局2023年政府信息公开工作年度报告')).toBe('2021');
  });
});
