import { readTitle } from '../../lambdas/core/metadata/title';
import { readMetadata } from '../../lambdas/core/metadata';
import { readHeaderDate } from '../../lambdas/core/metadata/published-at';
import type { DocText } from '../../lambdas/core/types';

const doc = (text: string, title?: string): DocText => ({ kind: 'text', text, raw: text, title, grids: [] });

describe('metadata', () => {
  it.each([
    ['平潭综合实验区2024年度政府信息公开工作年度报告', '平潭综合实验区', 2024],
    ['沭阳县发展和改革局2023年政府信息公开年度报告-沭阳县发改局', '沭阳县发展和改革局', 2023],
    ['2024 年上海市科委政府信息公开工作\n年度报告', '上海市科委', 2024],
    ['洪泽区人民政府\n2023 年政府信息公开工作年度报告', '洪泽区人民政府', 2023],
    ['某市人民政府门户网站 - 某市交通运输局2022年政府信息公开工作年度报告', '某市交通运输局', 2022],
  ])('reads the agency and year from %s', (title, agency, year) => {
    expect(readTitle(title)).toEqual({ agency, year });
  });

  it('takes the year from the statistics period over the title', () => {
    const m = readMetadata(doc('某局2021年政府信息公开工作年度报告\n本报告所列数据的统计期限自2020年1月1日起至2020年12月31日止。'), []);
    expect(m.year).toBe(2020);
    expect(m.agency).toBe('某局');
  });

  it('reads publication dates in their printed forms', () => {
    expect(readHeaderDate('发布时间: 2025-03-10 15:35')).toBe('2025-03-10');
    expect(readHeaderDate('公开日期 | 2024年1月7日')).toBe('2024-01-07');
    expect(readHeaderDate('统计期限2024年1月1日')).toBeUndefined();
  });

  it('says a page without a report title or sections is not a report', () => {
    expect(readMetadata(doc('欢迎访问本网站。今日新闻。'), []).isReport).toBe(false);
  });
});
