import { findingsOf, makeReport } from './fixture';

const report = (agency: string, summary?: string) => {
  const r = makeReport({ format: '2021', seed: 15, agency });
  if (summary !== undefined) r.sections = r.sections.map((s) => (s.n === 1 ? { ...s, text: summary } : s));
  return r;
};

describe('S14 assessment, public evaluation and accountability (governments)', () => {
  it('passes a government report that states all three', () => {
    expect(findingsOf(report('东湖区人民政府'), 'S14')).toEqual([]);
  });

  it('warns on a government report that leaves them out, naming what is missing', () => {
    const [f] = findingsOf(report('东湖区人民政府', '2024年，本区政务公开工作稳步推进。'), 'S14');
    expect(f).toMatchObject({ rule: 'S14', severity: 'warning' });
    expect(f.keys).toEqual(['agency', 'topic.performance-assessment', 'topic.public-evaluation', 'topic.accountability']);
  });

  it('does not ask a department', () => {
    expect(findingsOf(report('临江县自然资源局', '2024年，本局政务公开工作稳步推进。'), 'S14')).toEqual([]);
  });
});
