import { readTitle } from '../../lambdas/core/metadata/title';
import { readMetadata } from '../../lambdas/core/metadata';
import { partitionHtml } from '../../lambdas/core/partition/html';
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

  it('reads the page title and date meta from the head without making them body text', () => {
    const html =
      '<html><head><title>某市交通运输局2022年政府信息公开工作年度报告_某市人民政府</title><meta name="PubDate" content="2023-01-20 09:30"></head>' +
      '<body><p>一、总体情况</p></body></html>';
    const page = partitionHtml({ text: html, raw: html, encoding: 'utf-8', script: 'simplified', repairs: [], damage: [] });
    expect(page.text).toBe('一、总体情况');
    expect(page.publishedAt).toBe('2023-01-20');
    expect(readMetadata(page, [])).toMatchObject({ agency: '某市交通运输局', year: 2022, publishedAt: '2023-01-20' });
  });

  it('says a page without a report title or sections is not a report', () => {
    expect(readMetadata(doc('欢迎访问本网站。今日新闻。'), []).isReport).toBe(false);
  });
});

describe('agency names', () => {
  it.each([
    ['新疆生产建设兵团第8师2024年度政府信息公开工作年度报告', '新疆生产建设兵团第8师', 2024],
    ['新疆生产建设兵团第８师2024年度政府信息公开工作年度报告', '新疆生产建设兵团第８师', 2024],
    ['新疆生产建设兵团第十二师2023年政府信息公开工作年度报告', '新疆生产建设兵团第十二师', 2023],
    ['第二师246团2024年政府信息公开工作年度报告', '第二师246团', 2024],
    ['第Ⅻ师2024年政府信息公开工作年度报告', '第Ⅻ师', 2024],
    ['2024年第8师政府信息公开工作年度报告', '第8师', 2024],
    ['2023-03-25 10:12 某市交通运输局2022年政府信息公开工作年度报告', '某市交通运输局', 2022],
  ])('keeps digits, letters and numerals in %s', (title, agency, year) => {
    expect(readTitle(title)).toEqual({ agency, year });
  });

  it('gives no agency, only the doubt, for a title that names no particular body', () => {
    expect(readTitle('政府2024年政府信息公开工作年度报告')).toEqual({ agency: null, year: 2024, doubtful: '政府' });
    expect(readTitle('本机关2024年政府信息公开工作年度报告')).toEqual({ agency: null, year: 2024, doubtful: '本机关' });
  });
});

describe('a report whose agency cannot be told', () => {
  it('has agency null and a finding saying why, so it takes no slot', async () => {
    const { parseReport } = await import('../../lambdas/core/record/parse-report');
    const { reportHtml } = await import('../../local/synthetic-report');
    const r = await parseReport({ id: 'g', name: 'g.html', bytes: Buffer.from(reportHtml('政府', 2024)) });
    expect(r).toMatchObject({ status: 'parsed', agency: null, year: 2024 });
    expect(r.findings).toContainEqual(expect.objectContaining({ rule: 'P-AGENCY-UNCERTAIN', severity: 'warning', evidence: '政府' }));
  });
});

describe('portal chrome is not the agency', () => {
  it.each([
    ['•首页•政务公开•政府信息公开•政府信息公开年报平潭综合实验区2019年度政府信息公开工作年度报告', '平潭综合实验区', 2019],
    ['*首页*政务公开*政府信息公开*年报平潭综合实验区2020年度政府信息公开工作年度报告', '平潭综合实验区', 2020],
    ['当前位置：首页 > 政务公开 > 政府信息公开年报 > 某市交通运输局2022年政府信息公开工作年度报告', '某市交通运输局', 2022],
    ['您的位置：首页/信息公开/年度报告/某县民政局2023年度政府信息公开工作年度报告', '某县民政局', 2023],
  ])('reads the title after the breadcrumb trail in %s', (title, agency, year) => {
    expect(readTitle(title)).toEqual({ agency, year });
  });

  it('never takes a dash or a rule for a name', () => {
    expect(readTitle('# —— 2024年度 政府信息公开工作年度报告')?.agency ?? null).toBeNull();
    expect(readTitle('——2024年度政府信息公开工作年度报告')?.agency ?? null).toBeNull();
  });

  it('takes the agency from the signature when the title names none', () => {
    const text = [
      '2024年政府信息公开工作年度报告',
      '一、总体情况',
      '……',
      '六、其他需要报告的事项',
      '本年度未收取信息处理费。',
      '某县 发展和改革局',
      '2025年1月17日',
      '版权所有：某县人民政府  网站标识码 3213000001',
    ].join('\n');
    expect(readMetadata(doc(text), [])).toMatchObject({ agency: '某县发展和改革局', doubtfulAgency: undefined });
    // Without a signature the doubt stays.
    expect(readMetadata(doc(text.replace('某县 发展和改革局\n', '')), [])).toMatchObject({ agency: null, doubtfulAgency: '政府' });
  });
});
