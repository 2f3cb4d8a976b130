import { tallyRatio } from "./breakdown.js";
import { successfulCompletionsDuring } from "./completions.js";
import { kpiContext, type KpiContext } from "./context.js";
import { episodesInTreatmentDuring } from "./population.js";
import type { KpiGroup, KpiOptions, KpiPeriod, KpiRatioResult, ProviderData } from "./types.js";

/** K-5: successful completions that did not re-present, as a share of everyone in treatment. */
export interface SuccessfulCompletionsKpi extends KpiRatioResult<"K-5"> {
  /** Always given, since commissioners read K-5 per cohort (R-COH-1). */
  readonly byCohort: readonly KpiGroup[];
}

/**
 * K-5 Successful completions. The denominator is the episodes in treatment in the period (as K-1). The
 * numerator is those that ended in the period with a successful completion (the three "treatment completed"
 * reasons) and were not followed by a re-presentation (R-REP-1: the same person referred again within 182
 * days, to any team) among the referrals known on `asOf`. A completion whose 182 days have not yet run out on
 * `asOf` counts as not re-presented, as commissioners count it; K-6 reports how many are still in that window.
 * Counted per episode, like K-1.
 */
export function successfulCompletionsKpi(data: ProviderData, period: KpiPeriod, options: KpiOptions = {}): SuccessfulCompletionsKpi {
  return successfulCompletionsIn(kpiContext(data, period, options));
}

/** K-5 over a prepared context. */
export function successfulCompletionsIn(context: KpiContext): SuccessfulCompletionsKpi {
  const sustained = new Set(
    successfulCompletionsDuring(context)
      .filter((completion) => completion.representation === null)
      .map((completion) => completion.facts.episode.id),
  );
  const units = episodesInTreatmentDuring(context).map((facts) => ({ facts, inNumerator: sustained.has(facts.episode.id) }));
  return {
    id: "K-5",
    target: null,
    ...tallyRatio(units, context),
    byCohort: tallyRatio(units, { ...context, breakdown: "COHORT" }).groups,
  };
}
