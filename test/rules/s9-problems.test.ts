import { findingsOf, makeReport } from './fixture';

const withSection5 = (text: string) => {
  const report = makeReport({ format: '2021', seed: 10 });
  report.sections = report.sections.map((s) => (s.n === 5 ? { ...s, text } : s));
  return report;
};

describe('S9 problems and improvements stated', () => {
  it('passes concrete problems and steps', () => {
    expect(findingsOf(makeReport({ format: '2021', seed: 10 }), 'S9')).toEqual([]);
  });

  it.each(['', '无', '无。', '暂无'])('warns on an empty section 5: %j', (text) => {
    expect(findingsOf(withSection5(text), 'S9')).toEqual([expect.objectContaining({ rule: 'S9-empty', severity: 'warning', keys: ['section.5'] })]);
  });

  it('warns on a stock sentence', () => {
    expect(findingsOf(withSection5('与群众的期待相比仍有一定差距，今后将进一步加强。'), 'S9')).toEqual([
      expect.objectContaining({ rule: 'S9-generic', severity: 'warning', keys: ['section.5'] }),
    ]);
  });

  it('says not-assessable without section 5', () => {
    const report = makeReport({ format: '2021', seed: 10 });
    report.sections = report.sections.filter((s) => s.n !== 5);
    expect(findingsOf(report, 'S9')).toEqual([expect.objectContaining({ rule: 'S9', outcome: 'not-assessable' })]);
  });
});
