/** A small seeded PRNG (mulberry32), so a seed always gives the same report on every machine. */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Integer in [lo, hi], both included. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /** Integer in [0, max] spread over orders of magnitude, as counts of decisions are in real reports. */
  magnitude(max: number): number {
    return Math.floor(Math.pow(max + 1, this.next())) - 1;
  }

  /** Money in 万元 with two decimals, spread over the orders of magnitude between min and max. */
  money(min: number, max: number): number {
    return Math.round(min * Math.pow(max / min, this.next()) * 100) / 100;
  }
}
