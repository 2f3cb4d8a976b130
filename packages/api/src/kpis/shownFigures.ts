import { suppressRatio, suppressSmallCounts, type KpiRatio } from "@waymark/core";

/** A count as the schema shows it: the number (null when hidden) and what to print. */
export interface ShownCount {
  readonly count: number | null;
  readonly shown: string;
}

/** A proportion as the schema shows it (see the comment at the top of graphql/types/kpis.ts). */
export interface ShownRatio {
  readonly numerator: number | null;
  readonly numeratorShown: string;
  readonly denominator: number | null;
  readonly denominatorShown: string;
  readonly value: number | null;
  readonly valueShown: string;
}

/** What a value reads as when nothing was counted, so "no one was due" is not mistaken for 0%. */
export const NOT_APPLICABLE = "N/A";

/** A fraction as a percentage with one decimal, the way the product prints it. */
export function percentageText(value: number): string {
  return `${(value * 100).toFixed(1)}%`;
}

/** Shows a count, hiding 1..4 when `suppress` is set (DOMAIN §7, core's `suppressSmallCounts`). */
export function shownCount(count: number, suppress: boolean): ShownCount {
  const shown = suppress ? suppressSmallCounts(count) : count;
  return typeof shown === "number" ? { count: shown, shown: String(shown) } : { count: null, shown };
}

/**
 * Shows a proportion, through core's `suppressRatio` when `suppress` is set so a hidden count cannot be read back
 * from the other figures.
 */
export function shownRatio(ratio: KpiRatio, suppress: boolean): ShownRatio {
  const shown = suppress ? suppressRatio(ratio) : ratio;
  const numberOrNull = (figure: number | string): number | null => (typeof figure === "number" ? figure : null);
  const value = typeof shown.value === "number" ? shown.value : null;
  return {
    numerator: numberOrNull(shown.numerator),
    numeratorShown: String(shown.numerator),
    denominator: numberOrNull(shown.denominator),
    denominatorShown: String(shown.denominator),
    value,
    valueShown: shown.value === null ? NOT_APPLICABLE : value === null ? String(shown.value) : percentageText(value),
  };
}

/**
 * Shows a mean that is not a proportion (episodes per keyworker): each count is suppressed on its own, and the
 * mean is hidden whenever either count is, since with the other it would give the hidden one back.
 */
export function shownMean(ratio: KpiRatio, suppress: boolean): ShownRatio {
  const numerator = shownCount(ratio.numerator, suppress);
  const denominator = shownCount(ratio.denominator, suppress);
  const hidden = numerator.count === null || denominator.count === null;
  return {
    numerator: numerator.count,
    numeratorShown: numerator.shown,
    denominator: denominator.count,
    denominatorShown: denominator.shown,
    value: hidden ? null : ratio.value,
    valueShown: hidden ? "SUPPRESSED" : ratio.value === null ? NOT_APPLICABLE : ratio.value.toFixed(1),
  };
}
