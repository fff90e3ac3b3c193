import { findingsOf, makeReport } from './fixture';

describe('S13 encoding damage', () => {
  it('passes clean text', () => {
    expect(findingsOf(makeReport({ format: '2021', seed: 14 }), 'S13')).toEqual([]);
  });

  it('reports a repaired run with what it was and what it became', () => {
    const report = makeReport({ format: '2021', seed: 14 });
    report.repairs = [{ kind: 'mojibake', at: 812, before: '”六?!钡刃麄鞴ぷ靼才?', after: '保”等宣传工作安排', method: 'byte shift' }];
    const [f] = findingsOf(report, 'S13');
    expect(f).toMatchObject({ rule: 'S13-repaired', severity: 'warning', keys: ['repairs'] });
    expect(f.evidence).toContain('保”等宣传工作安排');
  });

  it('reports damage still in the text with its share, an error when heavy', () => {
    const light = makeReport({ format: '2021', seed: 14 });
    light.sections[0] = { ...light.sections[0], text: `${light.sections[0].text}按照“六稳”、”六?!钡刃麄鞴ぷ靼才?，组织宣传。` };
    expect(findingsOf(light, 'S13')).toEqual([expect.objectContaining({ rule: 'S13-damage', severity: 'warning', keys: ['sections'] })]);
    const heavy = makeReport({ format: '2021', seed: 14 });
    heavy.sections[0] = { ...heavy.sections[0], text: '全年\uFFFD\uFFFD\uFFFD\uFFFD申请\uFFFD\uFFFD件。' };
    const [f] = findingsOf(heavy, 'S13');
    expect(f).toMatchObject({ rule: 'S13-damage', severity: 'error' });
    expect(f.evidence).toMatch(/share 0\.\d+/);
  });
});
