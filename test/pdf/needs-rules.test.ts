import { needsRules } from '../../lambdas/core/partition/pdf/needs-rules';
import type { PageText } from '../../lambdas/core/partition/pdf/layout';
import { item } from './text-item';

const page = (items: PageText['items']): PageText => ({ page: 2, width: 595, height: 842, items });

/** A sentence whose figures are runs of their own (a font change around the digits), as Word and WPS write them. */
const sentence = (y: number) => {
  const parts = ['2023', '年，本机关共收到政府信息公开申请', '14', '件，办结', '12', '件，全部在法定期限内答复完毕。'];
  let x = 50;
  return parts.map((s) => {
    const it = item(s, x, y);
    x += it.width;
    return it;
  });
};

describe('needsRules (which pages pdf.js reads the operator list of)', () => {
  it('skips a page whose figures all stand in sentences', () => {
    expect(needsRules(page([...sentence(700), ...sentence(680)]))).toBe(false);
  });

  it('reads a page holding a table row, however sparse, beside the prose', () => {
    expect(needsRules(page([...sentence(760), item('信息内容', 50, 700), item('本年制发件数', 300, 700), item('1.规章', 50, 680), item('3', 300, 680)]))).toBe(
      true,
    );
  });

  it('skips a page with fewer than two figures (a page number)', () => {
    expect(needsRules(page([item('一、总体情况', 50, 760), item('2', 297, 40)]))).toBe(false);
  });
});
