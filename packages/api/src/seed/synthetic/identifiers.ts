import type { Random } from "../random.js";

const HEX = "0123456789abcdef";

/**
 * IDs for generated records, shaped like version-7 UUIDs: a rising sequence number where a v7 UUID has its
 * timestamp, then version and variant bits, then digits from the seeded generator. Rising keys go in at the
 * end of every primary-key and foreign-key index, which keeps a bulk load of millions of rows from
 * rewriting pages all over the file (random v4 keys made a 100,000-person seed several times slower), and the
 * same seed gives the same IDs on every run, so a benchmark can name the same records twice.
 */
export class SyntheticIds {
  private sequence = 0;

  constructor(private readonly random: Random) {}

  next(): string {
    this.sequence += 1;
    let text = this.sequence.toString(16).padStart(12, "0");
    for (let index = 12; index < 32; index += 1) {
      let digit = Math.floor(this.random.next() * 16);
      if (index === 12) digit = 7;
      if (index === 16) digit = 8 + (digit & 3);
      text += HEX[digit];
    }
    return `${text.slice(0, 8)}-${text.slice(8, 12)}-${text.slice(12, 16)}-${text.slice(16, 20)}-${text.slice(20)}`;
  }
}
