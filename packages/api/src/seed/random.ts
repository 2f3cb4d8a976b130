/**
 * A small seeded pseudo-random generator (mulberry32). The demo provider must come out the same on every
 * machine and every run, so tests can compare two seeds and a screenshot in the docs stays true; Math.random
 * cannot be seeded.
 */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A number in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  }

  /** A whole number from `min` to `max`, both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** True with probability `probability`. */
  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error("Cannot pick from an empty list");
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** One of the entries, each as likely as its weight. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
    let remaining = this.next() * total;
    let chosen: T | undefined;
    for (const [value, weight] of entries) {
      chosen = value;
      remaining -= weight;
      if (remaining < 0) break;
    }
    if (chosen === undefined) throw new Error("Cannot choose from no entries");
    return chosen;
  }

  /** `count` different items, in a random order. */
  sample<T>(items: readonly T[], count: number): T[] {
    const pool = [...items];
    const chosen: T[] = [];
    while (chosen.length < count && pool.length > 0) chosen.push(...pool.splice(Math.floor(this.next() * pool.length), 1));
    return chosen;
  }

  /** A generator for one part of the data, so adding draws in one part does not reshuffle the others. */
  fork(label: string): Random {
    let hash = this.state ^ 0x9e3779b9;
    for (const character of label) hash = Math.imul(hash ^ character.charCodeAt(0), 0x01000193) >>> 0;
    return new Random(hash);
  }
}
