import { fixRadicals } from '../../lambdas/core/partition/pdf/radicals';

describe('fixRadicals', () => {
  it('maps Kangxi radicals through NFKC to the ideographs', () => {
    expect(fixRadicals('地⽅⼀般')).toBe('地方一般');
  });

  it('maps the CJK Radicals Supplement, which NFKC leaves alone, through the Unicode table', () => {
    expect('⻅⻓'.normalize('NFKC')).toBe('⻅⻓');
    expect(fixRadicals('⻅⻓⻔⻋⻉')).toBe('见长门车贝');
  });

  it('gives the simplified form where NFKC gives the traditional one', () => {
    expect('⼾⾨'.normalize('NFKC')).toBe('戶門');
    expect(fixRadicals('门⼾⽹站⾨')).toBe('门户网站门');
  });

  it('leaves full-width punctuation and everything else as printed', () => {
    const s = '（一）依申请公开：ＡＢＣ 1,234 ⺀';
    expect(fixRadicals(s)).toBe(s);
  });
});
