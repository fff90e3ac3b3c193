import fc from 'fast-check';
import iconv from 'iconv-lite';
import { MAX_RUN, repairMojibake, WORK_BASE, WORK_PER_CHAR, type RepairResult, type RepairWork } from '../../lambdas/core/decode/gbk-repair';

/**
 * The mojibake repair does work linear in its input, whatever the input: random bytes 0x80–0xFF
 * (all suspect, the worst case) of 0.25 to 8 MB are scored at most WORK_PER_CHAR times per
 * character plus a constant, and what it returns still accounts for every character.
 */
const MB = 1024 * 1024;

/** Random high bytes from a seed (xorshift): fast-check picks size and seed, not 8 million values. */
function highBytes(size: number, seed: number): Buffer {
  const b = Buffer.alloc(size);
  let x = seed | 1;
  for (let i = 0; i < size; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    b[i] = 0x80 | (x & 0x7f);
  }
  return b;
}

/** The input, rebuilt from the output by undoing each repair: nothing dropped, nothing invented. */
function undo(r: RepairResult): string {
  let text = r.text;
  for (const rep of [...r.repairs].reverse()) {
    expect(text.slice(rep.at, rep.at + rep.after.length)).toBe(rep.after);
    text = text.slice(0, rep.at) + rep.before + text.slice(rep.at + rep.after.length);
  }
  return text;
}

/** One candidate's worth past the budget at most: a span of MAX_RUN plus its padding, and ~190 tries for each lost byte with two neighbours. */
const ONE_CANDIDATE = (MAX_RUN + 16) * (1 + 3 * 191);

it('scores random high bytes of 0.25–8 MB a bounded number of times per character, and keeps every character', () => {
  fc.assert(
    fc.property(fc.integer({ min: MB / 4, max: 8 * MB }), fc.integer(), (size, seed) => {
      const text = iconv.decode(highBytes(size, seed), 'gb18030');
      const work: RepairWork = { scored: 0 };
      const r = repairMojibake(text, work);
      expect(work.scored).toBeLessThanOrEqual(WORK_BASE + WORK_PER_CHAR * text.length + ONE_CANDIDATE);
      expect(undo(r)).toBe(text);
      for (const d of r.damage) expect(r.text.slice(d.at, d.at + d.text.length)).toBe(d.text);
      // Noise end to end is flagged, not silently passed off as text.
      expect(r.damage.length).toBeGreaterThan(0);
    }),
    // The third example once made a repair widened over its neighbour's span count a character twice.
    {
      numRuns: 4,
      examples: [
        [8 * MB, 1],
        [8258652, 0],
        [2206153, -1750685555],
      ],
    },
  );
});
