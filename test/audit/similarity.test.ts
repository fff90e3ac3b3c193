import { minHash, SHINGLE, similarity } from '../../lambdas/core/audit/similarity';
import { Random } from '../../scripts/generate/random';
import { prose } from './fixtures';

/** Exact Jaccard similarity of the shingle sets: what the signature estimates. */
function jaccard(a: string, b: string): number {
  const set = (s: string) => new Set(Array.from({ length: s.length - SHINGLE + 1 }, (_, i) => s.slice(i, i + SHINGLE)));
  const [x, y] = [set(a), set(b)];
  const common = [...x].filter((s) => y.has(s)).length;
  return common / (x.size + y.size - common);
}

describe('shingle similarity', () => {
  it('estimates the Jaccard similarity of shingle sets within 0.15', () => {
    const rnd = new Random(7);
    const base = prose(rnd, 600);
    for (const every of [2, 5, 10, 20, 50, 1000]) {
      const edited = [...base].map((c, i) => (i % every === 0 ? '改' : c)).join('');
      expect(Math.abs(similarity(minHash(base), minHash(edited)) - jaccard(base, edited))).toBeLessThan(0.15);
    }
  });

  it('is 1 for the same text and near 0 for unrelated texts', () => {
    const rnd = new Random(8);
    const a = prose(rnd, 400);
    expect(similarity(minHash(a), minHash(a))).toBe(1);
    expect(similarity(minHash(a), minHash(prose(rnd, 400)))).toBeLessThan(0.1);
  });
});
