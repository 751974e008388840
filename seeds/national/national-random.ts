import { seededRandom } from '../demo-activity';

/**
 * The national dataset's only source of randomness: one seeded generator (mulberry32, shared with the Sơn La
 * demo), so that the same seed and scale give the same rows, ids included, on every machine.
 */
export class NationalRandom {
  private readonly next: () => number;

  constructor(seed: number) {
    this.next = seededRandom(seed);
  }

  float(): number {
    return this.next();
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /** One key of `weights`, with probability proportional to its weight. */
  weighted<K extends string>(weights: Readonly<Record<K, number>>): K {
    const entries = Object.entries(weights) as [K, number][];
    let roll = this.next() * entries.reduce((sum, [, w]) => sum + w, 0);
    for (const [key, weight] of entries) {
      roll -= weight;
      if (roll < 0) return key;
    }
    return entries[entries.length - 1][0];
  }

  /** A version-4-shaped UUID drawn from the seeded generator (deterministic, unlike gen_random_uuid()). */
  uuid(): string {
    const hex = (_part: number) => (Math.floor(this.next() * 0x100000000) >>> 0).toString(16).padStart(8, '0');
    const a = hex(0);
    const b = hex(0);
    const c = hex(0);
    const d = hex(0);
    return `${a}-${b.slice(0, 4)}-4${b.slice(5, 8)}-${((parseInt(c[0], 16) & 0x3) | 0x8).toString(16)}${c.slice(1, 4)}-${c.slice(4, 8)}${d}`;
  }
}
