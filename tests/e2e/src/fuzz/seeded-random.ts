/**
 * A small seeded PRNG (mulberry32), so a fuzz case is replayed from its seed, method and index alone: each case draws
 * from its own stream, and running one method (or fewer cases) gives the very same bytes for the cases it runs.
 */
export class SeededRandom {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A stream of its own for one case: the run's seed mixed with a label (the method) and the case's index. */
  static forCase(seed: number, label: string, index: number): SeededRandom {
    let h = (seed ^ 0x9e3779b9) >>> 0;
    for (const char of `${label}#${index}`) h = Math.imul(h ^ char.charCodeAt(0), 0x01000193) >>> 0;
    return new SeededRandom(h);
  }

  /** In [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }

  bytes(length: number): Uint8Array {
    const out = new Uint8Array(length);
    for (let i = 0; i < length; i++) out[i] = Math.floor(this.next() * 256);
    return out;
  }
}
