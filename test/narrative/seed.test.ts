import { readFileSync } from 'node:fs';
import path from 'node:path';
import { decode } from '../../lambdas/core/decode';
import { extractNarrative } from '../../lambdas/core/narrative';
import { findSections } from '../../lambdas/core/sections/find-sections';

const seed = decode(readFileSync(path.resolve(__dirname, '../../samples/000_a211173aaaac4cee.txt')), 'text');
const figures = extractNarrative(seed.text, findSections(seed.text));

describe("the seed's narrative figures", () => {
  it('are exactly those the report states, and nothing about posts or news items', () => {
    const got = Object.fromEntries(figures.map((f) => [f.key, f.value]));
    expect(figures).toHaveLength(Object.keys(got).length);
    expect(got).toEqual({
      't2.normative.published': 18,
      't2.normative.made': 18,
      't2.licensing.decisions': 441317,
      't2.otherServices.decisions': 7006,
      't2.penalty.decisions': 31,
      't2.procurement.count': 122,
      't2.procurement.amount': 733.39,
      't3.newReceived.total': 95,
      't3.newReceived.natural': 90,
      't3.newReceived.legalPersons': 5,
      't3.granted.total': 29,
      't3.partial.total': 4,
      't3.unable.sum.total': 57,
      't3.unable.noInfo.total': 52,
      't3.otherHandling.sum.total': 5,
      't3.denied.sum.total': 0,
      't3.notProcessed.sum.total': 0,
      't4.review.total': 3,
      't4.litigation.sum.total': 3,
      't4.litigation.sum.corrected': 2,
    });
  });

  it('cite the sentence each figure comes from, at its offset in the text', () => {
    const byKey = (k: string) => figures.find((f) => f.key === k)!;
    expect(byKey('t4.litigation.sum.corrected').sentence).toContain('有2件败诉');
    expect(byKey('t3.denied.sum.total').sentence).toBe('不存在不予公开和不予处理情况。');
    expect(byKey('t2.normative.made').sentence).toContain('制发18件规范性文件');
    for (const f of figures) expect(seed.text.slice(f.at!).replace(/\s+/g, '').startsWith(f.sentence)).toBe(true);
  });

  it('map table 2 sentences by format: 2021 has issued where 2019 has made and published', () => {
    const as2021 = extractNarrative(seed.text, findSections(seed.text), { format: '2021' });
    const keys = as2021.map((f) => f.key);
    expect(keys).toContain('t2.normative.issued');
    expect(keys).not.toContain('t2.normative.made');
    expect(keys).not.toContain('t2.otherServices.decisions');
    expect(keys).not.toContain('t2.procurement.count');
  });
});
