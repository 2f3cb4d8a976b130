import { tallyRatio } from "./breakdown.js";
import { successfulCompletionsDuring } from "./completions.js";
import { kpiContext, type KpiContext } from "./context.js";
import type { KpiOptions, KpiPeriod, KpiRatioResult, ProviderData } from "./types.js";

/** K-6: the share of successful completions followed by a re-presentation within 6 months. */
export interface RepresentationsKpi extends KpiRatioResult<"K-6"> {
  /** Completions not re-presented so far whose 182 days run past `asOf`: the value can still rise. */
  readonly windowStillOpen: number;
}

/**
 * K-6 Re-presentations. The denominator is the successful completions in the period (the same episodes K-5
 * judges); the numerator those followed by a referral of the same person, to any team, within 182 days
 * (R-REP-1, `representationAfter`), among the referrals received on or before `asOf`. Completions whose window
 * is still open on `asOf` stay in the denominator, as in K-5, so K-5's numerator plus K-6's numerator is
 * always K-6's denominator; `windowStillOpen` says how many could still turn into re-presentations.
 */
export function representationsKpi(data: ProviderData, period: KpiPeriod, options: KpiOptions = {}): RepresentationsKpi {
  return representationsIn(kpiContext(data, period, options));
}

/** K-6 over a prepared context. */
export function representationsIn(context: KpiContext): RepresentationsKpi {
  const completions = successfulCompletionsDuring(context);
  return {
    id: "K-6",
    target: null,
    ...tallyRatio(
      completions.map((completion) => ({ facts: completion.facts, inNumerator: completion.representation !== null })),
      context,
    ),
    windowStillOpen: completions.filter((completion) => completion.representation === null && completion.windowStillOpen).length,
  };
}
