import { findingsOf, makeReport } from './fixture';

const published = (agency: string, publishedAt: string | null) => ({
  ...makeReport({ format: '2021', seed: 13, agency, year: 2024, publishedAt: '2025-01-10' }),
  publishedAt,
});

describe('S12 publication deadline', () => {
  it.each([
    ['临江县自然资源局', '2025-01-31'],
    ['东湖区人民政府', '2025-03-31'],
    ['平潭综合实验区', '2025-03-10'],
    ['青川市人民政府办公室', '2025-01-20'],
  ])('passes %s published %s', (agency, date) => {
    expect(findingsOf(published(agency, date), 'S12')).toEqual([]);
  });

  it.each([
    ['临江县自然资源局', '2025-02-01', '2025-01-31'],
    ['青川市人民政府办公室', '2025-03-10', '2025-01-31'],
    ['东湖区人民政府', '2025-04-01', '2025-03-31'],
  ])('warns on %s published %s, after %s', (agency, date, deadline) => {
    const [f] = findingsOf(published(agency, date), 'S12');
    expect(f).toMatchObject({ rule: 'S12', severity: 'warning', outcome: 'failed', keys: ['publishedAt', 'year', 'agency'] });
    expect(f.evidence).toContain(`deadline ${deadline}`);
  });

  it('says not-assessable (info) without a publication date', () => {
    expect(findingsOf(published('东湖区人民政府', null), 'S12')).toEqual([
      expect.objectContaining({ rule: 'S12', severity: 'info', outcome: 'not-assessable', keys: ['publishedAt', 'year'] }),
    ]);
  });
});
