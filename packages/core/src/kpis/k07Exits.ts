import { DISCHARGE_REASONS, exitCategoryOf, type DischargeReason, type ExitCategory } from "../codes/dischargeReason.js";
import { tallyRatio } from "./breakdown.js";
import { kpiContext, type EpisodeFacts, type KpiContext } from "./context.js";
import { isInKpiPeriod } from "./period.js";
import type { KpiCount, KpiOptions, KpiPeriod, KpiRatioResult, ProviderData } from "./types.js";

/** The three ways an exit is counted, in the order reports show them. */
export const KPI_EXIT_CATEGORIES: readonly { readonly code: ExitCategory; readonly label: string }[] = [
  { code: "PLANNED", label: "Planned (successful completion)" },
  { code: "TRANSFERRED", label: "Transferred" },
  { code: "UNPLANNED", label: "Unplanned" },
];

/**
 * K-7: exits in the period. As a ratio it is the share of exits that were planned; the counts by reason and by
 * category are the indicator proper.
 */
export interface ExitsKpi extends KpiRatioResult<"K-7"> {
  /** Every discharge reason, in code-list order, zeros included so reports line up period to period. */
  readonly byReason: readonly KpiCount[];
  readonly byCategory: readonly KpiCount[];
}

/**
 * K-7 Exits. Counts the episodes discharged in the period (discharge date in the period, a reason recorded),
 * whether or not treatment had started: referrals that close before treatment ("treatment commencement
 * declined", "inappropriate referral") are exits too. Each reason falls in one category: the three "treatment
 * completed" reasons are planned, the two transfers are transferred, the rest unplanned. The ratio is planned
 * exits over all exits, so a breakdown shows where planned exits are rare.
 */
export function exitsKpi(data: ProviderData, period: KpiPeriod, options: KpiOptions = {}): ExitsKpi {
  return exitsIn(kpiContext(data, period, options));
}

/** K-7 over a prepared context. */
export function exitsIn(context: KpiContext): ExitsKpi {
  const discharges: { readonly facts: EpisodeFacts; readonly reason: DischargeReason }[] = [];
  for (const facts of context.episodes) {
    const reason = facts.episode.dischargeReason;
    if (reason !== null && isInKpiPeriod(facts.episode.dischargeDate, context.period)) discharges.push({ facts, reason });
  }
  const reasons = discharges.map((discharge) => discharge.reason);
  const tally = tallyRatio(
    discharges.map(({ facts, reason }) => ({ facts, inNumerator: exitCategoryOf(reason) === "PLANNED" })),
    context,
  );
  return {
    id: "K-7",
    target: null,
    ...tally,
    byReason: DISCHARGE_REASONS.entries.map((entry) => ({
      key: entry.code,
      label: entry.label,
      count: reasons.filter((reason) => reason === entry.code).length,
    })),
    byCategory: KPI_EXIT_CATEGORIES.map((category) => ({
      key: category.code,
      label: category.label,
      count: reasons.filter((reason) => exitCategoryOf(reason) === category.code).length,
    })),
  };
}
