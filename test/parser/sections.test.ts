import { findSections } from '../../lambdas/core/sections/find-sections';

const body = (titles: string[]) => titles.map((t, i) => `${t}\n第${i + 1}部分的正文。`).join('\n');

describe('finding the six sections', () => {
  it('finds the standard titles in order with their text', () => {
    const s = findSections(
      body([
        '一、总体情况',
        '二、主动公开政府信息情况',
        '三、收到和处理政府信息公开申请情况',
        '四、政府信息公开行政复议、行政诉讼情况',
        '五、存在的主要问题及改进情况',
        '六、其他需要报告的事项',
      ]),
    );
    expect(s.map((x) => x.n)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(s[4].title).toBe('五、存在的主要问题及改进情况');
    expect(s[2].text).toBe('第3部分的正文。');
  });

  it('accepts title variants, arabic numbering and stray spaces', () => {
    const s = findSections(
      body([
        '1、总 体 情 况',
        '2、主动公开政府信息情况',
        '3、收到和处理政府信息公开申请情况',
        '4、政府信息公开行政复议、行政诉讼情况',
        '5、存在的问题及下一步安排',
        '6、其他需要报告的事项',
      ]),
    );
    expect(s.map((x) => x.n)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(s[4].title).toBe('5、存在的问题及下一步安排');
    const t = findSections(body(['一、总体情况', '五、存在的主要问题及整改措施']));
    expect(t.map((x) => `${x.n}:${x.title}`)).toEqual(['1:一、总体情况', '5:五、存在的主要问题及整改措施']);
  });

  it('ignores the preamble that lists the sections, and reports a missing section as absent', () => {
    const text = '本报告共分6个部分：总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况。\n一、总体情况 正文\n六、其他需要报告的事项 无';
    const s = findSections(text);
    expect(s.map((x) => x.n)).toEqual([1, 6]);
    expect(s[0].text).toBe('正文');
  });

  it('reads headings run into one line, as crawlers flatten them', () => {
    const s = findSections(
      '一、总体情况 2024年，工作。二、主动公开政府信息情况规章000三、收到和处理政府信息公开申请情况……五、存在的主要问题及改进情况2024年仍有不足。六、其他需要报告的事项无。',
    );
    expect(s.map((x) => x.title)).toEqual([
      '一、总体情况',
      '二、主动公开政府信息情况',
      '三、收到和处理政府信息公开申请情况',
      '五、存在的主要问题及改进情况',
      '六、其他需要报告的事项',
    ]);
  });
});
