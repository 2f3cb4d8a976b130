/**
 * Arithmetic for measures that fragments can multiply: reusing a fragment twice in each of many nested
 * fragments doubles a count at every level, so sums and products stop at the largest exact integer
 * instead of drifting into Infinity. Any limit is far below it, so the answer is the same.
 */
const CEILING = Number.MAX_SAFE_INTEGER;

/** a + b, at most Number.MAX_SAFE_INTEGER. */
export function saturatingSum(a: number, b: number): number {
  return Math.min(a + b, CEILING);
}

/** a × b, at most Number.MAX_SAFE_INTEGER. */
export function saturatingProduct(a: number, b: number): number {
  return Math.min(a * b, CEILING);
}
