import type { KpiRatio } from "./types.js";

/** What an analyst sees for a count: the count itself, or "<5" (with the threshold used) when it is small. */
export type SuppressedCount = number | `<${number}`;

/** Commissioners' usual rule: counts of 1 to 4 people could identify someone. */
export const DEFAULT_SUPPRESSION_THRESHOLD = 5;

/**
 * Hides a small count in analysts' outputs (DOMAIN §7): a count from 1 up to `threshold - 1` becomes
 * "<threshold" ("<5" by default). Zero is shown, since it identifies nobody; counts from the threshold up are
 * shown as they are. Refuses anything that is not a whole count, so a ratio is never passed in by mistake.
 */
export function suppressSmallCounts(value: number, threshold: number = DEFAULT_SUPPRESSION_THRESHOLD): SuppressedCount {
  if (!Number.isInteger(value) || value < 0) throw new RangeError(`Only whole counts can be suppressed, got ${value}`);
  if (!Number.isInteger(threshold) || threshold < 1) throw new RangeError(`The suppression threshold must be a whole number from 1, got ${threshold}`);
  return value > 0 && value < threshold ? `<${threshold}` : value;
}

/** Shown in place of a count or a fraction that is hidden because it would give a small count away by difference. */
export const SUPPRESSED_VALUE = "SUPPRESSED";

/** A ratio as an analyst may see it. */
export interface SuppressedRatio {
  readonly numerator: SuppressedCount | typeof SUPPRESSED_VALUE;
  readonly denominator: SuppressedCount;
  /** The fraction, null when nothing was counted, or SUPPRESSED_VALUE when it would give away a small count. */
  readonly value: number | null | typeof SUPPRESSED_VALUE;
}

/**
 * Suppresses a proportion (numerator never above denominator) so that no small count can be read from it, directly or by difference. A small numerator
 * or denominator shows as "<5". A numerator whose complement (denominator minus numerator: the people who did
 * not meet the measure) is small shows as SUPPRESSED_VALUE, since with the denominator it would give that complement
 * away; it is not shown as "<5" because the numerator itself is not small. The fraction is hidden whenever
 * either count is, since with the other count it would give the hidden one back (10% of 30 is 3).
 */
export function suppressRatio(ratio: KpiRatio, threshold: number = DEFAULT_SUPPRESSION_THRESHOLD): SuppressedRatio {
  const numerator = suppressSmallCounts(ratio.numerator, threshold);
  const denominator = suppressSmallCounts(ratio.denominator, threshold);
  const complementIsSmall = suppressSmallCounts(ratio.denominator - ratio.numerator, threshold) !== ratio.denominator - ratio.numerator;
  const shownNumerator = numerator === ratio.numerator && complementIsSmall ? SUPPRESSED_VALUE : numerator;
  const hidden = shownNumerator !== ratio.numerator || denominator !== ratio.denominator;
  return { numerator: shownNumerator, denominator, value: hidden ? SUPPRESSED_VALUE : ratio.value };
}
