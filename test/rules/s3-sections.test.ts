import { findingsOf, makeReport } from './fixture';

const base = () => makeReport({ format: '2021', seed: 4 });

describe('S3 six sections, in order, as titled', () => {
  it('passes the six sections of the format', () => {
    expect(findingsOf(base(), 'S3')).toEqual([]);
  });

  it('fails a dropped section', () => {
    const report = base();
    report.sections = report.sections.filter((s) => s.n !== 5);
    const [f] = findingsOf(report, 'S3');
    expect(f).toMatchObject({ rule: 'S3-missing', severity: 'error', keys: ['section.5'] });
  });

  it('warns on a renamed title', () => {
    const report = base();
    report.sections[4] = { ...report.sections[4], title: '五、存在的问题及下一步安排' };
    const [f] = findingsOf(report, 'S3');
    expect(f).toMatchObject({ rule: 'S3-title', severity: 'warning', keys: ['section.5'] });
    expect(f.evidence).toContain('存在的问题及下一步安排');
  });

  it('warns on a misnumbered title', () => {
    const report = base();
    report.sections[1] = { ...report.sections[1], title: '一、主动公开政府信息情况' };
    expect(findingsOf(report, 'S3')).toEqual([expect.objectContaining({ rule: 'S3-numbering', severity: 'warning', keys: ['section.2'] })]);
  });

  it('fails sections out of order', () => {
    const report = base();
    [report.sections[2], report.sections[3]] = [report.sections[3], report.sections[2]];
    const rules = findingsOf(report, 'S3').map((f) => [f.rule, f.severity]);
    expect(rules).toEqual([['S3-order', 'error']]);
  });
});
